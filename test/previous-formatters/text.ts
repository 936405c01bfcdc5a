// The `text` formatter as it was before its output was written in pieces (commit 8932887), one whole string: the oracle
// the streamed output is compared with, byte for byte (test/output-stream.test.ts). A deliberate change of the format changes both.
// Report: the `text` format — findings grouped by file, a code frame for errors, a French summary.
import { Chalk } from "chalk";
import type { Formatter } from "../../src/report/types.js";
import { SEVERITY_LABEL, summaryLine } from "../../src/report/counted.js";
import { lineStarts, type SourceFile } from "../../src/load/source.js";
import { formatNombre } from "../../src/core/numbers.js";
import { formatMessage } from "../../src/core/format-message.js";
import { catalogue } from "../../src/messages/index.js";
import { scaleSummary, SUMMARY_AFTER } from "../../src/report/formatters/text-summary.js";
import { comparisonLine } from "../../src/report/comparison.js";

const NEW_TAG = () => catalogue.cli["compare.etiquette.nouveau"];

/** Terminal-safe: control characters from the input never reach the terminal raw. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`).replace(/\n/g, "⏎");
}

function frame(src: SourceFile | undefined, line: number, column: number, endLine: number, endColumn: number): string[] {
  if (!src) return [];
  const starts = lineStarts(src);
  const get = (n: number) => {
    const s = starts[n - 1];
    if (s === undefined) return undefined;
    const e = starts[n] ?? src.text.length;
    return src.text.slice(s, e).replace(/\r?\n$/, "");
  };
  const out: string[] = [];
  const width = String(line + 1).length;
  for (let n = Math.max(1, line - 1); n <= line + 1; n++) {
    const t = get(n);
    if (t === undefined) continue;
    const shown = clean(t.length > 160 ? t.slice(0, 160) + "…" : t);
    out.push(`  ${n === line ? ">" : " "} ${String(n).padStart(width)} | ${shown}`);
    if (n === line) {
      const len = endLine === line ? Math.max(1, endColumn - column) : Math.max(1, shown.length - column + 1);
      out.push(`    ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}${"^".repeat(Math.min(len, 80))}`);
    }
  }
  return out;
}

export const format: Formatter = (result, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const lines: string[] = [];
  let file = "";
  // At scale: after 10,000 findings on standard output the listing stops; the summary per rule and per collectivité follows.
  const listed = ctx.summary === "only" ? [] : result.findings.filter((f) => !f.known);
  const big = listed.length > SUMMARY_AFTER;
  const stop = big && ctx.stdout ? SUMMARY_AFTER : listed.length;
  for (let i = 0; i < stop; i++) {
    const f = listed[i];
    if (f.file !== file) {
      if (file) lines.push("");
      file = f.file;
      lines.push(c.underline(clean(f.file)));
    }
    const sev = SEVERITY_LABEL[f.severity];
    const pos = `${f.line}:${f.column}`.padEnd(8);
    const tag = f.suppressed ? c.dim(` (masqué : ${clean(f.suppressed.reason)})`) : f.status === "new" ? c.bold(` (${NEW_TAG()})`) : "";
    const label = f.suppressed ? c.dim(sev.padEnd(13)) : paint[f.severity](sev.padEnd(13));
    lines.push(`  ${c.dim(pos)}${label} ${clean(f.message)}${tag}  ${c.dim(f.ruleId)}`);
    if (f.severity === "error" && !f.suppressed) {
      for (const l of frame(result.sources.get(f.file), f.line, f.column, f.endLine, f.endColumn)) lines.push(c.dim(l));
    }
  }
  if (lines.length) lines.push("");
  if (stop < listed.length) {
    lines.push(c.bold(formatMessage(catalogue.cli["resume.tronque"], { n: formatNombre(stop), reste: formatNombre(listed.length - stop) })), "");
  }
  if (big || ctx.summary === "only") lines.push(...scaleSummary(result, stop < listed.length || ctx.summary === "only" ? ctx.seeAll : undefined), "");
  const s = result.summary;
  const line = summaryLine(result);
  lines.push(s.errors > 0 ? c.red.bold(line) : s.warnings > 0 ? c.yellow.bold(line) : c.green.bold(line));
  // With --compare, the last line says what changed: « 12 corrigés, 3 nouveaux, 140 inchangés depuis HEAD~1 (2026-06-15) ».
  if (result.comparison) lines.push(c.bold(comparisonLine(result.comparison)));
  return lines.join("\n") + "\n";
};
