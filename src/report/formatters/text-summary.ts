// Report: the text format's summary at scale — counts per rule and per collectivité, the most frequent first.
import type { AuditResult } from "../../audit/engine.js";
import type { Finding } from "../../core/finding.js";
import { formatMessage } from "../../core/format-message.js";
import { formatNombre } from "../../core/numbers.js";
import { catalogue } from "../../messages/index.js";
import type { Territory } from "../../model/territory.js";
import { isCounted } from "../counted.js";

/** Beyond this many lines of findings on a terminal, the listing stops and the summary follows. */
export const SUMMARY_AFTER = 10_000;
/** Lines per table of the summary. */
export const SUMMARY_ROWS = 15;

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id], data);
const plural = (n: number, one: string, many: string) => `${formatNombre(n)} ${n > 1 ? many : one}`;

/** The collectivité a finding is about: its own, its établissement's, a convention's collectivité party; undefined otherwise. */
export function collectiviteOfFinding(territory: Territory, f: Finding): string | undefined {
  const e = f.entity ? territory.get(f.entity) : undefined;
  if (!e) return undefined;
  switch (e.kind) {
    case "collectivite":
      return e.ref;
    case "etablissement":
      return e.data.collectivite ? `collectivite:${e.data.collectivite}` : undefined;
    case "convention":
      return (e.data.parties ?? []).find((p) => p.startsWith("collectivite:"));
    default:
      return undefined;
  }
}

function table(title: string, counts: Map<string, number>, name: (key: string) => string): string[] {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = rows.slice(0, SUMMARY_ROWS);
  const width = Math.max(...shown.map(([, n]) => formatNombre(n).length));
  const out = [title, ...shown.map(([k, n]) => t("resume.ligne", { n: formatNombre(n).padStart(width), nom: name(k) }))];
  const rest = rows.slice(SUMMARY_ROWS);
  if (rest.length > 0) out.push(t("resume.autres", { n: formatNombre(rest.length), constats: plural(rest.reduce((s, [, n]) => s + n, 0), "constat", "constats") }));
  return out;
}

/** The summary's lines: a title, the counts per rule and per collectivité, and the command that shows everything. */
export function scaleSummary(result: AuditResult, seeAll: string | undefined): string[] {
  const counted = result.findings.filter(isCounted);
  const byRule = new Map<string, number>();
  const byCollectivite = new Map<string, number>();
  for (const f of counted) {
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const c = collectiviteOfFinding(result.territory, f) ?? "";
    byCollectivite.set(c, (byCollectivite.get(c) ?? 0) + 1);
  }
  const files = new Set(counted.map((f) => f.file)).size;
  const lines = [t("resume.titre", { constats: plural(counted.length, "constat", "constats"), fichiers: plural(files, "fichier", "fichiers") })];
  if (counted.length > 0) {
    lines.push("", ...table(t("resume.parRegle"), byRule, (id) => id));
    const nameOf = (ref: string) => {
      if (ref === "") return t("resume.sansCollectivite");
      const c = result.territory.get(ref);
      const nom = c && c.kind === "collectivite" ? c.data.nom : undefined;
      return nom ? `${nom} (${ref.slice("collectivite:".length)})` : ref.slice("collectivite:".length);
    };
    lines.push("", ...table(t("resume.parCollectivite"), byCollectivite, nameOf));
  }
  if (seeAll) lines.push("", t("resume.voirTout", { commande: seeAll }));
  return lines;
}
