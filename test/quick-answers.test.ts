// bin/gouvnum.js answers `gouvnum`, `--help`, `-h`, `help`, `--version` and `-V` from dist/bundle/quick-answers.json
// (written by scripts/build.mjs) without loading the program: each answer must be, byte for byte, what the program
// built by `buildProgram` writes — here in process, from src/, and through the built binary.
import { afterEach, describe, expect, it } from "vitest";
import { execa } from "execa";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.js";
import { cli } from "./cli-helpers.js";

const BIN = join(ROOT, "bin", "gouvnum.js");
const QUICK = [[], ["--help"], ["-h"], ["help"], ["--version"], ["-V"]];
const answers = (): Record<string, string> => JSON.parse(readFileSync(join(ROOT, "dist", "bundle", "quick-answers.json"), "utf8")) as Record<string, string>;

/** commander reads the width of the help from process.stdout: the in-process program sees the terminal asked for. */
function asTerminal(columns: number | undefined): void {
  Object.defineProperty(process.stdout, "isTTY", { value: columns !== undefined, configurable: true, writable: true });
  Object.defineProperty(process.stdout, "columns", { value: columns, configurable: true, writable: true });
}
const saved = { isTTY: Object.getOwnPropertyDescriptor(process.stdout, "isTTY"), columns: Object.getOwnPropertyDescriptor(process.stdout, "columns") };
afterEach(() => {
  for (const [k, d] of Object.entries(saved)) {
    if (d) Object.defineProperty(process.stdout, k, d);
    else delete (process.stdout as unknown as Record<string, unknown>)[k];
  }
});

describe("réponses immédiates de bin/gouvnum.js", () => {
  it("une réponse pour chacune des six invocations, aucune autre", () => {
    expect(Object.keys(answers()).sort()).toEqual(QUICK.map((a) => a.join(" ")).sort());
  });

  for (const argv of QUICK) {
    it(`« gouvnum ${argv.join(" ")} » : la réponse écrite à la construction est celle du programme (src/cli/main.ts), octet pour octet`, async () => {
      asTerminal(undefined); // a pipe, as in the build: commander's 80 columns
      const program = await cli(argv);
      expect(program.code).toBe(0);
      expect(program.stderr).toBe("");
      expect(answers()[argv.join(" ")]).toBe(program.stdout);
    });

    it(`« gouvnum ${argv.join(" ")} » : le binaire écrit exactement la sortie du programme, code 0`, async () => {
      asTerminal(undefined);
      const program = await cli(argv);
      const r = await execa("node", [BIN, ...argv], { cwd: ROOT, reject: false, stripFinalNewline: false, encoding: "buffer" });
      expect(r.exitCode).toBe(0);
      expect(Buffer.from(r.stderr).toString("utf8")).toBe("");
      expect(Buffer.from(r.stdout).equals(Buffer.from(program.stdout, "utf8"))).toBe(true);
    });
  }

  it("un terminal de 120 colonnes n'a pas la réponse à 80 colonnes : le binaire passe par le programme", async () => {
    // A preload makes the binary's standard output a terminal of 120 columns, as commander sees it.
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-quick-"));
    const preload = join(dir, "terminal-120.cjs");
    writeFileSync(preload, 'Object.defineProperty(process.stdout, "isTTY", { value: true });\nObject.defineProperty(process.stdout, "columns", { value: 120 });\n');
    asTerminal(120);
    const program = await cli(["--help"]);
    expect(program.stdout).not.toBe(answers()["--help"]); // wrapped differently: the test would notice a wrong answer
    const r = await execa("node", ["--require", preload, BIN, "--help"], { cwd: ROOT, reject: false, stripFinalNewline: false });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(program.stdout);
  });

  it("une commande qui ressemble à une réponse immédiate passe par le programme (aide d'une commande, option inconnue)", async () => {
    asTerminal(undefined);
    for (const argv of [["validate", "--help"], ["--aide"], ["help", "audit"]]) {
      const program = await cli(argv);
      const r = await execa("node", [BIN, ...argv], { cwd: ROOT, reject: false, stripFinalNewline: false });
      expect({ argv, code: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({ argv, code: program.code, stdout: program.stdout, stderr: program.stderr });
    }
  });
});
