// Report: the `github` format — GitHub Actions workflow commands (annotations), escaped as @actions/core does.
import type { Finding, Severity } from "../../core/finding.js";
import { severityRank } from "../../core/finding.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { isCounted } from "../counted.js";
import type { Formatter } from "../types.js";

type Command = "error" | "warning" | "notice";
const COMMAND: Record<Severity, Command> = { error: "error", warning: "warning", info: "notice" };

/** GitHub keeps at most this many annotations of each level per step. */
export const PER_LEVEL_LIMIT = 10;

/** The message part (`::…::data`): `%`, CR and LF escaped, so no value can end the line and start a command. */
export function escapeData(s: string): string {
  // Besides GitHub's own escapes, control characters from the input (ESC, BEL, C1 such as CSI) would reach the
  // log viewer raw and be interpreted (colours, hidden text): they are written as visible \u escapes.
  return s
    .replace(/%/g, "%25")
    .replace(/\r/g, "%0D")
    .replace(/\n/g, "%0A")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A property value (`file=…,title=…`): also `:` and `,`, which would end the value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(cmd: Command, props: Record<string, string | number>, message: string): string {
  const p = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${cmd}${p ? " " + p : ""}::${escapeData(message)}`;
}

function annotation(f: Finding): string {
  const props: Record<string, string | number> = { file: f.file, line: f.line };
  // GitHub accepts columns only for an annotation on a single line.
  if (f.endLine === f.line || !f.endLine) {
    props.col = f.column;
    props.endLine = f.line;
    props.endColumn = Math.max(f.column, f.endColumn);
  } else {
    props.endLine = f.endLine;
  }
  props.title = f.ruleId;
  return command(COMMAND[f.severity], props, f.message);
}

const LEVEL_WORDS: Record<Command, [string, string]> = {
  error: ["erreur", "erreurs"],
  warning: ["avertissement", "avertissements"],
  notice: ["info", "infos"],
};

/**
 * Counted findings only (not suppressed, not known), errors first, then warnings, then notices, each in
 * the audit's order. Every annotation is printed even past GitHub's limits; when some level exceeds them a
 * last command says how many were dropped. It is a notice when notices still have room, otherwise the first
 * level that has room, so that this message itself is not the one GitHub drops.
 */
export const format: Formatter = (result) => {
  const counted = result.findings.filter(isCounted);
  const ordered = counted
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => severityRank(b.severity) - severityRank(a.severity) || i - j)
    .map(([f]) => f);
  const lines = ordered.map(annotation);

  const count: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of ordered) count[COMMAND[f.severity]]++;
  const over = (Object.keys(count) as Command[]).filter((k) => count[k] > PER_LEVEL_LIMIT);
  if (over.length > 0) {
    const hidden = over.reduce((n, k) => n + count[k] - PER_LEVEL_LIMIT, 0);
    const detail = over
      .map((k) => {
        const n = count[k] - PER_LEVEL_LIMIT;
        return `${n} ${LEVEL_WORDS[k][n > 1 ? 1 : 0]}`;
      })
      .join(", ");
    const c = catalogue.cli;
    const text = hidden > 1 ? formatMessage(c["github.limite"], { n: hidden, detail }) : formatMessage(c["github.limiteUn"], { detail });
    const level = (["notice", "warning", "error"] as const).find((k) => count[k] < PER_LEVEL_LIMIT) ?? "notice";
    lines.push(command(level, { title: "gouvnum" }, text));
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
};
