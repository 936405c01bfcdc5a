// CLI: `init` — ask (inquirer) or read the flags, plan the repository (src/init), write it atomically, import the annuaire if asked.
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { GouvnumError } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { academieName, normalizeAcademie, readAnnuaire } from "../../import/index.js";
import { INIT_BASELINE, askInit, defaultCollectivites, parseCollectiviteOption, planInit, type InitAnswers, type Prompter } from "../../init/index.js";
import type { CliIO } from "../io.js";
import { VERSION } from "../version.js";
import { writeFileAtomic } from "../write.js";
import { ensureDirectory, renderSummary, runImportPlan, suggestAcademie, writePlan } from "./import.js";
import { ciKindOption, copyTarball, hasGitlabRemote, resolveInstallSource, writeInitBaseline } from "./init-ci.js";
import { loadCommunes, type CommuneTable } from "../../import/communes.js";
import type { CiKind } from "../../init/ci-templates.js";
import { checkCollectivites } from "../../init/territoires.js";
import type { CollectiviteSpec } from "../../init/index.js";
import type { GlobalOptions } from "./options.js";

export interface InitCommandOptions extends GlobalOptions {
  academie?: string;
  collectivite?: string[];
  /** `--ci gitlab|github|none` gives the kind; `--no-ci` makes it false. */
  ci?: boolean | string;
  /** `--install-source`: what the generated CI installs. */
  installSource?: string;
  /** `--no-editor` makes it false. */
  editor?: boolean;
  annuaire?: string;
  /** `--no-git` makes it false. */
  git?: boolean;
  yes?: boolean;
  force?: boolean;
}

/** What tests (or another front end) can inject instead of the terminal. */
export interface InitDeps {
  /** Answers the questions instead of inquirer. */
  prompter?: Prompter;
  /** Streams the inquirer prompts read keys from and draw to (default: the process's stdin and stdout). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);
const usage = (id: string, data: Record<string, string | number> = {}) => new GouvnumError("usage", { detail: t(id, data) });

/** The @inquirer/prompts functions behind the Prompter interface, in French (src/cli/prompts-fr.ts), on the given streams. */
async function inquirerPrompter(deps: InitDeps): Promise<Prompter> {
  const inquirer = await import("@inquirer/prompts");
  // Each prompt pipes its screen into the output and ends that pipe when answered: give each one its own
  // pass-through so that an injected output stream stays open for the next question.
  const context = () => {
    const ctx: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {};
    if (deps.input) ctx.input = deps.input;
    if (deps.output) {
      const through = new PassThrough();
      through.pipe(deps.output, { end: false });
      ctx.output = through;
    }
    return ctx;
  };
  const { frenchPrompter } = await import("../prompts-fr.js");
  return frenchPrompter(inquirer, context);
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The académie most rows of an annuaire export belong to. */
async function academiesOfAnnuaire(path: string): Promise<Array<[string, number]>> {
  const { etablissements } = readAnnuaire(await readFile(path), {});
  const counts = new Map<string, number>();
  for (const e of etablissements) counts.set(e.academie, (counts.get(e.academie) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * `git init` when `root` is inside no git repository; the line to print, or undefined when it already was.
 * A missing git or a failing `git init` is said, never fatal: the files are written.
 */
export async function gitInit(root: string): Promise<string | undefined> {
  const { execFile } = await import("node:child_process");
  const run = (args: string[]) =>
    new Promise<{ code: number | string; stderr: string }>((done) => {
      execFile("git", args, { cwd: root, windowsHide: true }, (error, _stdout, stderr) => {
        const code = error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0;
        done({ code: typeof code === "number" || typeof code === "string" ? code : 1, stderr: String(stderr) });
      });
    });
  const inside = await run(["rev-parse", "--is-inside-work-tree"]);
  if (inside.code === "ENOENT") return t("init.git.absent");
  if (inside.code === 0) return undefined;
  const r = await run(["init", "--quiet"]);
  if (r.code !== 0) return t("init.git.echec", { detail: r.stderr.trim().split("\n")[0] || String(r.code) });
  return t("init.git.fait");
}

function isCancel(e: unknown): boolean {
  const name = (e as Error)?.name;
  return name === "ExitPromptError" || name === "AbortPromptError" || name === "CancelPromptError";
}

/** The académie named by `--academie`, or the one of the `--annuaire` export; an export without the académie's établissements is refused. */
async function academieOf(o: InitCommandOptions, io: CliIO): Promise<string | undefined> {
  let academie: string | undefined;
  if (o.academie !== undefined) {
    academie = normalizeAcademie(o.academie);
    if (!academie) throw usage("init.erreur.academieSuggestion", { valeur: o.academie, suggestion: suggestAcademie(o.academie) });
  }
  if (o.annuaire !== undefined && !(await fileExists(resolve(io.cwd, o.annuaire)))) throw usage("init.erreur.annuaire", { chemin: o.annuaire });
  if (o.annuaire) {
    const inExport = await academiesOfAnnuaire(resolve(io.cwd, o.annuaire));
    if (!academie) academie = inExport[0]?.[0];
    // An export with none of the chosen académie's établissements: said, not imported as nothing.
    else if (inExport.length > 0 && !inExport.some(([a]) => a === academie)) {
      throw usage("init.erreur.annuaireAutreAcademie", {
        chemin: o.annuaire,
        academie: `${academieName(academie).replace(/^A/, "a")} (${academie})`,
        autres: inExport.map(([a, n]) => `${academieName(a).replace(/^A/, "a")} (${a}) : ${n}`).join(", "),
        code: inExport[0][0],
      });
    }
  }
  return academie;
}

/** The answers: from the options with `--yes`, else asked (undefined when the person cancels). */
async function initAnswers(
  o: InitCommandOptions,
  deps: InitDeps,
  io: CliIO,
  known: { academie?: string; given: CollectiviteSpec[]; ciDefaults: { ci: boolean; ciKind: Exclude<CiKind, "none"> }; gitlabFirst: boolean },
  communes: CommuneTable,
  check: (specs: CollectiviteSpec[], raw: readonly string[], code: string) => CollectiviteSpec[],
): Promise<InitAnswers | undefined> {
  const { academie, given, ciDefaults } = known;
  if (o.yes) {
    if (!academie) throw usage("init.erreur.academieRequise");
    return {
      academie,
      collectivites: given.length > 0 ? given : defaultCollectivites(academie),
      ...ciDefaults,
      editor: o.editor !== false,
      ...(o.annuaire ? { annuaire: o.annuaire } : {}),
    };
  }
  if (!deps.prompter && !deps.input && process.stdin.isTTY !== true) throw usage("init.erreur.nonInteractif");
  const prompter = deps.prompter ?? (await inquirerPrompter(deps));
  try {
    const answers = await askInit(
      prompter,
      { academie, collectivites: given, ...ciDefaults, editor: o.editor !== false, annuaire: o.annuaire },
      (p) => fileExists(resolve(io.cwd, p)),
      { gitlabFirst: known.gitlabFirst },
      communes,
    );
    if (!academie) answers.collectivites = check(answers.collectivites, [], answers.academie);
    return answers;
  } catch (e) {
    if (isCancel(e)) return undefined;
    throw e;
  }
}

/** With `--annuaire`: the import into the new repository, its summary, and the baseline the generated CI uses. Exit code 1 when files could not be written. */
async function importAtInit(root: string, answers: InitAnswers, o: InitCommandOptions, io: CliIO): Promise<number> {
  if (!answers.annuaire) return 0;
  io.stdout.write("\n" + t("init.annuaire", { chemin: answers.annuaire, academie: answers.academie }) + "\n");
  const plan = await runImportPlan(answers.annuaire, root, { academie: answers.academie }, o, io);
  await writePlan(plan.writes, root, o, io);
  // The lines the annuaire gave and the import left out are listed (up to 20 per reason), not only counted.
  io.stdout.write(renderSummary(plan, basename(answers.annuaire), { quiet: true, skippedLines: o.quiet ? undefined : 20, csvPath: answers.annuaire }));
  // The generated CI audits with this baseline: the first push of an imported territory passes, new gaps fail.
  if (answers.ci) io.stdout.write("\n" + (await writeInitBaseline(root, INIT_BASELINE, o.force, io)) + "\n");
  return plan.problems.length > 0 ? 1 : 0;
}

export async function initCommand(dir: string | undefined, o: InitCommandOptions, io: CliIO, deps: InitDeps = {}): Promise<number> {
  const root = resolve(io.cwd, dir ?? ".");
  await ensureDirectory(root, dir ?? ".", "init.erreur.pasUnDossier");
  const rawGiven = o.collectivite ?? [];
  let given = rawGiven.map(parseCollectiviteOption);
  const communes = await loadCommunes();
  const notes: string[] = [];
  const check = (specs: CollectiviteSpec[], raw: readonly string[], code: string) => {
    const r = checkCollectivites(specs, raw, code, communes, (detail) => {
      throw new GouvnumError("usage", { detail });
    });
    notes.push(...r.notes);
    return r.specs;
  };
  const academie = await academieOf(o, io);
  if (academie) given = check(given, rawGiven, academie);

  const ciKind = ciKindOption(o.ci);
  const installSource = await resolveInstallSource(o.installSource, io.cwd, VERSION);
  const gitlabFirst = await hasGitlabRemote(root);
  const ciDefaults = { ci: ciKind !== "none", ciKind: ciKind && ciKind !== "none" ? ciKind : gitlabFirst ? ("gitlab" as const) : ("github" as const) };
  const answers = await initAnswers(o, deps, io, { academie, given, ciDefaults, gitlabFirst }, communes, check);
  if (!answers) {
    io.stderr.write(t("init.annule") + "\n");
    return 130;
  }

  const files = await planInit({ root, answers, force: o.force, version: VERSION, installSource: installSource.spec });
  for (const f of files) {
    if (f.status === "create" || f.status === "replace") {
      await writeFileAtomic(join(root, f.path), f.content, { force: f.status === "replace", display: f.path });
    }
  }
  if (answers.ci && installSource.tarball) {
    files.push({ path: installSource.tarball.to, content: "", status: await copyTarball(root, installSource.tarball, o.force) });
  }
  const rel = relative(io.cwd, root);
  const shown = rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? root : rel;
  const out: string[] = [t("init.titre", { dossier: shown, academie: `${academieName(answers.academie)} (${answers.academie})` })];
  const label = { create: "init.fichier.cree", identical: "init.fichier.identique", replace: "init.fichier.remplace", skip: "init.fichier.ignore" } as const;
  for (const f of files) if (!o.quiet || f.status === "skip") out.push(t(label[f.status], { chemin: f.path }));
  const skipped = files.filter((f) => f.status === "skip").length;
  if (skipped > 0) out.push(skipped === 1 ? t("init.ignores.un") : t("init.ignores", { n: skipped }));
  out.push(...notes);
  if (o.git !== false) {
    const git = await gitInit(root);
    if (git) out.push(git);
  }
  io.stdout.write(out.join("\n") + "\n");

  const code = await importAtInit(root, answers, o, io);
  if (!o.quiet) io.stdout.write("\n" + t(answers.annuaire ? "init.suiteAvecAnnuaire" : "init.suite", { dossier: shown }) + "\n");
  return code;
}
