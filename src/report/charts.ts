// Report: inline SVG bar charts for the HTML report — built from numbers and labels, every text escaped here.

/** Escapes text for SVG/HTML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Shortens a label for the chart (the full text is in the data table beside it). */
function shorten(s: string, max = 36): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** A row label on as many lines as it needs (whole words, at most 36 characters a line): never truncated. */
export function wrapLabel(s: string, max = 36): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of s.replace(/\s+/g, " ").trim().split(" ")) {
    if (line !== "" && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

const LINE_H = 15;

/** The height of a row whose label has `n` lines. */
function rowHeight(n: number): number {
  return Math.max(ROW_H, n * LINE_H + 10);
}

/** Colours with at least 3:1 against white (WCAG 1.4.11), one per severity. */
export const SEVERITY_COLOURS: Record<string, string> = { error: "#b3261e", warning: "#a15700", info: "#1f5fa8" };
const BAR = "#1f5fa8";
const TRACK = "#e3e8ef";
const TEXT = "#1a1a1a";

const WIDTH = 720;
const LABEL_W = 270;
const VALUE_W = 130;
const BAR_W = WIDTH - LABEL_W - VALUE_W - 20;
const ROW_H = 30;
const BAR_H = 18;

function open(id: string, titre: string, description: string, height: number): string {
  const t = `${id}-titre`;
  const d = `${id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="graphique" role="img" aria-labelledby="${escapeXml(t)}" aria-describedby="${escapeXml(d)}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" preserveAspectRatio="xMinYMin meet" font-family="Marianne, Arial, Helvetica, sans-serif" font-size="13">` +
    `<title id="${escapeXml(t)}">${escapeXml(titre)}</title><desc id="${escapeXml(d)}">${escapeXml(description)}</desc>`
  );
}

/** The label of a row, its lines centred on the bar (y: the bar's top). */
function rowLabel(y: number, lines: readonly string[]): string {
  const first = y + BAR_H / 2 + 4 - ((lines.length - 1) * LINE_H) / 2;
  const spans = lines.map((l, i) => `<tspan x="${LABEL_W - 8}" y="${round(first + i * LINE_H)}">${escapeXml(l)}</tspan>`).join("");
  return `<text text-anchor="end" fill="${TEXT}">${spans}</text>`;
}

export interface StackedChart {
  id: string;
  titre: string;
  description: string;
  series: Array<{ cle: string; libelle: string }>;
  lignes: Array<{ libelle: string; valeurs: number[] }>;
  legende: string;
}

/** Horizontal stacked bars (one row per line, one segment per series), a legend on top and the total at the end of each bar. */
export function stackedBarChart(c: StackedChart): string {
  const legendH = 30;
  const labels = c.lignes.map((l) => wrapLabel(l.libelle));
  const heights = labels.map((l) => rowHeight(l.length));
  const height = legendH + (c.lignes.length === 0 ? ROW_H : heights.reduce((a, b) => a + b, 0)) + 8;
  const max = Math.max(1, ...c.lignes.map((l) => l.valeurs.reduce((a, b) => a + b, 0)));
  const out = [open(c.id, c.titre, c.description, height)];
  // Legend.
  let x = LABEL_W;
  out.push(`<g aria-hidden="true">`);
  for (const s of c.series) {
    out.push(`<rect x="${x}" y="8" width="14" height="14" fill="${SEVERITY_COLOURS[s.cle] ?? BAR}"/>`);
    out.push(`<text x="${x + 20}" y="20" fill="${TEXT}">${escapeXml(shorten(s.libelle, 20))}</text>`);
    x += 30 + s.libelle.length * 7.5;
  }
  out.push(`</g>`);
  let top = legendH;
  c.lignes.forEach((l, i) => {
    const y = top + (heights[i] - BAR_H) / 2;
    top += heights[i];
    out.push(rowLabel(y, labels[i]));
    out.push(`<rect x="${LABEL_W}" y="${y}" width="${BAR_W}" height="${BAR_H}" fill="${TRACK}"/>`);
    let bx = LABEL_W;
    l.valeurs.forEach((v, j) => {
      if (v <= 0) return;
      const w = (v / max) * BAR_W;
      out.push(`<rect x="${round(bx)}" y="${y}" width="${round(w)}" height="${BAR_H}" fill="${SEVERITY_COLOURS[c.series[j]?.cle ?? ""] ?? BAR}"/>`);
      bx += w;
    });
    const total = l.valeurs.reduce((a, b) => a + b, 0);
    out.push(`<text x="${LABEL_W + BAR_W + 8}" y="${y + BAR_H / 2 + 4}" fill="${TEXT}">${escapeXml(String(total))}</text>`);
  });
  out.push(`</svg>`);
  return out.join("");
}

export interface PercentChart {
  id: string;
  titre: string;
  description: string;
  lignes: Array<{ libelle: string; pourcentage: number; valeurTexte: string }>;
}

/** Horizontal bars on a 0–100 % scale, the value written at the end of each bar. */
export function barChart(c: PercentChart): string {
  const axisH = 22;
  const labels = c.lignes.map((l) => wrapLabel(l.libelle));
  const heights = labels.map((l) => rowHeight(l.length));
  const height = (c.lignes.length === 0 ? ROW_H : heights.reduce((a, b) => a + b, 0)) + axisH + 8;
  const out = [open(c.id, c.titre, c.description, height)];
  out.push(`<g aria-hidden="true">`);
  for (const tick of [0, 50, 100]) {
    const x = LABEL_W + (tick / 100) * BAR_W;
    out.push(`<line x1="${round(x)}" y1="${axisH - 4}" x2="${round(x)}" y2="${height - 4}" stroke="#6b7280" stroke-width="1" stroke-dasharray="${tick === 0 ? "0" : "3 3"}"/>`);
    out.push(`<text x="${round(x)}" y="${axisH - 8}" text-anchor="middle" fill="${TEXT}">${tick}\u00a0%</text>`);
  }
  out.push(`</g>`);
  let top = axisH;
  c.lignes.forEach((l, i) => {
    const y = top + (heights[i] - BAR_H) / 2;
    top += heights[i];
    const p = Math.min(100, Math.max(0, Number.isFinite(l.pourcentage) ? l.pourcentage : 0));
    out.push(rowLabel(y, labels[i]));
    out.push(`<rect x="${LABEL_W}" y="${y}" width="${BAR_W}" height="${BAR_H}" fill="${TRACK}"/>`);
    if (p > 0) out.push(`<rect x="${LABEL_W}" y="${y}" width="${round((p / 100) * BAR_W)}" height="${BAR_H}" fill="${BAR}"/>`);
    out.push(`<text x="${LABEL_W + BAR_W + 8}" y="${y + BAR_H / 2 + 4}" fill="${TEXT}">${escapeXml(l.valeurTexte)}</text>`);
  });
  out.push(`</svg>`);
  return out.join("");
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
