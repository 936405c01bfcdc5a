// Audit: `# gouvnum-ignore` comments applied to the findings of their document; a comment that names no rule, an
// unknown rule or no reason, or that suppresses nothing, is itself a finding (group I, audit only).
import type { Finding } from "../core/finding.js";
import { didYouMean } from "../core/similar.js";
import { canonicalRuleId } from "../core/rule-ids.js";
import type { LoadedDocument } from "../load/document.js";
import type { DocResult } from "./document-check.js";
import { makeFinding } from "./findings.js";
import { renamedNotice, type RuleRun } from "./resolve-rules.js";

/** Marks the findings each suppression comment covers; adds the findings about the comments themselves (audit only). */
export function applySuppressions(
  findings: Finding[],
  documents: LoadedDocument[],
  extras: Map<LoadedDocument, DocResult>,
  runs: Map<string, RuleRun>,
  mode: "validate" | "audit",
  notices: string[],
): void {
  const produced: Finding[] = [];
  const ids = [...runs.keys()];
  // Findings by document, built on the first suppression: each suppression looks at its document's findings only.
  let byDoc: Map<string, Finding[]> | undefined;
  const docFindings = (doc: LoadedDocument): Finding[] => {
    if (!byDoc) {
      byDoc = new Map();
      for (const f of findings) {
        const k = `${f.documentIndex}\u0000${f.file}`;
        const list = byDoc.get(k);
        if (list) list.push(f);
        else byDoc.set(k, [f]);
      }
    }
    return byDoc.get(`${doc.index}\u0000${doc.source.file}`) ?? [];
  };
  for (const doc of documents) {
    for (const s of extras.get(doc)?.suppressions ?? []) {
      const [line, column, endLine, endColumn] = s.place; // located in the per-file stage
      const loc = { file: doc.source.file, line, column, endLine, endColumn };
      const base = { ...loc, pointer: "", entity: doc.entity, documentIndex: doc.index };
      // A renamed rule's old id suppresses the new one's findings, with a notice (not a finding).
      for (const id of s.ruleIds) {
        if (canonicalRuleId(id) !== id) notices.push(renamedNotice(id, "ignore", { fichier: doc.source.file, ligne: loc.line }));
      }
      const ruleIds = [...new Set(s.ruleIds.map(canonicalRuleId))];
      const unknown = ruleIds.filter((id) => !runs.has(id));
      if (ruleIds.length === 0) {
        produced.push(makeFinding("suppression-invalide", "vide", {}, base));
        continue;
      }
      if (unknown.length > 0) {
        produced.push(makeFinding("suppression-invalide", "regleInconnue", { regle: unknown[0], suggestion: didYouMean(unknown[0], ids) }, base));
        continue;
      }
      if (!s.reason) {
        produced.push(makeFinding("suppression-invalide", "sansRaison", { regles: ruleIds.join(", ") }, base));
        continue;
      }
      for (const id of ruleIds) {
        let used = false;
        for (const f of docFindings(doc)) {
          if (f.ruleId === id && !f.suppressed) {
            f.suppressed = { reason: s.reason };
            used = true;
          }
        }
        const ran = runs.get(id);
        const couldRun = ran && ran.severity !== "off" && (mode === "audit" || ran.rule.group === "A");
        if (!used && couldRun) produced.push(makeFinding("suppression-inutile", "inutile", { regle: id }, base));
      }
    }
  }
  // Group I is an audit rule group: `validate` applies suppressions but does not judge them.
  if (mode === "audit") findings.push(...produced);
}
