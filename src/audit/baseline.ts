// Audit: baselines record known findings by a fingerprint that survives line moves.
import { createHash } from "node:crypto";
import type { Finding } from "../core/finding.js";

export interface Baseline {
  version: 1;
  findings: Array<{ fingerprint: string; ruleId: string; entity: string; pointer: string; file: string }>;
}

/** Stable across line moves and rewording: rule, entity (else file), pointer, message id and data. */
export function fingerprint(f: Finding): string {
  const where = f.entity || `fichier:${f.file}#${f.documentIndex}`;
  const data = Object.keys(f.data)
    .sort()
    .map((k) => `${k}=${f.data[k]}`)
    .join("&");
  return createHash("sha256").update([f.ruleId, where, f.pointer, f.messageId, data].join("\u0000")).digest("hex").slice(0, 32);
}

export function makeBaseline(findings: readonly Finding[]): Baseline {
  return {
    version: 1,
    findings: findings
      .filter((f) => !f.suppressed)
      .map((f) => ({ fingerprint: fingerprint(f), ruleId: f.ruleId, entity: f.entity, pointer: f.pointer, file: f.file })),
  };
}

/** Marks findings present in the baseline as known (each baseline entry matches one finding). */
export function applyBaseline(findings: Finding[], baseline: Baseline): void {
  const counts = new Map<string, number>();
  for (const b of baseline.findings) counts.set(b.fingerprint, (counts.get(b.fingerprint) ?? 0) + 1);
  for (const f of findings) {
    if (f.suppressed) continue;
    const fp = fingerprint(f);
    const n = counts.get(fp) ?? 0;
    if (n > 0) {
      f.known = true;
      counts.set(fp, n - 1);
    }
  }
}

export function isBaseline(v: unknown): v is Baseline {
  return (
    typeof v === "object" && v !== null && (v as Baseline).version === 1 && Array.isArray((v as Baseline).findings) &&
    (v as Baseline).findings.every((f) => typeof f?.fingerprint === "string")
  );
}
