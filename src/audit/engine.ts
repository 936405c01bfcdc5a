// Audit: the engine — load → validate → model → audit (rules) → report (suppressions, severities, baseline, summary).
import { compareFindings, type ConfiguredSeverity, type Finding } from "../core/finding.js";
import { GouvnumError } from "../core/errors.js";
import { catalogue } from "../messages/index.js";
import type { SourceFile } from "../load/source.js";
import { DEFAULT_LIMITS, type LoadedDocument } from "../load/document.js";
import { loadTerritory, type FileMemo, type LoadedTerritory, type LoadInput } from "../load/stage/index.js";
import { documentCheck, type DocChecks } from "./document-check.js";
import type { FileCache } from "./cache.js";
import type { GouvnumConfigLoaded } from "../validate/config.js";
import { Territory } from "../model/territory.js";
import { rules as registry } from "../rules/index.js";
import type { RuleDefinition } from "./rule.js";
import { applyBaseline, renamedRuleIds, type Baseline } from "./baseline.js";
import type { IncrementalState } from "./incremental.js";
import type { Comparison } from "./compare.js";
import { Findings } from "./findings.js";
import { renamedNotice, resolveRules, type RuleRun } from "./resolve-rules.js";
import { addDocumentFindings, planPhases, runRules, type Phases } from "./run-rules.js";
import { extractFacts, FactsModel } from "../model/compact/index.js";
import { applySuppressions } from "./suppress.js";

export { resolveRules, type RuleRun } from "./resolve-rules.js";
export { RuleCrash } from "./run-rules.js";
export { makeFinding } from "./findings.js";
/** A file's per-file stage result as the audit keeps it (see `StageResult` in src/load/stage). */
export type StageResult = import("../load/stage/index.js").StageResult<DocChecks>;

export type Mode = "validate" | "audit";

/** A file to read by path, or a named text (standard input). */
export type AuditInput = LoadInput;

export interface AuditOptions {
  mode?: Mode;
  /** Audit date `YYYY-MM-DD`; default: the config's `auditDate`, else `today`. */
  date?: string;
  /** Today's date, from the caller (the library never reads the clock itself). */
  today: string;
  /** Directory paths and displayed file names are relative to. */
  cwd: string;
  config?: GouvnumConfigLoaded;
  /** `--rule id=sev` overrides. */
  ruleSeverities?: Record<string, ConfiguredSeverity>;
  baseline?: Baseline;
  /** Called as files are read, for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** A cache of the per-file stage (see `FileCache`); the caller loads and stores it. */
  cache?: FileCache;
  /** Worker threads for the per-file stage (default: automatic — one per core for large territories). */
  jobs?: number;
  /** The rules to run (default: every rule of the registry); library users may add their own. */
  rules?: readonly RuleDefinition[];
  /** False: every file goes to the reference parser, not the block path (tests compare both). Implies one thread. */
  quickParser?: boolean;
  /**
   * The territory root: every YAML file under it is read, so that references and cross-document rules see
   * every document, and only the findings located in the inputs are reported. Default: the inputs are the territory.
   */
  territory?: string;
  /** Per-file stage results kept between runs (watch mode, language server): see `StageMemo`. */
  memo?: StageMemo;
  /** False: `document`-phase rules run after loading, on the whole territory, like the others (tests compare both paths). */
  twoPhase?: boolean;
  /**
   * `facts`: once the per-file stage has checked a document, only its facts are kept (its value projected to the fact
   * families, src/model/compact/project.ts) — what the cross-document rules read, the run's documents and territory
   * then hold; memory and the cache shrink. Honoured only when every rule that runs later declares its facts (a local
   * rule that does not keeps the values). `keep` (default): the whole values (reports, collection, library callers).
   */
  values?: "keep" | "facts";
}

/**
 * What a long-lived caller keeps between two audits of the same territory: each file's per-file stage result (see
 * `FileMemo` in src/load/stage), and what the rules found (written by `runAudit`).
 */
export interface StageMemo extends FileMemo<DocChecks> {
  /** What the engine keeps for the next run (rules' findings, the model): written by `runAudit`. */
  state?: IncrementalState;
}

export interface AuditSummary {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  known: number;
}

export interface AuditResult {
  mode: Mode;
  date: string;
  findings: Finding[];
  summary: AuditSummary;
  rules: RuleRun[];
  /** Source files by displayed path (code frames, reports). */
  sources: Map<string, SourceFile>;
  /** Every file read, as displayed, whether or not it was readable as text. */
  files: string[];
  /** The files whose findings are reported, as displayed, when the territory read is larger than the inputs; else undefined (all). */
  reported?: string[];
  territory: Territory;
  documents: LoadedDocument[];
  /** With `--compare`: the state compared with and the findings fixed since (see ./compare.ts). */
  comparison?: Comparison;
  /** Deprecation notices (French, for stderr, never findings): an old rule id used in the config, `--rule`, a baseline or a `gouvnum-ignore` comment. */
  notices: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Reads, validates and audits a territory. Expected failures throw GouvnumError (exit 2). */
export async function runAudit(inputs: readonly AuditInput[], opts: AuditOptions): Promise<AuditResult> {
  const mode = opts.mode ?? "audit";
  const date = opts.date ?? opts.config?.auditDate ?? opts.today;
  if (!isIsoDate(date)) throw new GouvnumError("dateInvalide", { date });
  const notices: string[] = [];
  const runs = await rulesToRun(opts, notices);
  const phases = planPhases(runs, mode, date, opts.twoPhase ?? true);
  const project = opts.values === "facts" && factsSuffice(phases, mode);
  const findings = new Findings();

  // 1. Load: every file through the per-file stage — read, decoded, parsed, checked against its kind's schema, its
  //    facts extracted, the `document`-phase rules run on each document.
  const loaded = await loadTerritory(inputs, {
    cwd: opts.cwd,
    ignore: opts.config?.ignore,
    ignoreBase: opts.config?.dir,
    territory: opts.territory,
    limits: { ...DEFAULT_LIMITS, ...(opts.config?.limits ?? {}) },
    check: documentCheck(phases.config, project),
    findingsLikely: mode === "audit",
    quickParser: opts.quickParser,
    jobs: opts.jobs,
    cache: opts.cache,
    memo: opts.memo,
    onProgress: opts.onProgress,
  });
  for (const p of loaded.problems) {
    const known = p.ruleId !== "yaml-syntaxe" || catalogue.rules["yaml-syntaxe"].messages[p.messageId] !== undefined;
    findings.located(p.ruleId, known ? p.messageId : "autre", p.data, { ...p.location, documentIndex: p.documentIndex });
  }
  // 2. Validate: each document's kind, then the schema violations the per-file stage found.
  validateDocuments(loaded, findings);
  // 3. Model: the valid documents as a territory graph; every document's compact facts.
  const territory = new Territory(loaded.documents);
  const facts = new FactsModel(loaded.documents.map((d) => [d, loaded.stage.get(d)?.facts ?? extractFacts(d)] as const));
  // 4. Audit: what the document-phase rules found in the per-file stage, then the cross-document rules.
  await addDocumentFindings(phases, loaded.documents, loaded.stage, opts.memo !== undefined, territory, findings);
  await runRules(phases.later, { mode, date, documents: loaded.documents, territory, facts, memo: opts.memo }, findings);
  // 5. Report: suppressions, severities, the files asked for, positions, baseline, order and counts.
  const byId = new Map(runs.map((r) => [r.rule.id, r]));
  applySuppressions(findings.list, loaded.documents, loaded.stage, byId, mode, notices);
  const shown = shownFindings(findings, byId, loaded.reported);
  if (opts.baseline) {
    for (const id of renamedRuleIds(opts.baseline)) notices.push(renamedNotice(id, "baseline", {}));
    applyBaseline(shown, opts.baseline);
  }
  shown.sort(compareFindings);
  const only = loaded.reported;
  const reportedFiles = only ? loaded.files.filter((f) => only.has(f)) : undefined;
  const documents = only ? loaded.documents.filter((d) => only.has(d.source.file)).length : loaded.documents.length;
  const summary = summarize(shown, reportedFiles?.length ?? loaded.files.length, documents);
  return { mode, date, findings: shown, summary, rules: runs, sources: loaded.sources, files: loaded.files, reported: reportedFiles, territory, documents: loaded.documents, notices };
}

/** The rules of the run: the registry (with the configuration's local rules) or the caller's, resolved against the configuration. */
async function rulesToRun(opts: AuditOptions, notices: string[]): Promise<RuleRun[]> {
  // Local rules (`plugins:`) join the registry unless the caller gives its own list of rules.
  const local = !opts.rules && opts.config?.plugins?.length ? await (await import("./plugins.js")).loadPlugins(opts.config.plugins) : [];
  // A rule the caller defined with its own messages (library use of defineRule): its texts join the catalogue.
  for (const r of opts.rules ?? []) if (r.messages && !catalogue.rules[r.id]) catalogue.rules[r.id] = { summary: r.summary ?? "", messages: r.messages };
  return resolveRules(opts.config, opts.ruleSeverities, opts.rules ?? (local.length > 0 ? [...registry, ...local] : undefined), notices);
}

/** Whether the rules that run after the per-file stage read only facts: every one that is on declares its facts. */
function factsSuffice(phases: Phases, mode: Mode): boolean {
  if (phases.onThread.length > 0) return false;
  return phases.later.every((r) => !r.rule.check || r.severity === "off" || (mode === "validate" && r.rule.group !== "A") || (r.rule.phase === "territory" && r.rule.facts !== undefined));
}

/**
 * Each document's kind (`kind-inconnu`), then its schema violations (`schema`); a document with either is not valid.
 * The per-file stage found and located them: neither the document's value nor its positions are read here.
 */
function validateDocuments(loaded: LoadedTerritory<DocChecks>, findings: Findings): void {
  for (const doc of loaded.documents) {
    const checks = loaded.stage.get(doc);
    if (!checks) throw new Error(`document sans résultat de l'étape par fichier : ${doc.source.file}`);
    if (checks.kindProblem) {
      const [messageId, data, pointer, where] = checks.kindProblem;
      findings.placed(doc, "kind-inconnu", messageId, data, pointer, where);
      continue;
    }
    for (const v of checks.violations) findings.placed(doc, "schema", v.messageId, v.data, v.pointer, v.place);
    doc.valid = checks.violations.length === 0;
  }
}

/** The findings shown: those of rules that are on, with their severity, in the files reported — located now. */
function shownFindings(findings: Findings, byId: ReadonlyMap<string, RuleRun>, only: ReadonlySet<string> | undefined): Finding[] {
  const kept: Finding[] = [];
  for (const f of findings.list) {
    const sev = byId.get(f.ruleId)?.severity ?? "error";
    if (sev === "off") continue;
    f.severity = sev;
    kept.push(f);
  }
  // Only the findings located in the paths given: those of other files are not even located.
  const shown = only ? kept.filter((f) => only.has(f.file)) : kept;
  findings.locateAll(shown);
  return shown;
}

function summarize(shown: readonly Finding[], files: number, documents: number): AuditSummary {
  const counted = shown.filter((f) => !f.suppressed && !f.known);
  return {
    files,
    documents,
    errors: counted.filter((f) => f.severity === "error").length,
    warnings: counted.filter((f) => f.severity === "warning").length,
    infos: counted.filter((f) => f.severity === "info").length,
    suppressed: shown.filter((f) => f.suppressed).length,
    known: shown.filter((f) => f.known && !f.suppressed).length,
  };
}
