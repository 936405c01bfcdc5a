// Report: the `json` format of CLI.md — stable, sorted, 1-based positions, no absolute paths or timestamps.
import type { Formatter } from "../types.js";

export const format: Formatter = (result, ctx) => {
  const summary: Record<string, number> = {
    files: result.summary.files,
    documents: result.summary.documents,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    infos: result.summary.infos,
    suppressed: result.summary.suppressed,
  };
  if (result.summary.known > 0) summary.known = result.summary.known;
  const out = {
    tool: { name: "gouvnum", version: ctx.version },
    date: result.date,
    summary,
    findings: result.findings.map((f) => {
      const o: Record<string, unknown> = {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        pointer: f.pointer,
        entity: f.entity,
      };
      // Assigned, not spread: spreading into each of 50,000 findings made every one a slow object.
      if (f.suppressed) o.suppressed = { reason: f.suppressed.reason };
      if (f.known) o.known = true;
      return o;
    }),
  };
  return JSON.stringify(out, null, 2) + "\n";
};
