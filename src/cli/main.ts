// CLI: the commander program — argv → library calls → outputs → exit code. The only layer that knows about the process.
import { Command, CommanderError, Option } from "commander";
import { GouvnumError } from "../core/errors.js";
import { formatMessage } from "../core/format-message.js";
import { terminalTexts as catalogue } from "../messages/terminal.js";
import type { CliIO } from "./io.js";
import { VERSION } from "./version.js";
import { FrenchHelp, commanderMessage, frenchHelp } from "./help-fr.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

/** Collects repeatable option values. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Builds a fresh program (one per call: commander keeps state).
 * Long on purpose: it is the command line's declaration — every command, option and help text,
 * each `.action` one call into src/cli/commands — read top to bottom like the usage page; splitting it would scatter
 * one table over several functions without removing any logic.
 */
export function buildProgram(io: CliIO, setCode: (n: number) => void): Command {
  const program = new Command("gouvnum");
  const configure = (cmd: Command) => {
    cmd.createHelp = () => Object.assign(new FrenchHelp(), cmd.configureHelp());
    return cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: () => undefined,
      })
      .helpOption("-h, --help", t("aide.help"));
  };
  configure(program);
  program
    .description(t("aide.programme"))
    .version(VERSION, "-V, --version", t("aide.version"))
    .option("--config <fichier>", t("aide.config"))
    .option("--no-color", t("aide.noColor"))
    .option("--quiet", t("aide.quiet"))
    .option("--debug", t("aide.debug"))
    .helpCommand("help [commande]", t("aide.helpCommand"))
    .showSuggestionAfterError(true);

  const addRunOptions = (cmd: Command) =>
    cmd
      .argument("[chemins...]", t("aide.chemins"))
      .addOption(new Option("-f, --format <format>", t("aide.format")).argParser(collect))
      .addOption(new Option("-o, --output <fichier>", t("aide.output")).argParser(collect))
      .option("--fail-on <sévérité>", t("aide.failOn"), "error")
      .option("--max-warnings <n>", t("aide.maxWarnings"))
      .option("--date <AAAA-MM-JJ>", t("aide.date"))
      .addOption(new Option("--rule <règle=sévérité>", t("aide.rule")).argParser(collect))
      .option("--baseline <fichier>", t("aide.baseline"))
      .option("--update-baseline", t("aide.updateBaseline"))
      .option("--jobs <n>", t("aide.jobs"))
      .option("--cache", t("aide.cache"))
      .option("--cache-location <chemin>", t("aide.cacheLocation"), ".gouvnum-cache")
      .option("--watch", t("aide.watch"))
      .option("--force", t("aide.force"))
      .option("--summary", t("aide.summary"))
      .option("--compare <révision|résultat.json>", t("aide.compare"));

  for (const [name, alias, mode] of [
    ["validate", "valider", "validate"],
    ["audit", "auditer", "audit"],
  ] as const) {
    const cmd = new Command(name).alias(alias).description(t(`aide.${name}`));
    configure(cmd);
    if (mode === "audit") cmd.option("--scope <ref>", t("aide.auditScope"));
    addRunOptions(cmd).action(async (paths: string[], _o: unknown, self: Command) => {
      const opts = self.optsWithGlobals<import("./commands/run.js").RunOptions>();
      if (opts.watch) {
        const { watchCommand } = await import("./commands/watch.js");
        setCode(await watchCommand(mode, paths, opts, io));
        return;
      }
      const { runCommand } = await import("./commands/run.js");
      setCode(await runCommand(mode, paths, opts, io));
    });
    program.addCommand(cmd);
  }

  const lspCmd = new Command("lsp").description(t("aide.lsp")).option("--stdio", t("aide.lspStdio"));
  configure(lspCmd);
  lspCmd.action(async () => {
    const { lspCommand } = await import("./commands/lsp.js");
    setCode(await lspCommand(io));
  });
  program.addCommand(lspCmd);

  const rulesCmd = new Command("rules").alias("regles").description(t("aide.rules")).argument("[règle]", t("aide.regle")).option("--json", t("aide.json"));
  configure(rulesCmd);
  rulesCmd.action(async (id: string | undefined, _o: unknown, self: Command) => {
    const { rulesCommand } = await import("./commands/rules.js");
    setCode(await rulesCommand(id, self.optsWithGlobals(), io));
  });
  program.addCommand(rulesCmd);

  const schemaCmd = new Command("schema").description(t("aide.schema")).argument("[kind]", t("aide.kind")).option("--out <dossier>", t("aide.schemaOut")).option("--force", t("aide.force"));
  configure(schemaCmd);
  schemaCmd.action(async (kind: string | undefined, _o: unknown, self: Command) => {
    const { schemaCommand } = await import("./commands/schema.js");
    setCode(await schemaCommand(kind, self.optsWithGlobals(), io));
  });
  program.addCommand(schemaCmd);

  // --- report (issue 4): options and action; the command lives in ./commands/report.ts ---
  const reportCmd = new Command("report").alias("rapport").description(t("aide.report")).argument("[chemins...]", t("aide.chemins"));
  configure(reportCmd);
  reportCmd
    .option("--format <format>", t("aide.reportFormat"))
    .option("-o, --output <chemin>", t("aide.reportOutput"))
    .option("--template <fichier.hbs>", t("aide.template"))
    .option("--split-by <axe>", t("aide.splitBy"))
    .option("--scope <ref>", t("aide.scope"))
    .option("--anonymize", t("aide.anonymize"))
    .option("--title <texte>", t("aide.title"))
    .option("--pdf", t("aide.pdf"))
    .option("--date <AAAA-MM-JJ>", t("aide.date"))
    .addOption(new Option("--rule <règle=sévérité>", t("aide.rule")).argParser(collect))
    .option("--force", t("aide.force"))
    .option("--compare <révision|résultat.json>", t("aide.compare"))
    .option("--history <dossier|git>", t("aide.history"))
    .action(async (paths: string[], _o: unknown, self: Command) => {
      const { reportCommand } = await import("./commands/report.js");
      setCode(await reportCommand(paths, self.optsWithGlobals(), io));
    });
  program.addCommand(reportCmd);
  // --- end report ---

  // --- deadlines (issue 14): options and action; the command lives in ./commands/deadlines.ts ---
  const deadlinesCmd = new Command("deadlines").alias("echeances").description(t("aide.deadlines")).argument("[chemins...]", t("aide.chemins"));
  configure(deadlinesCmd);
  deadlinesCmd
    .option("--within <jours>", t("aide.within"))
    .option("--date <AAAA-MM-JJ>", t("aide.date"))
    .option("-f, --format <format>", t("aide.deadlinesFormat"))
    .option("-o, --output <fichier>", t("aide.deadlinesOutput"))
    .option("--force", t("aide.force"))
    .action(async (paths: string[], _o: unknown, self: Command) => {
      const { deadlinesCommand } = await import("./commands/deadlines.js");
      setCode(await deadlinesCommand(paths, self.optsWithGlobals(), io));
    });
  program.addCommand(deadlinesCmd);
  // --- end deadlines ---

  // --- init and import (issue 5): options and actions; the commands live in ./commands/init.ts and ./commands/import.ts ---
  const initCmd = new Command("init").description(t("aide.init")).argument("[dossier]", t("aide.initDossier"));
  configure(initCmd);
  initCmd
    .option("--academie <code>", t("aide.initAcademie"))
    .addOption(new Option("--collectivite <type:code[:nom]>", t("aide.initCollectivite")).argParser(collect))
    .option("--ci <type>", t("aide.initCi"))
    .option("--no-ci", t("aide.initNoCi"))
    .option("--install-source <source>", t("aide.initInstallSource"))
    .option("--no-editor", t("aide.initNoEditor"))
    .option("--annuaire <csv>", t("aide.initAnnuaire"))
    .option("--no-git", t("aide.initNoGit"))
    .option("-y, --yes", t("aide.yes"))
    .option("--force", t("aide.force"))
    .action(async (dir: string | undefined, _o: unknown, self: Command) => {
      const { initCommand } = await import("./commands/init.js");
      setCode(await initCommand(dir, self.optsWithGlobals(), io));
    });
  program.addCommand(initCmd);

  const importCmd = new Command("import").alias("importer").description(t("aide.import"));
  configure(importCmd);
  const annuaireCmd = new Command("annuaire").description(t("aide.importAnnuaire")).argument("<csv>", t("aide.csv"));
  configure(annuaireCmd);
  annuaireCmd
    .option("--out <dossier>", t("aide.importOut"))
    .option("--academie <code>", t("aide.filtreAcademie"))
    .option("--departement <code>", t("aide.filtreDepartement"))
    .option("--types <types>", t("aide.filtreTypes"))
    .option("--statut <statut>", t("aide.filtreStatut"))
    .option("--toutes-tutelles", t("aide.toutesTutelles"))
    .option("--dry-run", t("aide.dryRun"))
    .option("--force", t("aide.importForce"))
    .action(async (csv: string, _o: unknown, self: Command) => {
      const { importAnnuaireCommand } = await import("./commands/import.js");
      setCode(await importAnnuaireCommand(csv, self.optsWithGlobals(), io));
    });
  importCmd.addCommand(annuaireCmd);
  program.addCommand(importCmd);
  // --- end init and import ---

  // --- collect (issue 13): options and actions; the commands live in ./commands/collect.ts ---
  const collectCmd = new Command("collect").alias("collecte").description(t("aide.collect"));
  configure(collectCmd);
  const collectExport = new Command("export").alias("exporter").description(t("aide.collectExport")).argument("[chemins...]", t("aide.chemins"));
  configure(collectExport);
  collectExport
    .option("--out <dossier>", t("aide.collectOut"))
    .option("--by <unité>", t("aide.collectBy"), "collectivite")
    .option("--format <format>", t("aide.collectFormat"), "ods")
    .option("--scope <ref>", t("aide.collectScope"))
    .option("--echeance <AAAA-MM-JJ>", t("aide.collectEcheance"))
    .option("--dry-run", t("aide.dryRun"))
    .option("--force", t("aide.collectForce"))
    .action(async (paths: string[], _o: unknown, self: Command) => {
      const { collectExportCommand } = await import("./commands/collect.js");
      setCode(await collectExportCommand(paths, self.optsWithGlobals(), io));
    });
  collectCmd.addCommand(collectExport);
  const collectImport = new Command("import").alias("importer").description(t("aide.collectImport")).argument("<fichiers...>", t("aide.collectFichiers"));
  configure(collectImport);
  collectImport
    .option("--territoire <dossier>", t("aide.collectTerritoire"))
    .option("--dry-run", t("aide.collectDryRun"))
    .option("--force", t("aide.collectForce"))
    .option("--partial", t("aide.collectPartial"))
    .action(async (files: string[], _o: unknown, self: Command) => {
      const { collectImportCommand } = await import("./commands/collect.js");
      setCode(await collectImportCommand(files, self.optsWithGlobals(), io));
    });
  collectCmd.addCommand(collectImport);
  program.addCommand(collectCmd);
  // --- end collect ---

  return frenchHelp(program);
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (n) => (code = n));
  const debug = argv.includes("--debug");
  try {
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return 0;
    }
    const asked = argv[0] === "help" ? argv.slice(1).find((a) => !a.startsWith("-")) : undefined;
    const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    if (asked !== undefined && !names.includes(asked)) {
      // Commander's `help <unknown>` shows the main help and succeeds; an unknown command is a usage error.
      const { closest } = await import("../core/similar.js");
      const near = closest(asked, names);
      const suggestion = near ? t("erreur.suggestion", { s: near }) : "";
      io.stderr.write(`gouvnum : ${t("erreur.commandeInconnue", { commande: asked, suggestion })}\n${t("erreur.voirAide")}\n`);
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      io.stderr.write(`gouvnum : ${commanderMessage(e)}\n${t("erreur.voirAide")}\n`);
      return 2;
    }
    if (e instanceof GouvnumError) {
      io.stderr.write(`gouvnum : ${e.message}\n`);
      if (debug && e.stack) io.stderr.write(e.stack + "\n");
      return 2;
    }
    io.stderr.write(`gouvnum : ${formatMessage(catalogue.errors.interne, { version: VERSION, detail: String((e as Error)?.message ?? e) })}\n`);
    if (debug && (e as Error)?.stack) io.stderr.write(String((e as Error).stack) + "\n");
    return 2;
  }
}
