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
    findings: result.findings.map((f) => ({
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
      ...(f.suppressed ? { suppressed: { reason: f.suppressed.reason } } : {}),
      ...(f.known ? { known: true } : {}),
    })),
  };
  return JSON.stringify(out, null, 2) + "\n";
};
