// Report: the `markdown` format — a GFM summary for $GITHUB_STEP_SUMMARY or a merge-request comment; every input value escaped.
import type { Finding, Severity } from "../../core/finding.js";
import { SEVERITIES, severityRank } from "../../core/finding.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { ruleDocUrl } from "../../rules/docs.js";
import { isCounted, SEVERITY_LABEL, summaryLine } from "../counted.js";
import type { Formatter } from "../types.js";

/** Findings listed in the table; the rest are counted in a note (GitHub caps a step summary at 1 MiB). */
export const MAX_ROWS = 200;

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Inline text safe in a paragraph or a table cell: HTML-significant characters as entities, Markdown
 * punctuation backslash-escaped (links, images, emphasis, code, tables, strikethrough, math), control
 * characters removed and line breaks turned into `<br>` so that a value never leaves its cell.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[&<>]/g, (c) => ENTITY[c])
    .replace(/[\\`*_{}[\]()#+!|~$"]/g, "\\$&")
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "<br>")
    .replace(/\t/g, " ");
}

function link(ruleId: string): string {
  // Rule ids are kebab-case; anything else is shown as text, never as a link.
  return /^[a-z0-9-]+$/.test(ruleId) ? `[\`${ruleId}\`](${ruleDocUrl(ruleId)})` : escapeMarkdown(ruleId);
}

function table(head: string[], align: Array<"l" | "r">, rows: string[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

export const format: Formatter = (result, ctx) => {
  const c = catalogue.cli;
  const s = result.summary;
  const out: string[] = [
    `## ${c["markdown.titre"]}`,
    "",
    `**${escapeMarkdown(summaryLine(result))}**`,
    "",
    escapeMarkdown(formatMessage(c["markdown.date"], { date: result.date, version: ctx.version })),
    "",
  ];

  const counted = result.findings.filter(isCounted);
  if (counted.length === 0 && s.suppressed === 0 && s.known === 0) {
    out.push(c["markdown.aucun"], "");
    return out.join("\n");
  }

  // By severity.
  const bySeverity: Record<Severity, number> = { error: s.errors, warning: s.warnings, info: s.infos };
  const sevRows = SEVERITIES.map((sev) => [SEVERITY_LABEL[sev], String(bySeverity[sev])]);
  if (s.suppressed > 0) sevRows.push([c["markdown.masques"], String(s.suppressed)]);
  if (s.known > 0) sevRows.push([c["markdown.connus"], String(s.known)]);
  out.push(`### ${c["markdown.parSeverite"]}`, "", ...table([c["markdown.severite"], c["markdown.constats"]], ["l", "r"], sevRows), "");

  if (counted.length > 0) {
    // By rule: counted findings, most severe then most frequent first.
    const perRule = new Map<string, { severity: Severity; n: number }>();
    for (const f of counted) {
      const r = perRule.get(f.ruleId) ?? { severity: f.severity, n: 0 };
      r.n++;
      if (severityRank(f.severity) > severityRank(r.severity)) r.severity = f.severity;
      perRule.set(f.ruleId, r);
    }
    const ruleRows = [...perRule.entries()]
      .sort(([a, x], [b, y]) => severityRank(y.severity) - severityRank(x.severity) || y.n - x.n || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => [link(id), SEVERITY_LABEL[r.severity], String(r.n)]);
    out.push(`### ${c["markdown.parRegle"]}`, "", ...table([c["markdown.regle"], c["markdown.severite"], c["markdown.constats"]], ["l", "l", "r"], ruleRows), "");

    // The findings themselves, in the audit's order, capped.
    const shown = counted.slice(0, MAX_ROWS);
    const rows = shown.map((f: Finding) => [
      escapeMarkdown(`${f.file}:${f.line}:${f.column}`),
      SEVERITY_LABEL[f.severity],
      link(f.ruleId),
      escapeMarkdown(f.message),
    ]);
    out.push(
      `### ${c["markdown.constats"]}`,
      "",
      ...table([c["markdown.fichier"], c["markdown.severite"], c["markdown.regle"], c["markdown.message"]], ["l", "l", "l", "l"], rows),
      "",
    );
    const left = counted.length - shown.length;
    if (left > 0) out.push(left > 1 ? formatMessage(c["markdown.omis"], { n: left }) : c["markdown.omisUn"], "");
  }
  return out.join("\n");
};
