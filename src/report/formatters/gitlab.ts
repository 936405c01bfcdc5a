// Report: the `gitlab` format — a GitLab Code Quality report (the Code Climate issue subset GitLab reads), for the
// merge-request widget, the diff annotations and the pipeline's « Code Quality » tab.
import { createHash } from "node:crypto";
import { fingerprint } from "../../audit/baseline.js";
import type { Finding, Severity } from "../../core/finding.js";
import type { Formatter } from "../types.js";

/** GitLab's scale is info, minor, major, critical, blocker: an error blocks nothing by itself, it is a major gap. */
export const GITLAB_SEVERITY: Record<Severity, "major" | "minor" | "info"> = { error: "major", warning: "minor", info: "info" };

export interface CodeQualityIssue {
  type: "issue";
  engine_name: "gouvnum";
  check_name: string;
  description: string;
  fingerprint: string;
  severity: "major" | "minor" | "info";
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * Fingerprints unique per finding: the project's line-independent fingerprint, and for the second, third… finding
 * that shares it (same rule, entity, pointer and data) a derived one numbered in the findings' order, so that the
 * same territory always gives the same set of fingerprints, wherever its lines move.
 */
export function uniqueFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = fingerprint(f);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : createHash("sha256").update(`${base}\u0000${n}`).digest("hex").slice(0, 32);
  });
}

export const format: Formatter = (result, ctx) => {
  // Masked findings (`# gouvnum-ignore … -- raison`) are decisions, not gaps: GitLab has no way to show them as such.
  const shown = result.findings.filter((f) => !f.suppressed);
  const fps = uniqueFingerprints(shown);
  const issues: CodeQualityIssue[] = shown.map((f, i) => {
    const begin = Math.max(1, f.line);
    return {
      type: "issue",
      engine_name: "gouvnum",
      check_name: f.ruleId,
      description: f.message,
      fingerprint: fps[i],
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: ctx.repositoryPath ? ctx.repositoryPath(f.file) : f.file, lines: { begin, end: Math.max(begin, f.endLine || begin) } },
    };
  });
  return JSON.stringify(issues, null, 2) + "\n";
};
