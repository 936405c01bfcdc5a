// Report: what a formatter is — a pure function from an audit result to text.
import type { AuditResult } from "../audit/engine.js";
import type { Severity } from "../core/finding.js";
import type { SavedIndicator } from "../audit/compare.js";

export type FailOn = Severity | "never";

export interface FormatContext {
  /** gouvnum's version, for tool metadata. */
  version: string;
  /** Threshold of counted findings (JUnit failures, summaries). */
  failOn: FailOn;
  /** Colours (text only). */
  color: boolean;
  /** A finding's path from the repository root, `/`-separated (absent: paths are already relative to it); `gitlab` and `junit`. */
  repositoryPath?: (file: string) => string;
  /** Text: `only` prints the summary per rule and per collectivité alone; default: added after 10,000 findings. */
  summary?: "auto" | "only";
  /** Text: written to standard output, where the listing stops after 10,000 findings (a file gets them all). */
  stdout?: boolean;
  /** Text: the command that writes every finding, shown with the summary. */
  seeAll?: string;
  /** The report's indicators of this audit (`json` records them, for --compare and --history). */
  indicators?: SavedIndicator[];
}

export type Formatter = (result: AuditResult, ctx: FormatContext) => string;

/**
 * The same text in pieces, in order (their concatenation is the Formatter's text), for the formats that grow with the
 * findings (`json`, `sarif`, `junit`, `text`): written as they come, a national audit's output is never one string in memory.
 */
export type ChunkedFormatter = (result: AuditResult, ctx: FormatContext) => Iterable<string>;

export const FORMATS = ["text", "json", "sarif", "junit", "github", "markdown", "gitlab"] as const;
export type FormatName = (typeof FORMATS)[number];
