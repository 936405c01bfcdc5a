// Report: the outputs of `gouvnum deadlines` — text for the terminal, CSV for a spreadsheet or a mail merge,
// iCalendar (RFC 5545) for a calendar: one all-day event per deadline, with a UID that survives re-exports.
import type { Deadline } from "../audit/deadlines.js";
import { formatMessage } from "../core/format-message.js";
import { formatNombre } from "../core/numbers.js";
import { catalogue } from "../messages/index.js";

export const DEADLINE_FORMATS = ["text", "csv", "ics"] as const;
export type DeadlineFormat = (typeof DEADLINE_FORMATS)[number];

export interface DeadlineContext {
  /** The audit date and the end of the window. */
  date: string;
  end: string;
  within: number;
  version: string;
}

function t(id: string, data: Record<string, string | number> = {}): string {
  return formatMessage(catalogue.cli[`echeances.${id}`], data);
}

function dateFr(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** Terminal-safe: control characters from the territory never reach the terminal raw. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

function when(d: Deadline): string {
  if (d.jours < 0) return t("texte.enRetard", { n: formatNombre(-d.jours) });
  if (d.jours === 0) return t("texte.aujourdhui");
  return t("texte.dans", { n: formatNombre(d.jours) });
}

export function formatText(list: readonly Deadline[], ctx: DeadlineContext): string {
  const lines: string[] = [];
  for (const d of list) {
    lines.push(`${dateFr(d.date)}  ${clean(d.title)}  (${when(d)})`);
    lines.push(`            ${clean(d.detail)}`);
    lines.push(`            ${t("texte.concerne", { qui: clean(d.concerne.map((c) => `${c.nom} (${c.ref})`).join(", ")) })}`);
  }
  if (lines.length) lines.push("");
  const n = list.length;
  lines.push(
    n === 0
      ? t("texte.aucune", { debut: dateFr(ctx.date), fin: dateFr(ctx.end) })
      : t("texte.resume", { n: n === 1 ? t("texte.une") : t("texte.plusieurs", { n: formatNombre(n) }), debut: dateFr(ctx.date), fin: dateFr(ctx.end), jours: formatNombre(ctx.within) }),
  );
  return lines.join("\n") + "\n";
}

/** A CSV field: quoted when it holds the separator, a quote or a line break; a leading =, +, - or @ is neutralised (formula injection). */
function csvField(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `;`-separated, UTF-8 with a BOM, CRLF: what a French spreadsheet opens as is; one row per deadline. */
export function formatCsv(list: readonly Deadline[]): string {
  const rows = [t("csv.entetes")];
  for (const d of list) {
    rows.push(
      [d.date, t(`type.${d.kind}`), d.entity, d.title, d.detail, d.concerne.map((c) => c.nom).join(", "), d.courriels.join(", ")].map(csvField).join(";"),
    );
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}

/** RFC 5545 § 3.3.11: backslash, semicolon, comma and line breaks escaped in TEXT values. */
function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 § 3.1: lines longer than 75 octets folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function icsDate(iso: string): string {
  return iso.replace(/-/g, "");
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * An iCalendar file: one all-day event (DTSTART;VALUE=DATE, DTEND the day after) per deadline. The UID says what
 * and about whom, never when: a calendar that imports the file again updates the events instead of duplicating them.
 * DTSTAMP is the audit date, so that the same territory on the same date gives the same file.
 */
export function formatIcs(list: readonly Deadline[], ctx: DeadlineContext): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//gouvnum//gouvnum ${ctx.version}//FR`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(t("ics.nom"))}`,
  ];
  for (const d of list) {
    const who = d.concerne.map((c) => `${c.nom} (${c.ref})`).join(", ");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${d.uid}`,
      `DTSTAMP:${icsDate(ctx.date)}T000000Z`,
      `DTSTART;VALUE=DATE:${icsDate(d.date)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(d.date))}`,
      `SUMMARY:${icsText(d.title)}`,
      `DESCRIPTION:${icsText(`${d.detail}\n${t("texte.concerne", { qui: who })}${d.courriels.length ? `\n${d.courriels.join(", ")}` : ""}`)}`,
      `CATEGORIES:${icsText(t(`type.${d.kind}`))}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
