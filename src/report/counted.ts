// Report: which findings count (not suppressed, not known) and how the summary reads in French.
import type { AuditResult } from "../audit/engine.js";
import { severityRank, type Finding } from "../core/finding.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import type { FailOn } from "./types.js";

export function isCounted(f: Finding): boolean {
  return !f.suppressed && !f.known;
}

/** Counted findings at or above the threshold; with `--compare`, the new ones only (« no new gap in this merge request »). */
export function failing(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === "never") return [];
  const min = severityRank(failOn);
  return findings.filter((f) => isCounted(f) && (f.status === undefined || f.status === "new") && severityRank(f.severity) >= min);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** « 12 constats : 3 erreurs, 7 avertissements, 2 infos — 40 fichiers, 52 documents ». */
export function summaryLine(result: AuditResult): string {
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos;
  const c = catalogue.cli;
  let line = formatMessage(c.resume, {
    constats: plural(total, "constat", "constats"),
    erreurs: plural(s.errors, "erreur", "erreurs"),
    avertissements: plural(s.warnings, "avertissement", "avertissements"),
    infos: plural(s.infos, "info", "infos"),
    fichiers: plural(s.files, "fichier", "fichiers"),
    documents: plural(s.documents, "document", "documents"),
  });
  if (s.suppressed > 0) line += formatMessage(c.resumeMasques, { n: plural(s.suppressed, "constat masqué", "constats masqués") });
  if (s.known > 0) line += formatMessage(c.resumeConnus, { n: plural(s.known, "constat connu", "constats connus") });
  return line;
}

export const SEVERITY_LABEL: Record<string, string> = { error: "erreur", warning: "avertissement", info: "info" };
