// CLI: `report` — audit, build the view model, render HTML or Markdown (and PDF through a local Chromium), write atomically.
import { access, readFile, stat } from "node:fs/promises";
import { constants } from "node:fs";
import { join, resolve } from "node:path";
import { GouvnumError, systemDetail } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import { didYouMean } from "../../core/similar.js";
import { runAudit, type AuditResult } from "../../audit/engine.js";
import { catalogue } from "../../messages/index.js";
import type { CliIO } from "../io.js";
import { VERSION } from "../version.js";
import { writeFileAtomic } from "../write.js";
import { DEFAULT_LIMITS } from "../../load/document.js";
import { auditInputs, territoryRoot, isoDay, parseRuleOverrides, resolveConfig, type GlobalOptions } from "./options.js";

export interface ReportOptions extends GlobalOptions {
  format?: string;
  output?: string;
  template?: string;
  splitBy?: string;
  scope?: string;
  anonymize?: boolean;
  title?: string;
  pdf?: boolean;
  date?: string;
  rule?: string[];
  force?: boolean;
  compare?: string;
  history?: string;
}

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);
const usage = (id: string, data: Record<string, string | number> = {}) => new GouvnumError("usage", { detail: t(id, data) });

/** Where Chromium usually is; `GOUVNUM_CHROMIUM` replaces the list. */
export const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Output {
  /** Absolute path, or "-" for standard output. */
  path: string;
  /** As shown to the user. */
  display: string;
  text: string;
  /** The HTML to print to PDF beside this output, if --pdf. */
  pdfHtml?: string;
}

/** A user template read and compiled (a usage error naming the file when it cannot be read or compiled). */
async function compileTemplate(path: string, format: "html" | "md", io: CliIO) {
  const render = await import("../../report/render.js");
  let source: string;
  try {
    source = await readFile(resolve(io.cwd, path), "utf8");
  } catch (e) {
    throw usage("rapport.erreur.gabaritIllisible", { chemin: path, detail: systemDetail(e) });
  }
  try {
    return render.compileUserTemplate(source, format);
  } catch (e) {
    throw templateError(path, e);
  }
}

type ViewModelModule = typeof import("../../report/view-model.js");

/** The « Évolution » section (--compare) and the indicators over time (--history), null when not asked. */
async function evolutionOf(
  result: AuditResult,
  o: ReportOptions,
  load: { paths: string[]; audit: Parameters<typeof runAudit>[1]; run: typeof runAudit },
): Promise<{ evolution: import("../../report/view-model.js").EvolutionVM | null; historique: import("../../report/view-model.js").HistoriqueVM | null }> {
  if (!o.compare && !o.history) return { evolution: null, historique: null };
  const cmp = await import("../../audit/compare.js");
  const evo = await import("../../report/sections/evolution.js");
  let evolution: import("../../report/view-model.js").EvolutionVM | null = null;
  let historique: import("../../report/view-model.js").HistoriqueVM | null = null;
  if (o.compare) evolution = evo.buildEvolution(result, cmp.compareWith(result, await cmp.loadPrevious(o.compare, load)), VERSION);
  if (o.history) {
    const entries = await cmp.loadHistory(o.history, { ...load, indicators: (r) => evo.indicatorsOf(r, VERSION) });
    const labels = new Map(
      (await import("../../report/view-model.js")).buildViewModel(result, { version: VERSION }).indicateurs.map((i) => [i.id, i.libelle] as [string, string]),
    );
    historique = evo.buildHistory(entries, labels);
  }
  return { evolution, historique };
}

/** The units of `--split-by`: the report's collectivités, its départements (from the map's table) or its établissements. */
function splitUnits(whole: ReturnType<ViewModelModule["buildViewModel"]>, split: "collectivite" | "departement" | "etablissement"): Array<{ ref: string; file: string }> {
  if (split === "collectivite") return whole.collectivites.map((c) => ({ ref: c.ref, file: c.id }));
  if (split === "departement") return whole.carte.departements.filter((d) => d.code !== "?").map((d) => ({ ref: `departement:${d.code}`, file: `departement-${d.code}` }));
  return [...whole.collectivites.flatMap((c) => c.etablissements), ...whole.sansCollectivite].map((e) => ({ ref: e.ref, file: e.uai }));
}

/** The files to write: each output but stdout, and each output's PDF beside it. */
function targetsOf(outputs: readonly Output[]): Array<{ path: string; display: string; content: string | Uint8Array; pdf: boolean }> {
  const targets: Array<{ path: string; display: string; content: string | Uint8Array; pdf: boolean }> = [];
  for (const out of outputs) {
    if (out.path !== "-") targets.push({ path: out.path, display: out.display, content: out.text, pdf: false });
    if (out.pdfHtml !== undefined) {
      const pdfPath = out.path.replace(/\.(html?|md)$/i, "") + ".pdf";
      const pdfShown = out.display.replace(/\.(html?|md)$/i, "") + ".pdf";
      targets.push({ path: pdfPath, display: pdfShown, content: out.pdfHtml, pdf: true });
    }
  }
  return targets;
}

/**
 * `gouvnum report`. Its length is its order, which is the contract: options and the user's template checked before
 * the audit, every target checked before any is written, the PDFs printed before anything is written (a failing
 * Chromium leaves no report behind); the pieces without that order are the functions above.
 */
export async function reportCommand(paths: string[], o: ReportOptions, io: CliIO): Promise<number> {
  const inputsPaths = paths.length > 0 ? paths : ["."];
  const config = await resolveConfig(o, inputsPaths, io);
  const rc = config.report ?? {};

  // Options, then the config's `report:` settings, then defaults.
  // `markdown` is `md`, as `audit -f markdown` has it.
  const formatValue = ((f: string) => (f === "markdown" ? "md" : f))(o.format ?? rc.format ?? "html");
  if (formatValue !== "html" && formatValue !== "md") throw new GouvnumError("formatInconnu", { format: formatValue, formats: "html, md (ou markdown)" });
  const format = formatValue;
  const split = o.splitBy ?? rc.splitBy;
  if (split !== undefined && split !== "collectivite" && split !== "departement" && split !== "etablissement") throw usage("rapport.erreur.splitByValeurs", { valeur: split });
  const anonymize = o.anonymize ?? rc.anonymize ?? false;
  const ruleSeverities = parseRuleOverrides(o.rule);
  const output = o.output ?? rc.output;
  if (split && output === "-") throw usage("rapport.erreur.splitStdout");
  if (o.pdf && output === "-") throw usage("rapport.erreur.pdfStdout");
  const { parseScope } = await import("../../report/scope.js");
  if (o.scope !== undefined && !parseScope(o.scope)) throw usage("rapport.erreur.scopeInvalideV2", { valeur: o.scope });

  // A user template is read and compiled before the audit, so a typo costs nothing.
  const render = await import("../../report/render.js");
  const userTemplate = o.template ? await compileTemplate(o.template, format, io) : undefined;
  const chromium = o.pdf ? await findChromium(io) : undefined;

  const inputs = await auditInputs(inputsPaths, { ...DEFAULT_LIMITS, ...config.limits }.maxFileBytes, io);
  const auditOptions = { mode: "audit" as const, date: o.date, today: isoDay(io.now()), cwd: io.cwd, config, ruleSeverities, territory: territoryRoot(config) };
  const result = await runAudit(inputs, auditOptions);

  // « Évolution » (--compare) and the indicators over time (--history): see src/report/sections/evolution.ts.
  const { evolution, historique } = await evolutionOf(result, o, { paths: inputsPaths.filter((p) => p !== "-"), audit: { ...auditOptions, date: result.date }, run: runAudit });

  const vmod = await import("../../report/view-model.js");
  const anon = await import("../../report/anonymize.js");
  const scope = o.scope !== undefined ? resolveScope(result, o.scope, vmod.resolveScopeRef) : undefined;
  const personal = anonymize ? anon.collectPersonalData(result.documents) : undefined;
  // A split file holds its unit's detail; its appendix gives each rule in one table row (the whole text once, on the rule's page).
  const build = (scopeRef: string | undefined, details: "auto" | "toujours" = "auto") => {
    const vm = vmod.buildViewModel(result, { version: VERSION, titre: o.title ?? rc.title, auteur: rc.author, scope: scopeRef, details, evolution, historique, ...(details === "toujours" ? { reglesCompletes: false } : {}) });
    return personal ? anon.anonymizeViewModel(vm, personal) : vm;
  };
  const renderOne = (vm: ReturnType<typeof build>, fmt: "html" | "md", custom: boolean): string => {
    try {
      return render.renderReport(vm, fmt, custom ? userTemplate : undefined);
    } catch (e) {
      if (custom && o.template) throw templateError(o.template, e);
      throw e;
    }
  };
  // The PDF is printed from the HTML: the user's template when it is HTML, else the built-in one.
  const pdfOf = (vm: ReturnType<typeof build>) => (o.pdf ? renderOne(vm, "html", format === "html" && userTemplate !== undefined) : undefined);

  const ext = format;
  const outputs: Output[] = [];
  if (!split) {
    const vm = build(scope);
    const shown = output ?? `rapport-${result.date}.${ext}`;
    outputs.push({ path: shown === "-" ? "-" : resolve(io.cwd, shown), display: shown, text: renderOne(vm, format, userTemplate !== undefined), pdfHtml: pdfOf(vm) });
  } else {
    const dirShown = output ?? `rapport-${result.date}`;
    const dir = resolve(io.cwd, dirShown);
    const whole = build(scope);
    const pages: import("../../report/view-model.js").PageVM[] = [];
    // One page per unit of the scope: its collectivités, its départements (from the map's table) or its établissements.
    const units = splitUnits(whole, split);
    const seen = new Set<string>();
    for (const u of units) {
      if (seen.has(u.ref)) continue;
      seen.add(u.ref);
      const vm = build(u.ref, "toujours");
      const file = `${safeFileName(u.file)}.${ext}`;
      pages.push(vmod.pageOf(vm, file));
      outputs.push({ path: join(dir, file), display: join(dirShown, file), text: renderOne(vm, format, userTemplate !== undefined), pdfHtml: pdfOf(vm) });
    }
    const index = vmod.buildIndexViewModel(whole, pages, split);
    outputs.push({ path: join(dir, `index.${ext}`), display: join(dirShown, `index.${ext}`), text: render.renderIndex(index, format) });
  }

  // Check every target before writing any, so that a refusal leaves nothing half-done.
  const readPaths = new Set(result.files.map((f) => resolve(io.cwd, f)));
  if (config.file) readPaths.add(resolve(io.cwd, config.file));
  if (o.compare && result.comparison?.previous.kind === "json") readPaths.add(resolve(io.cwd, o.compare));
  const targets = targetsOf(outputs);
  for (const tg of targets) await checkTarget(tg.path, tg.display, readPaths, o.force === true);

  // PDFs are printed before anything is written: a failing Chromium leaves no report behind.
  const pdfTargets = targets.filter((tg) => tg.pdf);
  if (pdfTargets.length > 0 && chromium) {
    const pdfs = await printPdfs(chromium, pdfTargets.map((tg) => tg.content as string));
    pdfTargets.forEach((tg, i) => (tg.content = pdfs[i]));
  }

  for (const out of outputs) if (out.path === "-") io.stdout.write(out.text);
  for (const tg of targets) await writeFileAtomic(tg.path, tg.content, { force: o.force, inputs: readPaths, display: tg.display });

  if (!o.quiet) {
    if (split) {
      const index = outputs[outputs.length - 1];
      io.stderr.write(t("rapport.ecritsSplitPar", { n: outputs.length - 1, dossier: output ?? `rapport-${result.date}`, index: index.display }) + "\n");
    } else if (outputs[0].path !== "-") {
      io.stderr.write(t("rapport.ecrit", { chemin: outputs[0].display }) + "\n");
    }
    for (const tg of pdfTargets) io.stderr.write(t("rapport.pdfEcrit", { chemin: tg.display }) + "\n");
  }
  return 0;
}

function templateError(path: string, e: unknown): GouvnumError {
  const detail = String((e as Error)?.message ?? e)
    .split("\n")[0]
    .replace(/\s*-\s*\d+:\d+$/, "");
  return usage("rapport.erreur.gabaritInvalide", { chemin: path, detail });
}

function resolveScope(result: AuditResult, value: string, resolveRef: (t: AuditResult["territory"], v: string) => string | undefined): string {
  const ref = resolveRef(result.territory, value);
  if (ref) return ref;
  const entities = [...result.territory.collectivites, ...result.territory.academies];
  const bare = !value.includes(":");
  throw usage("rapport.erreur.scopeInconnuV2", { valeur: value, suggestion: didYouMean(value, entities.map((e) => (bare ? e.id : e.ref))) });
}

/** Collectivité ids are slugs; anything else is reduced to one, so a page never lands outside its folder. */
function safeFileName(id: string): string {
  return id.replace(/[^a-z0-9-]/gi, "-").replace(/^-+/, "") || "collectivite";
}

async function checkTarget(path: string, shown: string, inputs: ReadonlySet<string>, force: boolean): Promise<void> {
  if (inputs.has(path)) throw new GouvnumError("sortieEgaleEntree", { chemin: shown });
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new GouvnumError("ecritureImpossible", { chemin: shown, detail: "c'est un dossier" });
    if (!force) throw new GouvnumError("fichierExiste", { chemin: shown });
  } catch (e) {
    if (e instanceof GouvnumError) throw e;
  }
}

/** The Chromium to print with: `GOUVNUM_CHROMIUM`, else the usual places; a French usage error when none is there. */
async function findChromium(io: CliIO): Promise<string> {
  const fromEnv = io.env.GOUVNUM_CHROMIUM;
  const candidates = fromEnv ? [fromEnv] : CHROMIUM_PATHS;
  for (const c of candidates) {
    try {
      await access(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  throw usage("rapport.erreur.chromiumAbsent", { chemins: fromEnv ? `GOUVNUM_CHROMIUM=${fromEnv}` : candidates.slice(0, 5).join(", ") });
}

async function printPdfs(executablePath: string, htmls: string[]): Promise<Uint8Array[]> {
  let pw: typeof import("playwright-core");
  try {
    pw = await import("playwright-core");
  } catch {
    throw usage("rapport.erreur.playwrightAbsent");
  }
  let browser: import("playwright-core").Browser;
  try {
    browser = await pw.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (e) {
    throw usage("rapport.erreur.pdfEchec", { chemin: executablePath, detail: String((e as Error)?.message ?? e).split("\n")[0] });
  }
  try {
    const out: Uint8Array[] = [];
    for (const html of htmls) {
      const page = await browser.newPage();
      // The report is self-contained: nothing may be fetched while printing.
      await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      out.push(await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
