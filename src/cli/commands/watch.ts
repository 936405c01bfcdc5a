// CLI: `audit --watch` / `validate --watch` — a first audit as usual, then, after each save, only what changed:
// the findings that appeared (+) and those that went away (−). One `AuditSession` keeps every unchanged file's reading.
// File events come from chokidar (measured reliable on Linux, macOS and Windows where `fs.watch` recursive is not).
import { relative, resolve } from "node:path";
import { GouvnumError } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import type { Finding } from "../../core/finding.js";
import { AuditSession } from "../../audit/session.js";
import type { Mode } from "../../audit/engine.js";
import { getFormatter } from "../../report/index.js";
import { SEVERITY_LABEL, summaryLine } from "../../report/counted.js";
import { catalogue } from "../../messages/index.js";
import { CONFIG_NAMES } from "../../validate/config.js";
import type { CliIO } from "../io.js";
import { VERSION } from "../version.js";
import { isoDay, parseRuleOverrides, resolveConfig, territoryRoot, useColor } from "./options.js";
import type { RunOptions } from "./run.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id], data);

/** Files, folders and tools a territory's watcher never looks into. */
const IGNORED = /(^|[/\\])(node_modules|\.git|\.gouvnum-cache)([/\\]|$)|(^|[/\\])\.[^/\\]+[/\\]/;

type SessionRun = Awaited<ReturnType<AuditSession["run"]>>;

/** What a save changed: one line when nothing did, else the counts and each new (+) and fixed (−) finding. */
function changeText(result: SessionRun["result"], change: SessionRun["change"], files: readonly string[], ms: number, heure: string): string {
  const line = (id: string, f: Finding) =>
    t(id, { fichier: f.file, ligne: f.line, colonne: f.column, severite: SEVERITY_LABEL[f.severity], message: f.message, regle: f.ruleId });
  const shown = (l: readonly Finding[]) => l.filter((f) => !f.suppressed);
  const added = shown(change.added);
  const removed = shown(change.removed);
  if (added.length + removed.length === 0) return t("watch.rien", { heure, fichiers: files.join(", "), ms });
  return [
    t("watch.changement", {
      heure,
      fichiers: files.join(", "),
      nouveaux: t("watch.nouveaux", { n: added.length }),
      corriges: t("watch.corriges", { n: removed.length }),
      ms,
      resume: summaryLine(result),
    }),
    ...added.map((f) => line("watch.nouveau", f)),
    ...removed.map((f) => line("watch.corrige", f)),
  ].join("\n");
}

export async function watchCommand(mode: Mode, paths: string[], o: RunOptions, io: CliIO): Promise<number> {
  if (!io.interrupted) throw new GouvnumError("usage", { detail: "--watch" });
  if ((o.format ?? []).some((f) => f !== "text") || (o.output ?? []).length > 0) {
    throw new GouvnumError("usage", { detail: catalogue.cli["erreur.watchFormat"] });
  }
  const inputs = paths.length > 0 ? paths : ["."];
  const ruleSeverities = parseRuleOverrides(o.rule);
  let territory: string | undefined;
  const open = async () => {
    const config = await resolveConfig(o, inputs, io);
    territory = territoryRoot(config);
    return new AuditSession(inputs, { mode, date: o.date, today: isoDay(io.now()), cwd: io.cwd, config, ruleSeverities, territory });
  };
  let session = await open();
  const color = useColor(o, io, io.stdout);
  const text = await getFormatter("text");
  const first = await session.run();
  io.stdout.write(text(first.result, { version: VERSION, failOn: "error", color }));

  // The whole territory is watched: an edit elsewhere can change the findings of the paths given.
  const root = territory ?? resolve(io.cwd, inputs.length === 1 ? inputs[0] : ".");
  const { watch } = await import("chokidar");
  const watched = territory ? [territory] : inputs.map((p) => resolve(io.cwd, p));
  const watcher = watch(watched, { ignoreInitial: true, ignored: (p: string) => IGNORED.test(relative(root, p)) });

  const changed = new Set<string>();
  let reopen = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const now = () => io.now().toTimeString().slice(0, 8);

  const rerun = async () => {
    const files = [...changed].map((f) => relative(io.cwd, f) || f);
    changed.clear();
    const start = performance.now();
    try {
      if (reopen) {
        reopen = false;
        session = await open();
        await session.run();
      }
      const { result, change } = await session.run();
      io.stdout.write(changeText(result, change, files, Math.round(performance.now() - start), now()) + "\n");
    } catch (e) {
      // A broken configuration or an unreadable folder while editing: said, and the watch goes on.
      io.stderr.write(t("watch.erreur", { heure: now(), message: String((e as Error).message ?? e) }) + "\n");
      reopen = true;
    }
  };
  const schedule = (path: string) => {
    if (CONFIG_NAMES.some((n) => path.endsWith(n))) reopen = true;
    else if (!/\.ya?ml$/i.test(path)) return;
    else session.fileChanged(path);
    changed.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = (running ?? Promise.resolve()).then(rerun);
    }, 20);
  };
  watcher.on("add", schedule).on("change", schedule).on("unlink", schedule);
  watcher.on("error", (e: unknown) => io.stderr.write(t("watch.erreur", { heure: now(), message: String((e as Error).message ?? e) }) + "\n"));
  await new Promise<void>((ready) => watcher.on("ready", () => ready()));
  io.stderr.write(t("watch.ecoute", { racine: relative(io.cwd, root) || "." }) + "\n");
  await io.interrupted();
  if (timer) clearTimeout(timer);
  await running;
  await watcher.close();
  io.stderr.write(t("watch.arret") + "\n");
  return 0;
}

