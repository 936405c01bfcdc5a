// CLI: `validate` and `audit` — run the engine, write every requested format, decide the exit code.
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { FileCache, cacheKey } from "../../audit/cache.js";
import { DEFAULT_LIMITS } from "../../load/document.js";
import { GouvnumError, systemDetail } from "../../core/errors.js";
import { runAudit, type AuditResult, type Mode } from "../../audit/engine.js";
import { applyBaseline, baselineProgress, isBaseline, makeBaseline, type Baseline } from "../../audit/baseline.js";
import { FORMATS, getChunkedFormatter, type FailOn, type FormatName } from "../../report/index.js";
import { failing } from "../../report/counted.js";
import { SUMMARY_AFTER } from "../../report/formatters/text-summary.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import type { CliIO } from "../io.js";
import { VERSION } from "../version.js";
import { writeFileAtomic, writeToStream } from "../write.js";
import { auditInputs, territoryRoot, failOnValue, formatAlias, isoDay, parseRuleOverrides, positiveInt, resolveConfig, useColor, type GlobalOptions } from "./options.js";

export interface RunOptions extends GlobalOptions {
  format?: string[];
  output?: string[];
  failOn: string;
  maxWarnings?: string;
  date?: string;
  rule?: string[];
  baseline?: string;
  updateBaseline?: boolean;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
  watch?: boolean;
  force?: boolean;
  summary?: boolean;
  scope?: string;
  compare?: string;
}

/** `--scope`: the result restricted to one unit (a usage error, with a suggestion, for a unit the territory does not have). */
async function applyScope(result: AuditResult, scope: string): Promise<void> {
  const { parseScope, resolveAuditScope, restrictToScope } = await import("../../audit/scope.js");
  if (!parseScope(scope)) throw new GouvnumError("usage", { detail: formatMessage(catalogue.cli["portee.erreur.invalide"], { valeur: scope }) });
  const resolved = resolveAuditScope(result.territory, scope);
  if (!resolved) {
    const { didYouMean } = await import("../../core/similar.js");
    const suggestion = didYouMean(scope, [...result.territory.byRef.keys()].filter((r) => !r.startsWith("convention:")));
    throw new GouvnumError("usage", { detail: formatMessage(catalogue.cli["portee.erreur.inconnue"], { valeur: scope, suggestion }) });
  }
  restrictToScope(result, resolved);
}

/** Every output checked before any is written, so that a refusal leaves nothing half-done: not an input, not twice, not a folder, not overwritten without --force. */
async function checkOutputs(
  targets: ReadonlyArray<{ output: string }>,
  o: RunOptions,
  io: CliIO,
  readPaths: ReadonlySet<string>,
  cachePath: string | undefined,
): Promise<void> {
  const written = new Set<string>();
  for (const tg of targets.filter((x) => x.output !== "-")) {
    const abs = resolve(io.cwd, tg.output);
    if (readPaths.has(abs) || abs === cachePath) throw new GouvnumError("sortieEgaleEntree", { chemin: tg.output });
    if (written.has(abs)) throw new GouvnumError("sortieEnDouble", { chemin: tg.output });
    written.add(abs);
    const kind = await existing(abs);
    if (kind === "dossier") throw new GouvnumError("ecritureImpossible", { chemin: tg.output, detail: "c'est un dossier" });
    if (kind === "fichier" && !o.force) throw new GouvnumError("fichierExiste", { chemin: tg.output });
  }
  if (o.updateBaseline && o.baseline) {
    const abs = resolve(io.cwd, o.baseline);
    if (readPaths.has(abs) || written.has(abs) || abs === cachePath) throw new GouvnumError("sortieEgaleEntree", { chemin: o.baseline });
  }
  if (cachePath && readPaths.has(cachePath)) throw new GouvnumError("sortieEgaleEntree", { chemin: o.cacheLocation ?? ".gouvnum-cache" });
}

/** `--update-baseline`: the baseline rewritten with today's findings (kept for the rest of the territory when paths are given), and how many known findings were fixed. */
async function updateBaseline(result: AuditResult, baselinePath: string, io: CliIO, readPaths: ReadonlySet<string>): Promise<void> {
  const abs = resolve(io.cwd, baselinePath);
  const exists = (await existing(abs)) === "fichier";
  // With paths given, its entries for the rest of the territory are kept, so it must be readable; else it is simply replaced.
  const previous = !exists ? undefined : result.reported ? await readBaseline(abs, baselinePath) : await readBaseline(abs, baselinePath).catch(() => undefined);
  const next = makeBaseline(result.findings);
  const shown = result.reported ? new Set(result.reported) : undefined;
  if (shown && previous) next.findings = [...previous.findings.filter((b) => !shown.has(b.file)), ...next.findings];
  await writeFileAtomic(resolve(io.cwd, baselinePath), JSON.stringify(next, null, 2) + "\n", { force: true, inputs: readPaths, display: baselinePath });
  applyBaseline(result.findings, next);
  result.summary.errors = result.summary.warnings = result.summary.infos = 0;
  result.summary.known = result.findings.filter((f) => f.known).length;
  io.stderr.write(formatMessage(catalogue.cli["baseline.ecrite"], { chemin: baselinePath, n: next.findings.length }) + "\n");
  if (previous) {
    const mine = shown ? { ...previous, findings: previous.findings.filter((b) => shown.has(b.file)) } : previous;
    io.stderr.write(baselineProgress(mine, result.findings) + "\n");
  }
}

export async function runCommand(mode: Mode, paths: string[], o: RunOptions, io: CliIO): Promise<number> {
  const formats = (o.format ?? ["text"]).map(formatAlias).map((f) => {
    if (!(FORMATS as readonly string[]).includes(f)) throw new GouvnumError("formatInconnu", { format: f, formats: FORMATS.join(", ") });
    return f as FormatName;
  });
  const outputs = o.output ?? [];
  if (outputs.length > formats.length) throw new GouvnumError("sortiesEnTrop", { sorties: outputs.length, formats: formats.length });
  const failOn: FailOn = failOnValue(o.failOn);
  const maxWarnings = positiveInt(o.maxWarnings, "--max-warnings");
  const jobs = positiveInt(o.jobs, "--jobs");
  const ruleSeverities = parseRuleOverrides(o.rule);
  const inputsPaths = paths.length > 0 ? paths : ["."];
  const config = await resolveConfig(o, inputsPaths, io);

  let baseline: Baseline | undefined;
  if (o.baseline && !o.updateBaseline) baseline = await readBaseline(resolve(io.cwd, o.baseline), o.baseline);
  if (o.updateBaseline && !o.baseline) throw new GouvnumError("usage", { detail: catalogue.cli["erreur.updateBaselineSansFichier"] });

  const inputs = await auditInputs(inputsPaths, { ...DEFAULT_LIMITS, ...config.limits }.maxFileBytes, io);

  // Only facts are kept of each document (src/model/compact) unless an output reads the documents themselves: the
  // Markdown report (names, roles, equipment) and `--compare` (the previous state's territory, for the report).
  const values = formats.includes("markdown") || o.compare ? "keep" : "facts";
  const cache = o.cache ? await openCache(resolve(io.cwd, o.cacheLocation ?? ".gouvnum-cache"), config, ruleSeverities, values) : undefined;
  const progress = makeProgress(o, io);
  const auditOptions = {
    mode,
    date: o.date,
    today: isoDay(io.now()),
    cwd: io.cwd,
    config,
    ruleSeverities,
    baseline,
    jobs,
    cache,
    territory: territoryRoot(config),
    onProgress: progress.update,
    values,
  } as const;
  const result = await runAudit(inputs, auditOptions);
  progress.done();
  if (o.scope !== undefined) await applyScope(result, o.scope);
  if (o.compare) {
    // The state compared with: a git revision (read from git's objects, audited on the same date) or a saved result.
    const { loadPrevious, compareWith } = await import("../../audit/compare.js");
    const previous = await loadPrevious(o.compare, { paths: inputsPaths.filter((p) => p !== "-"), audit: { ...auditOptions, date: result.date }, run: runAudit });
    compareWith(result, previous);
  }
  // An old rule id still works, with a notice on stderr (never a finding); once each.
  for (const notice of new Set(result.notices)) io.stderr.write(notice + "\n");

  const cachePath = o.cache ? resolve(io.cwd, o.cacheLocation ?? ".gouvnum-cache") : undefined;
  const targets = formats.map((f, i) => ({ format: f, output: outputs[i] ?? "-" }));

  // Every path that was read is guarded: territory files (readable or not), the config, the baseline, the cache.
  // Of the territory's files, only those a write would go over are kept: a national audit reads 100,000 of them.
  const writes = new Set(targets.filter((t) => t.output !== "-").map((t) => resolve(io.cwd, t.output)));
  if (o.updateBaseline && o.baseline) writes.add(resolve(io.cwd, o.baseline));
  if (cachePath) writes.add(cachePath);
  const readPaths = new Set<string>();
  if (writes.size > 0) {
    for (const f of result.files) {
      const abs = resolve(io.cwd, f);
      if (writes.has(abs)) readPaths.add(abs);
    }
  }
  if (config.file) readPaths.add(resolve(io.cwd, config.file));
  if (o.baseline && !o.updateBaseline) readPaths.add(resolve(io.cwd, o.baseline));
  if (o.compare && result.comparison?.previous.kind === "json") readPaths.add(resolve(io.cwd, o.compare));

  await checkOutputs(targets, o, io, readPaths, cachePath);

  if (o.updateBaseline && o.baseline) await updateBaseline(result, o.baseline, io, readPaths);
  // GitLab resolves report paths from the repository root, which need not be the working directory.
  const repositoryPath = formats.some((f) => f === "gitlab" || f === "junit")
    ? await (await import("../repository.js")).repositoryPathMapper(io.cwd, config.file ? config.dir : undefined)
    : undefined;
  const every = seeAll(mode, paths, o, result);
  // Every output was checked above (checkOutputs): each is now made and written in turn, in pieces — a national
  // audit's JSON (70 MB) is never one string, to a file (atomically: a temporary file, then renamed) or to stdout.
  for (const tg of targets) {
    const formatter = await getChunkedFormatter(tg.format);
    const textOptions = { summary: o.summary ? ("only" as const) : ("auto" as const), stdout: tg.output === "-", seeAll: every };
    const color = tg.output === "-" && tg.format === "text" && useColor(o, io, io.stdout);
    // A saved audit result records the report's indicators (for --compare and --history); a validation has none.
    const indicators = tg.format === "json" && mode === "audit" ? await (await import("../../report/sections/evolution.js")).indicatorsOf(result, VERSION) : undefined;
    const chunks = formatter(result, { version: VERSION, failOn, color, ...(repositoryPath ? { repositoryPath } : {}), ...textOptions, ...(indicators ? { indicators } : {}) });
    if (tg.output === "-") await writeToStream(io.stdout, chunks);
    else await writeFileAtomic(resolve(io.cwd, tg.output), chunks, { force: o.force, inputs: readPaths, display: tg.output });
  }
  if (cache?.dirty && cachePath) {
    // The cache is an optimisation: failing to store it never fails the run.
    await writeFileAtomic(cachePath, cache.pieces(), { force: true, inputs: readPaths }).catch(() => undefined);
  }

  const failed = failing(result.findings, failOn).length > 0;
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  if (tooManyWarnings && !o.quiet) {
    io.stderr.write(formatMessage(catalogue.cli["avertissementsEnTrop"], { n: result.summary.warnings, max: maxWarnings! }) + "\n");
  }
  return failed || tooManyWarnings ? 1 : 0;
}

/** The command that lists every finding of this run: the same paths and settings, into a file when they are many. */
function seeAll(mode: Mode, paths: readonly string[], o: RunOptions, result: { findings: ReadonlyArray<{ known?: boolean }> }): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const words = ["gouvnum", mode, ...paths.map(quote)];
  if (o.config) words.push("--config", quote(o.config));
  if (o.scope) words.push("--scope", quote(o.scope));
  if (o.date) words.push("--date", o.date);
  for (const r of o.rule ?? []) words.push("--rule", quote(r));
  if (o.baseline && !o.updateBaseline) words.push("--baseline", quote(o.baseline));
  if (result.findings.filter((f) => !f.known).length > SUMMARY_AFTER) words.push("-o", "constats.txt");
  return words.join(" ");
}

async function existing(path: string): Promise<"fichier" | "dossier" | undefined> {
  return stat(path).then(
    (s) => (s.isDirectory() ? "dossier" : "fichier"),
    () => undefined,
  );
}

/** The cache, keyed on gouvnum's version, the schemas, the limits, the rules' settings (config, plugins, --rule) and what is kept of values. */
async function openCache(path: string, config: { limits: object; rules?: unknown; plugins?: unknown }, overrides: unknown, values: "keep" | "facts"): Promise<FileCache> {
  const { SCHEMA_DIR, SCHEMA_FILES } = await import("../../validate/ajv.js");
  const schemas = await Promise.all(SCHEMA_FILES.map((f) => readFile(join(SCHEMA_DIR, f), "utf8")));
  // Entries keep whole values or facts only (`values`): a run of the other kind does not take them back.
  const key = cacheKey(VERSION, schemas, { ...DEFAULT_LIMITS, ...config.limits }, [config.rules ?? null, config.plugins ?? null, overrides, values]);
  const bytes = await readFile(path).catch(() => undefined);
  return new FileCache(key, bytes);
}

async function readBaseline(abs: string, shown: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(abs, "utf8");
  } catch (e) {
    throw new GouvnumError("baselineIllisible", { chemin: shown, detail: systemDetail(e) });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new GouvnumError("baselineIllisible", { chemin: shown, detail: "JSON invalide" });
  }
  if (!isBaseline(value)) throw new GouvnumError("baselineIllisible", { chemin: shown, detail: "structure inattendue" });
  return value;
}

/** A progress line on stderr, only on a TTY, never in CI or with --quiet, and only once a run lasts over a second. */
function makeProgress(o: RunOptions, io: CliIO) {
  const enabled = io.stderr.isTTY === true && !o.quiet && !io.env.CI;
  const start = Date.now();
  let shown = false;
  let last = 0;
  return {
    update: (done: number, total: number) => {
      if (!enabled) return;
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r${formatMessage(catalogue.cli["progression"], { n: done, total })}`);
    },
    done: () => {
      if (shown) io.stderr.write("\r\u001b[2K");
    },
  };
}
