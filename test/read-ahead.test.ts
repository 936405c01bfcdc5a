// A one-thread run of the built binary reads its files ahead on a helper thread (src/load/stage/read-ahead.ts, from
// 500 files): its output must be the in-process run's (from sources, where every file is read on the thread), byte
// for byte — findings, a file over the size limit, and an unreadable file's error, wherever they fall in the run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./helpers.js";
import { cli } from "./cli-helpers.js";

const BIN = join(ROOT, "bin", "gouvnum.js");
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
let tmp: string;

function file(rel: string, text: string): void {
  mkdirSync(dirname(join(tmp, rel)), { recursive: true });
  writeFileSync(join(tmp, rel), text);
}

/** 700 documents: the académie, collectivités (some with findings), a gap in references; `tail` files sort last. */
function territory(name: string, tail: Record<string, string> = {}): string {
  file(`${name}/a/academie.yaml`, 'kind: academie\ncode: "14"\nnom: Rennes\n');
  for (let i = 0; i < 700; i++) {
    const n = String(i).padStart(3, "0");
    // Every 97th: an unknown key (schema); every 89th: a duplicate id.
    const id = i % 89 === 0 ? "commune-000" : `commune-${n}`;
    file(`${name}/c/commune-${n}.yaml`, `kind: collectivite\nid: ${id}\ntype: commune\nnom: C${n}\ncode_insee: "35001"\nacademie: "14"\n${i % 97 === 0 ? "inconnue: 1\n" : ""}`);
  }
  for (const [rel, text] of Object.entries(tail)) file(`${name}/${rel}`, text);
  return join(tmp, name);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "gouvnum-read-ahead-"));
  chmodSync(tmp, 0o755);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("lecture anticipée (un fil d'exécution, plus de 500 fichiers)", () => {
  for (const mode of ["validate", "audit"]) {
    it(`${mode} : la sortie JSON du binaire est celle du programme lu fichier par fichier`, async () => {
      const root = territory(`t-${mode}`);
      const argv = [mode, root, "-f", "json", "--date", "2026-09-01", "--jobs", "1"];
      const inProcess = await cli(argv, { cwd: tmp });
      const r = await execa("node", [BIN, ...argv], { cwd: tmp, reject: false, stripFinalNewline: false });
      expect(r.stderr).toBe(inProcess.stderr);
      expect(r.exitCode).toBe(inProcess.code);
      expect(JSON.parse(inProcess.stdout).findings.length).toBeGreaterThan(10);
      expect(r.stdout).toBe(inProcess.stdout);
    });
  }

  it("un fichier trop gros lu par le fil d'aide : le même constat, à la même place", async () => {
    const root = territory("t-gros", { "d/gros.yaml": `kind: collectivite\nid: gros\n# ${"x".repeat(3000)}\n`, "gouvnum.config.yaml": "limits:\n  maxFileBytes: 2000\n" });
    const argv = ["validate", root, "-f", "json", "--date", "2026-09-01", "--jobs", "1"];
    const inProcess = await cli(argv, { cwd: root });
    const r = await execa("node", [BIN, ...argv], { cwd: root, reject: false, stripFinalNewline: false });
    expect(JSON.parse(inProcess.stdout).findings.filter((f: { messageId: string }) => f.messageId === "tropGros")).toHaveLength(1);
    expect({ code: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
  });

  it("un fichier illisible lu par le fil d'aide : code 2, « Impossible de lire » avec le fichier, sans pile", async (ctx) => {
    const runAs = IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {};
    if (IS_ROOT) {
      const probe = await execa("node", ["-e", ""], { ...runAs, reject: false }).catch(() => undefined);
      if (probe?.exitCode !== 0) return ctx.skip();
    }
    const root = territory("t-illisible", { "d/illisible.yaml": 'kind: academie\ncode: "15"\nnom: X\n' });
    chmodSync(join(root, "d/illisible.yaml"), 0o000);
    const r = await execa("node", [BIN, "validate", root, "--jobs", "1"], { cwd: tmp, reject: false, stripFinalNewline: false, ...runAs });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toBe("gouvnum : Impossible de lire « t-illisible/d/illisible.yaml » (accès refusé, EACCES).\n");
    expect(r.stdout).toBe("");
  });
});
