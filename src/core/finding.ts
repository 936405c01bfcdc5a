// Core: the one Finding type shared by every stage (reading, schema, rules, reports).

/** Severity of a finding, most serious first. */
export type Severity = "error" | "warning" | "info";
/** A configured severity: a severity or `off`. */
export type ConfiguredSeverity = Severity | "off";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Rank used for sorting and thresholds: error 3, warning 2, info 1. */
export function severityRank(s: Severity): number {
  return s === "error" ? 3 : s === "warning" ? 2 : 1;
}

/** A place in a file; lines and columns are 1-based, the end is exclusive of nothing (last character + 1). */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One reported gap or problem. */
export interface Finding extends Location {
  ruleId: string;
  severity: Severity;
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  /** JSON pointer inside the document ("" for the document itself). */
  pointer: string;
  /** `etablissement:0350017D`, `collectivite:dep-35`, … or "" when the document has no identity. */
  entity: string;
  /** Index of the YAML document in its file (0-based). */
  documentIndex: number;
  suppressed?: { reason: string };
  /** True when the finding is already in the baseline. */
  known?: boolean;
  /** With `--compare`: new since the state compared with, or there already (unchanged, or its message data changed). */
  status?: FindingStatus;
}

/** A finding's place in a comparison (`--compare`). */
export type FindingStatus = "new" | "unchanged" | "updated";

/** Deterministic order: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.pointer, b.pointer) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
