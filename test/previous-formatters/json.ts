// The `json` formatter as it was before its output was written in pieces (commit 8932887), one whole string: the oracle
// the streamed output is compared with, byte for byte (test/output-stream.test.ts). A deliberate change of the format changes both.
// Report: the `json` format of docs/cli.md — stable, sorted, 1-based positions, no absolute paths or timestamps.
import type { Formatter } from "../../src/report/types.js";
import { toSaved, type SavedFinding } from "../../src/audit/compare.js";

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
  const out: Record<string, unknown> = {
    tool: { name: "gouvnum", version: ctx.version },
    date: result.date,
    summary,
    // Each finding in the saved form --compare reads back (toSaved), and its status against the compared state.
    findings: result.findings.map((f) => {
      const o: SavedFinding & { status?: string } = toSaved(f);
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
