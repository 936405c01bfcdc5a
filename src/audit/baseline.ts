// Audit: baselines record known findings by their fingerprint (src/core/fingerprint.ts), which survives line moves and file moves.
import type { Finding } from "../core/finding.js";
import { catalogue } from "../messages/index.js";
import { formatMessage } from "../core/format-message.js";
import { formatNombre } from "../core/numbers.js";
import { contentHash, fingerprint, keysOf, matchByKeys, sha256Hex } from "../core/fingerprint.js";
import { canonicalRuleId } from "../core/rule-ids.js";

export { fingerprint } from "../core/fingerprint.js";

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  entity: string;
  pointer: string;
  /** Where the finding was when the baseline was written: for people reading the file, never matched on. */
  file: string;
  /** What the message said (version 2): a known finding whose content changed is still known. */
  content?: string;
}

export interface Baseline {
  /** 2: fingerprints of src/core/fingerprint.ts. 1 (older gouvnum): still read, matched by their own fingerprint. */
  version: 1 | 2;
  findings: BaselineEntry[];
}

/** The fingerprint baselines of version 1 used (message id and every datum, the file for documents without identity). */
export function legacyFingerprint(f: Finding): string {
  const where = f.entity || `fichier:${f.file}#${f.documentIndex}`;
  const data = Object.keys(f.data)
    .sort()
    .map((k) => `${k}=${f.data[k]}`)
    .join("&");
  return sha256Hex([f.ruleId, where, f.pointer, f.messageId, data].join("\u0000")).slice(0, 32);
}

export function makeBaseline(findings: readonly Finding[]): Baseline {
  return {
    version: 2,
    findings: findings
      .filter((f) => !f.suppressed)
      .map((f) => ({ fingerprint: fingerprint(f), ruleId: f.ruleId, entity: f.entity, pointer: f.pointer, file: f.file, content: contentHash(f) })),
  };
}

/**
 * Marks findings present in the baseline as known, matching fingerprints one to one (never counts per rule or
 * file: a gap fixed and a new one elsewhere in the same file do not cancel out). Returns the entries no
 * finding matched any more: the known findings that were fixed.
 */
export function applyBaseline(findings: Finding[], baseline: Baseline): BaselineEntry[] {
  let open = findings.filter((f) => !f.suppressed);
  // Entries recorded under a renamed rule's old id: their fingerprint (made with the old id) cannot match,
  // so each matches one finding of the new rule on the same entity.
  if (renamedRuleIds(baseline).length > 0) {
    const renamed = new Map<string, BaselineEntry[]>();
    const current: BaselineEntry[] = [];
    for (const b of baseline.findings) {
      const canonical = canonicalRuleId(b.ruleId);
      if (canonical === b.ruleId) current.push(b);
      else renamed.set(`${canonical}\u0000${b.entity}`, [...(renamed.get(`${canonical}\u0000${b.entity}`) ?? []), b]);
    }
    for (const f of open) {
      const list = renamed.get(`${f.ruleId}\u0000${f.entity}`);
      if (list?.length) {
        list.pop();
        f.known = true;
      }
    }
    open = open.filter((f) => !f.known);
    const rest = applyBaseline(open, { ...baseline, findings: current });
    return [...rest, ...[...renamed.values()].flat()];
  }
  if (baseline.version === 1) {
    const byFp = new Map<string, BaselineEntry[]>();
    for (const b of baseline.findings) byFp.set(b.fingerprint, [...(byFp.get(b.fingerprint) ?? []), b]);
    for (const f of open) {
      const list = byFp.get(legacyFingerprint(f));
      if (list?.length) {
        list.pop();
        f.known = true;
      }
    }
    return [...byFp.values()].flat();
  }
  const m = matchByKeys(baseline.findings, open, (e) => ({ fp: e.fingerprint, content: e.content ?? "" }), keysOf);
  for (const [, cur] of [...m.unchanged, ...m.updated]) cur.known = true;
  return m.removed;
}

/** The renamed rules' old ids a baseline still records (each gets a deprecation notice). */
export function renamedRuleIds(baseline: Baseline): string[] {
  return [...new Set(baseline.findings.map((b) => b.ruleId).filter((id) => typeof id === "string" && canonicalRuleId(id) !== id))];
}

export function isBaseline(v: unknown): v is Baseline {
  return (
    typeof v === "object" && v !== null && ((v as Baseline).version === 1 || (v as Baseline).version === 2) && Array.isArray((v as Baseline).findings) &&
    (v as Baseline).findings.every((f) => typeof f?.fingerprint === "string")
  );
}

/** « 42 constats connus ont été corrigés ; 5 601 restent. »: what became of a baseline's findings in this audit. */
export function baselineProgress(previous: Baseline, findings: readonly Finding[]): string {
  const copies = findings.map((f) => ({ ...f, known: undefined }));
  const fixed = applyBaseline(copies, previous).length;
  const remaining = copies.filter((f) => f.known).length;
  const c = catalogue.cli;
  const count = (n: number, key: string) => (n === 0 ? c[`${key}.aucun`] : n === 1 ? c[`${key}.un`] : formatMessage(c[`${key}.plusieurs`], { n: formatNombre(n) }));
  return formatMessage(c["baseline.corriges"], { corriges: count(fixed, "baseline.corriges"), restent: count(remaining, "baseline.restent") });
}
