// Report: the `json` format of docs/cli.md — stable, sorted, 1-based positions, no absolute paths or timestamps.
// Written in pieces (`chunks`): each finding is made and stringified when its turn comes, never the whole text at once.
import type { ChunkedFormatter, Formatter } from "../types.js";
import type { AuditResult } from "../../audit/engine.js";
import { toSaved, type SavedFinding } from "../../audit/compare.js";
import { jsonChunks, joinChunks, Streamed } from "../json-stream.js";

/** Each finding in the saved form --compare reads back (toSaved), and its status against the compared state. */
function* saved(findings: AuditResult["findings"]): Generator<SavedFinding & { status?: string }> {
  for (const f of findings) {
    const o: SavedFinding & { status?: string } = toSaved(f);
    if (f.status) o.status = f.status;
    yield o;
  }
}

export const chunks: ChunkedFormatter = function* (result, ctx) {
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
    findings: new Streamed(saved(result.findings)),
  };
  if (ctx.indicators) out.indicators = ctx.indicators;
  const cmp = result.comparison;
  if (cmp) {
    out.comparison = { ref: cmp.previous.ref, date: cmp.previous.date, ...cmp.counts };
    out.fixed = new Streamed((function* () {
      for (const f of cmp.fixed) yield { ...f, status: "fixed" };
    })());
  }
  yield* jsonChunks(out);
  yield "\n";
};

export const format: Formatter = (result, ctx) => joinChunks(chunks(result, ctx));
