// Report section « Évolution » — indicators then and now, findings fixed and new by theme and by collectivité
// (--compare) — and « Indicateurs dans le temps » (--history). Pure functions of audit results; the command computes
// them (it reads the previous state) and passes them to buildViewModel (../view-model.ts), which places them and lists them in the table
// of contents. Their view types are in ../vm-types.ts.
import type { AuditResult } from "../../audit/engine.js";
import type { Comparison, SavedFinding, SavedIndicator } from "../../audit/compare.js";
import type { Finding } from "../../core/finding.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import type { Territory } from "../../model/territory.js";
import { territoryIndicators } from "./indicateurs.js";
import { dateText, percentText, ratio } from "../text.js";
import { comparisonLine } from "../comparison.js";
import { entityLabel } from "../context.js";
import type { ConstatEvolutionVM, EvolutionVM, GroupeEvolutionVM, HistoriqueVM, IndicateurEvolutionVM, Tendance } from "../vm-types.js";

/** The report's indicators of an audit, as a saved result records them (the report's computation, without the rest of its view model). */
export function indicatorsOf(result: AuditResult, _version?: string): SavedIndicator[] {
  return territoryIndicators(result).map((i) => ({ id: i.id, numerateur: i.numerateur, denominateur: i.denominateur, sens: i.sens }));
}






const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, signDisplay: "always" });

function lbl(key: string, data?: Record<string, string | number>): string {
  const t = catalogue.cli[`evolution.${key}`];
  if (t === undefined) throw new Error(`libellé d'évolution inconnu : ${key}`);
  return data ? formatMessage(t, data) : t;
}

/** One indicator then and now; `sens` says which way is better. */
export function indicatorChange(id: string, libelle: string, before: SavedIndicator | undefined, now: SavedIndicator): IndicateurEvolutionVM {
  const p0 = before ? ratio(before.numerateur, before.denominateur) : null;
  const p1 = ratio(now.numerateur, now.denominateur);
  const ecart = p0 === null || p1 === null ? null : Math.round((p1 - p0) * 10) / 10;
  let tendance: Tendance = "inconnu";
  if (ecart !== null) tendance = ecart === 0 ? "stable" : (ecart > 0) === (now.sens === "plus") ? "mieux" : "moinsBien";
  const fleche = ecart === null ? "—" : ecart > 0 ? "↑" : ecart < 0 ? "↓" : "→";
  return {
    id,
    libelle,
    avantTexte: before ? percentText(p0) : lbl("inconnu"),
    apresTexte: percentText(p1),
    ecart,
    ecartTexte: ecart === null ? "—" : ecart === 0 ? lbl("ecart.nul") : lbl("ecart.points", { n: pct.format(ecart).replace("-", "−") }),
    tendance,
    fleche,
    tendanceTexte: lbl(`tendance.${tendance}`),
  };
}

/** The collectivités a finding belongs to: its own, its établissement's, a convention's parties. */
function collectivitesOf(t: Territory | undefined, entity: string): string[] {
  const e = t?.byRef.get(entity);
  if (!t || !e) return [];
  if (e.kind === "collectivite") return [e.ref];
  if (e.kind === "etablissement") {
    const c = t.collectiviteOf(e);
    return c ? [c.ref] : [];
  }
  if (e.kind === "convention") {
    const out = new Set<string>();
    for (const p of e.data.parties ?? []) {
      const pe = t.byRef.get(p);
      if (pe?.kind === "collectivite") out.add(pe.ref);
      else if (pe?.kind === "etablissement") {
        const c = t.collectiviteOf(pe);
        if (c) out.add(c.ref);
      }
    }
    return [...out];
  }
  return [];
}

function collectiviteName(ts: Array<Territory | undefined>, ref: string): string {
  for (const t of ts) {
    const e = t?.byRef.get(ref);
    if (e?.kind === "collectivite") return String(e.data.nom ?? ref);
  }
  return ref;
}

type Item = Pick<SavedFinding, "ruleId" | "entity" | "message" | "file" | "line">;

/** How many fixed and new findings the section lists (the rest counted), and how many collectivités it names. */
const LISTE_MAX = 20;
const COLLECTIVITES_MAX = 15;

function toItem(ts: Array<Territory | undefined>, f: Item): ConstatEvolutionVM {
  const t = ts.find((x) => x?.byRef.has(f.entity)) ?? ts[0];
  return { regle: f.ruleId, resume: catalogue.rules[f.ruleId]?.summary ?? f.ruleId, message: f.message, entite: f.entity, entiteLibelle: t ? entityLabel(t, f.entity, f.file) : f.entity, fichier: f.file, ligne: f.line };
}

/** At most {@link COLLECTIVITES_MAX} collectivités: those that change most, then one row adding up the others. */
function boundCollectivites(groups: GroupeEvolutionVM[]): GroupeEvolutionVM[] {
  if (groups.length <= COLLECTIVITES_MAX) return groups;
  const ranked = [...groups].sort((a, b) => b.corriges + b.nouveaux - (a.corriges + a.nouveaux) || a.libelle.localeCompare(b.libelle, "fr"));
  const kept = new Set(ranked.slice(0, COLLECTIVITES_MAX));
  const rest = ranked.slice(COLLECTIVITES_MAX);
  const autres = { ref: "autres", libelle: lbl("autresCollectivites", { n: rest.length }), corriges: 0, nouveaux: 0 };
  for (const g of rest) {
    autres.corriges += g.corriges;
    autres.nouveaux += g.nouveaux;
  }
  return [...groups.filter((g) => kept.has(g)), autres];
}

/** The « Évolution » section's data, from the current audit and its comparison. */
export function buildEvolution(result: AuditResult, comparison: Comparison, version: string): EvolutionVM {
  const prev = comparison.previous;
  const beforeIndicators = prev.indicators ?? (prev.result ? indicatorsOf(prev.result, version) : undefined);
  const indicateurs = territoryIndicators(result).map((i) =>
    indicatorChange(i.id, i.libelle, beforeIndicators?.find((b) => b.id === i.id), { id: i.id, numerateur: i.numerateur, denominateur: i.denominateur, sens: i.sens }),
  );
  const fresh: Finding[] = result.findings.filter((f) => f.status === "new");
  const fixed = comparison.fixed;
  const groupOf = new Map(result.rules.map((r) => [r.rule.id, r.rule.group ?? ""]));
  const groups = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
  const parTheme = groups
    .map((g) => ({
      ref: g,
      libelle: catalogue.cli[`rapport.groupe.${g}`] ?? g,
      corriges: fixed.filter((f) => groupOf.get(f.ruleId) === g).length,
      nouveaux: fresh.filter((f) => groupOf.get(f.ruleId) === g).length,
    }))
    .filter((x) => x.corriges + x.nouveaux > 0);
  const territories = [result.territory, prev.result?.territory];
  const byColl = new Map<string, GroupeEvolutionVM>();
  const add = (entity: string, key: "corriges" | "nouveaux") => {
    const refs = collectivitesOf(result.territory, entity);
    const found = refs.length > 0 ? refs : collectivitesOf(prev.result?.territory, entity);
    for (const ref of found.length > 0 ? found : [""]) {
      const g = byColl.get(ref) ?? { ref, libelle: ref ? collectiviteName(territories, ref) : lbl("horsCollectivite"), corriges: 0, nouveaux: 0 };
      g[key]++;
      byColl.set(ref, g);
    }
  };
  for (const f of fixed) add(f.entity, "corriges");
  for (const f of fresh) add(f.entity, "nouveaux");
  const parCollectivite = boundCollectivites([...byColl.values()].sort((a, b) => (a.ref === "" ? 1 : b.ref === "" ? -1 : a.libelle.localeCompare(b.libelle, "fr"))));
  const autres = (n: number) => (n > 0 ? lbl("autres", { n, ref: prev.ref }) : "");
  return {
    ref: prev.ref,
    date: prev.date,
    dateTexte: dateText(prev.date),
    resume: comparisonLine(comparison),
    corriges: comparison.counts.fixed,
    nouveaux: comparison.counts.new,
    inchanges: comparison.counts.unchanged + comparison.counts.updated,
    modifies: comparison.counts.updated,
    indicateurs,
    parTheme,
    parCollectivite,
    listeCorriges: fixed.slice(0, LISTE_MAX).map((f) => toItem(territories, f)),
    listeNouveaux: fresh.slice(0, LISTE_MAX).map((f) => toItem(territories, f)),
    autresCorriges: Math.max(0, fixed.length - LISTE_MAX),
    autresNouveaux: Math.max(0, fresh.length - LISTE_MAX),
    autresCorrigesTexte: autres(fixed.length - LISTE_MAX),
    autresNouveauxTexte: autres(fresh.length - LISTE_MAX),
  };
}

// ---------------------------------------------------------------------------------------------
// --history: the indicators over time.

/** One audit of the history: its date, what it is (a file, a tag) and its indicators. */
export interface HistoryPoint {
  date: string;
  libelle: string;
  indicators: SavedIndicator[];
}



const W = 220;
const H = 120;
const PAD = { l: 34, r: 10, t: 12, b: 26 };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A small line chart of one indicator: points labelled with their value (never colour alone), 0 and 100 % marked. */
function smallMultiple(id: string, titre: string, points: Array<{ dateTexte: string; p: number | null }>): string {
  const n = points.length;
  const x = (i: number) => PAD.l + (n <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (n - 1));
  const y = (p: number) => PAD.t + (1 - p / 100) * (H - PAD.t - PAD.b);
  const r = (v: number) => String(Math.round(v * 10) / 10);
  const desc = points.map((p) => `${p.dateTexte} : ${p.p === null ? "—" : percentText(p.p)}`).join(" ; ");
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graphique petit" role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Marianne, Arial, Helvetica, sans-serif" font-size="10">`,
    `<title id="${id}-t">${esc(titre)}</title><desc id="${id}-d">${esc(desc)}</desc>`,
    `<g aria-hidden="true">`,
  ];
  for (const tick of [0, 100]) {
    out.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${r(y(tick))}" y2="${r(y(tick))}" stroke="#6b7280" stroke-width="1" stroke-dasharray="${tick ? "3 3" : "0"}"/>`);
    out.push(`<text x="${PAD.l - 4}" y="${r(y(tick) + 3)}" text-anchor="end" fill="#1a1a1a">${tick}\u00a0%</text>`);
  }
  const known = points.map((p, i) => ({ ...p, i })).filter((p): p is { dateTexte: string; p: number; i: number } => p.p !== null);
  if (known.length > 1) out.push(`<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="${known.map((p) => `${r(x(p.i))},${r(y(p.p))}`).join(" ")}"/>`);
  for (const p of known) {
    out.push(`<circle cx="${r(x(p.i))}" cy="${r(y(p.p))}" r="3" fill="#1f5fa8"/>`);
    out.push(`<text x="${r(x(p.i))}" y="${r(y(p.p) - 6)}" text-anchor="middle" fill="#1a1a1a">${esc(String(Math.round(p.p)))}</text>`);
  }
  points.forEach((p, i) => {
    if (n <= 6 || i === 0 || i === n - 1) out.push(`<text x="${r(x(i))}" y="${H - 8}" text-anchor="middle" fill="#1a1a1a">${esc(p.dateTexte.replace(/^\d+ /, ""))}</text>`);
  });
  out.push(`</g></svg>`);
  return out.join("");
}

/** The history section: one small chart per indicator, all on the same scale, and the table of every value. */
export function buildHistory(points: readonly HistoryPoint[], labels: ReadonlyMap<string, string>): HistoriqueVM {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.libelle < b.libelle ? -1 : 1));
  const ids = [...new Set(sorted.flatMap((p) => p.indicators.map((i) => i.id)))];
  const ordered = [...labels.keys()].filter((id) => ids.includes(id)).concat(ids.filter((id) => !labels.has(id)));
  const colonnes = sorted.map((p) => ({ date: p.date, dateTexte: dateText(p.date), libelle: p.libelle }));
  const series = ordered.map((id, k) => {
    const libelle = labels.get(id) ?? id;
    const values = sorted.map((p) => {
      const i = p.indicators.find((x) => x.id === id);
      return i ? ratio(i.numerateur, i.denominateur) : null;
    });
    return {
      id,
      libelle,
      svg: smallMultiple(`historique-${k}`, libelle, values.map((p, j) => ({ dateTexte: colonnes[j].dateTexte, p }))),
      valeurs: values.map((p) => (p === null ? "—" : percentText(p))),
    };
  });
  return { colonnes, series, description: lbl("historique.description", { n: sorted.length }) };
}
