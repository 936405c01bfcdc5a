// Report: the `gitlab` format — a GitLab Code Quality report (the Code Climate issue subset GitLab reads), for the
// merge-request widget, the diff annotations and the pipeline's « Code Quality » tab.
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

/** Unique, line-independent fingerprints: the project's one implementation (also SARIF's, the baseline's, --compare's). */
export { uniqueFingerprints } from "../../core/fingerprint.js";
import { uniqueFingerprints } from "../../core/fingerprint.js";

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
