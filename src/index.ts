// The public library API: `import { audit, validate } from "gouvnum"`.
import { runAudit, type AuditInput, type AuditResult, type Mode } from "./audit/engine.js";
import type { Baseline } from "./audit/baseline.js";
import type { ConfiguredSeverity } from "./core/finding.js";
import { emptyConfig, findConfig, loadConfig, type GouvnumConfigLoaded } from "./validate/config.js";

export type { Finding, Location, Severity, ConfiguredSeverity } from "./core/finding.js";
export { GouvnumError } from "./core/errors.js";
export { runAudit, resolveRules, type AuditResult, type AuditInput, type AuditOptions, type AuditSummary, type RuleRun } from "./audit/engine.js";
export { makeBaseline, applyBaseline, type Baseline } from "./audit/baseline.js";
export { fingerprint, contentHash, uniqueFingerprints, matchFindings } from "./core/fingerprint.js";
export { defineRule, type RuleDefinition, type RuleContext } from "./audit/rule.js";
export { AuditSession, diffFindings, type AuditChange } from "./audit/session.js";
export { rules, findRule } from "./rules/index.js";
export { Territory } from "./model/territory.js";
export { findConfig, loadConfig, emptyConfig, type GouvnumConfigLoaded } from "./validate/config.js";
export { getFormatter, FORMATS, type FormatName, type Formatter, type FormatContext } from "./report/index.js";
export type * from "./generated/types.js";

export interface LibraryOptions {
  /** Audit date `YYYY-MM-DD` (default: the config's `auditDate`, else today). */
  date?: string;
  /** A config file path, an already loaded config, or `false` for none (default: discovered from the first path upwards). */
  config?: string | GouvnumConfigLoaded | false;
  cwd?: string;
  rules?: Record<string, ConfiguredSeverity>;
  baseline?: Baseline;
}

/** Today's date in local time, `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

async function run(mode: Mode, inputs: readonly AuditInput[], o: LibraryOptions): Promise<AuditResult> {
  const cwd = o.cwd ?? process.cwd();
  let config: GouvnumConfigLoaded;
  if (o.config === false) config = emptyConfig(cwd);
  else if (typeof o.config === "object") config = o.config;
  else {
    const first = inputs.find((i): i is string => typeof i === "string") ?? ".";
    const file = o.config ?? (await findConfig(`${cwd}/${first}`.replace(/^(.*)\/(\/.*)$/, "$2")));
    config = file ? await loadConfig(file, cwd) : emptyConfig(cwd);
  }
  // The territory is the configuration file's directory: read whole, with only the findings of the inputs returned.
  return runAudit(inputs, { mode, date: o.date, today: today(), cwd, config, ruleSeverities: o.rules, baseline: o.baseline, territory: config.file ? config.dir : undefined });
}

/** Every rule: reading, structure and governance. */
export function audit(inputs: readonly AuditInput[], options: LibraryOptions = {}): Promise<AuditResult> {
  return run("audit", inputs, options);
}

/** Reading and structure only (group A, see docs/regles.md). */
export function validate(inputs: readonly AuditInput[], options: LibraryOptions = {}): Promise<AuditResult> {
  return run("validate", inputs, options);
}
