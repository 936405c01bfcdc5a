// Every help screen in French: the test walks the program's command tree (commands added later are covered
// without touching this file), runs `--help` and `help <commande>` on each, and looks for commander's English.
// Commander's own errors come out in French too.
import { describe, expect, it } from "vitest";
import { Command, CommanderError, Option } from "commander";
import { buildProgram } from "../src/cli/main.js";
import { FrenchHelp, allCommands, commanderMessage, frenchHelp } from "../src/cli/help-fr.js";
import type { CliIO } from "../src/cli/io.js";
import { cli } from "./cli-helpers.js";

const io: CliIO = {
  stdout: { write: () => true, isTTY: false },
  stderr: { write: () => true, isTTY: false },
  readStdin: async () => new Uint8Array(),
  cwd: process.cwd(),
  env: {},
  now: () => new Date("2026-09-01T10:00:00"),
};

const program = buildProgram(io, () => undefined);

/** The path of names from the program to each command (the program itself: []). */
function paths(): string[][] {
  const out: string[][] = [];
  const visit = (c: Command, path: string[]) => {
    out.push(path);
    for (const sub of c.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return out;
}

/** Names a person types, not words they read: every command name and alias, and `help` as a command. */
const COMMAND_NAMES = new Set(allCommands(program).flatMap((c) => [c.name(), ...c.aliases()]).concat("help"));

/**
 * English words commander writes, looked for outside flag names (`--output`, `--help`) and command names.
 * « options » and « arguments » are French words as well: they are looked for in their English form only,
 * a title with no space before its colon (« Options: ») and the `[command]` placeholder.
 */
const ENGLISH = /\b(default|display|displays|command|commands|usage|help|show|output|choices|preset|env)\b/i;
const ENGLISH_TITLE = /\b(Usage|Options|Arguments|Commands|Global Options):/;

function englishIn(screen: string): string[] {
  const found: string[] = [];
  for (const raw of screen.split("\n")) {
    if (ENGLISH_TITLE.test(raw)) found.push(raw.trim());
    if (raw.includes("[command]")) found.push(raw.trim());
    // Flags (`-o, --output <fichier>`) and command names are what a person types: not read as text.
    const words = raw
      .replace(/(^|[\s,(«])--?[A-Za-z][\w-]*/g, "$1")
      .split(/[\s|]+/)
      .filter((w) => !COMMAND_NAMES.has(w))
      .join(" ");
    const m = ENGLISH.exec(words);
    if (m) found.push(`${m[1]} — ${raw.trim()}`);
  }
  return found;
}

describe("aide en français, sur toutes les commandes", () => {
  const all = paths();

  it("l'arbre des commandes est parcouru en entier (sous-commandes comprises)", () => {
    expect(all.map((p) => p.join(" "))).toEqual(expect.arrayContaining(["", "validate", "audit", "rules", "schema", "report", "init", "import", "import annuaire"]));
  });

  it("le contrôle détecte l'aide anglaise de commander (il peut échouer)", () => {
    const english = new Command("x").option("--cache-location <p>", "cache file", ".cache").argument("[f]", "file");
    english.addCommand(new Command("sub").description("a sub command"));
    const found = englishIn(english.helpInformation());
    expect(found.join("\n")).toMatch(/Usage:/);
    expect(found.join("\n")).toMatch(/default/);
    expect(found.join("\n")).toMatch(/\[command\]/);
    expect(found.join("\n")).toMatch(/display help for command/);
  });

  for (const path of all) {
    const name = path.join(" ") || "(programme)";
    it(`gouvnum ${path.join(" ")} --help : aucun mot anglais`, async () => {
      const r = await cli([...path, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Utilisation : gouvnum/);
      expect(englishIn(r.stdout), name).toEqual([]);
      expect(r.stdout).not.toMatch(/défaut[^()]*\)\s*\(défaut/);
    });
    if (path.length > 0) {
      const viaHelp = [...path.slice(0, -1), "help", path[path.length - 1]];
      it(`gouvnum ${viaHelp.join(" ")} : la même aide`, async () => {
        const r = await cli(viaHelp);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe((await cli([...path, "--help"])).stdout);
      });
    }
  }

  it("sans argument : l'aide du programme, en français", async () => {
    const r = await cli([]);
    expect(r.stdout).toContain("Utilisation : gouvnum [options] [commande]");
    expect(r.stdout).toContain("help [commande]");
    expect(r.stdout).toContain("affiche l'aide d'une commande");
    expect(englishIn(r.stdout)).toEqual([]);
  });

  it("une commande à sous-commandes a son « help [commande] » en français", async () => {
    const r = await cli(["import", "--help"]);
    expect(r.stdout).toContain("Utilisation : gouvnum import|importer [options] [commande]");
    expect(r.stdout).toMatch(/help \[commande\] +affiche l'aide d'une commande/);
  });

  it("une valeur par défaut : une seule fois, en français", async () => {
    const r = await cli(["audit", "--help"]);
    const text = r.stdout.replace(/\s+/g, " ");
    expect(text).toContain("--cache-location <chemin> fichier du cache (défaut : .gouvnum-cache)");
    expect(text).toContain("(défaut : error)");
    // Every option of every command: « défaut » at most once in what the help says of it.
    const help = new FrenchHelp();
    for (const cmd of allCommands(program)) {
      for (const o of cmd.options) expect((help.optionDescription(o).match(/défaut/g) ?? []).length, `${cmd.name()} ${o.flags}`).toBeLessThanOrEqual(1);
    }
  });

  it("-h, --help et -V, --version décrits en français", async () => {
    const r = await cli(["--help"]);
    expect(r.stdout).toMatch(/-h, --help +affiche l'aide/);
    expect(r.stdout).toMatch(/-V, --version +affiche la version/);
  });

  it("une commande ajoutée plus tard a aussi l'aide française", () => {
    const p = new Command("p").option("--n <n>", "nombre", "3");
    const s = new Command("s").description("sous-commande");
    s.addCommand(new Command("t").addOption(new Option("--mode <m>", "mode").choices(["a", "b"]).default("a")));
    p.addCommand(s);
    frenchHelp(p);
    const text = [p, s, s.commands[0]].map((c) => c.helpInformation()).join("\n");
    expect(englishIn(text)).toEqual([]);
    expect(text).toContain("(défaut : 3)");
    expect(text).toContain("(valeurs possibles : a, b ; défaut : a)");
  });
});

describe("erreurs de commander en français", () => {
  /** The CommanderError a real commander program throws for these arguments. */
  function errorOf(build: (c: Command) => Command, argv: string[]): CommanderError {
    const c = build(new Command("x").exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined }));
    try {
      c.parse(argv, { from: "user" });
    } catch (e) {
      if (e instanceof CommanderError) return e;
      throw e;
    }
    throw new Error("aucune erreur");
  }

  it("valeur hors des choix, options incompatibles, option obligatoire, arguments en trop", () => {
    const choice = errorOf((c) => c.addOption(new Option("--mode <m>").choices(["a", "b"])), ["--mode", "z"]);
    expect(commanderMessage(choice)).toBe("valeur « z » invalide pour l'option « --mode <m> » : valeurs possibles : a, b");
    const conflict = errorOf((c) => c.addOption(new Option("--a").conflicts("b")).option("--b"), ["--a", "--b"]);
    expect(commanderMessage(conflict)).toBe("« --a » et « --b » ne peuvent pas être utilisées ensemble.");
    const mandatory = errorOf((c) => c.requiredOption("--sortie <f>"), []);
    expect(commanderMessage(mandatory)).toBe("l'option obligatoire « --sortie <f> » manque.");
    const excess = errorOf((c) => c.argument("[a]").action(() => undefined), ["1", "2"]);
    expect(commanderMessage(excess)).toBe("trop d'arguments : 1 attendu(s), 2 donné(s).");
  });

  it("dans gouvnum : code 2, message français, pas d'anglais", async () => {
    for (const argv of [["audit", "--cach"], ["schema", "a", "b"], ["audit", "--fail-on"], ["audti"], ["import", "annuaire"]]) {
      const r = await cli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^gouvnum : /);
      expect(r.stderr).not.toMatch(/\b(error|unknown|missing|too many|expected|did you mean)\b/i);
    }
    expect((await cli(["audit", "--cach"])).stderr).toContain("option inconnue « --cach » (vouliez-vous dire --cache ?)");
    expect((await cli(["audti"])).stderr).toContain("commande inconnue « audti » (vouliez-vous dire audit ?)");
  });
});
