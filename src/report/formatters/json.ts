// Report: the `json` format of docs/cli.md — stable, sorted, 1-based positions, no absolute paths or timestamps.
import type { Formatter } from "../types.js";
import { contentHash, fingerprint } from "../../core/fingerprint.js";

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
  const fps = result.findings.map((f) => fingerprint(f));
  const out: Record<string, unknown> = {
    tool: { name: "gouvnum", version: ctx.version },
    date: result.date,
    summary,
    findings: result.findings.map((f, i) => {
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
      // What --compare reads back from a saved result: the stable identity, the content, the message's data.
      o.messageId = f.messageId;
      o.data = f.data;
      o.fingerprint = fps[i];
      o.content = contentHash(f);
      if (f.status) o.status = f.status;
      return o;
    }),
  };
  if (ctx.indicators) out.indicators = ctx.indicators;
  const cmp = result.comparison;
  if (cmp) {
    out.comparison = { ref: cmp.previous.ref, date: cmp.previous.date, ...cmp.counts };
    out.fixed = cmp.fixed.map((f) => ({ ...f, status: "fixed" }));
  }
  return JSON.stringify(out, null, 2) + "\n";
};
