// Report: what a formatter is — a pure function from an audit result to text.
import type { AuditResult } from "../audit/engine.js";
import type { Severity } from "../core/finding.js";

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
}

export type Formatter = (result: AuditResult, ctx: FormatContext) => string;

export const FORMATS = ["text", "json", "sarif", "junit", "github", "markdown", "gitlab"] as const;
export type FormatName = (typeof FORMATS)[number];
