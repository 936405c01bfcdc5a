// The territory behind every check: the whole territory is read, only the findings located in the paths given are reported.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer: string;
  entity: string;
  suppressed?: { reason: string };
}

const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .map((d) => join(ROOT, "examples", d))
  .filter((d) => statSync(d).isDirectory() && readdirSync(d).includes("gouvnum.config.yaml"));

/** Every YAML file and every folder under `dir` (hidden folders excepted), relative to it. */
function pathsUnder(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(p, ...pathsUnder(dir, p));
    else if (/\.ya?ml$/.test(e.name) && !/^gouvnum\.config\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

async function json(argv: string[], cwd: string, stdin?: string) {
  const r = await cli([...argv, "-f", "json"], { cwd, stdin });
  expect(r.stderr).toBe("");
  return { code: r.code, out: JSON.parse(r.stdout) as { summary: Record<string, number>; findings: JsonFinding[] } };
}

const inPath = (f: JsonFinding, p: string) => f.file === p || f.file.startsWith(`${p}/`);
const expectedCode = (fs: JsonFinding[]) => (fs.some((f) => f.severity === "error" && !f.suppressed) ? 1 : 0);

describe("the findings for a path are exactly the full audit's findings located there", () => {
  it("finds the example territories", () => {
    expect(EXAMPLES.map((d) => relative(ROOT, d))).toEqual(expect.arrayContaining(["examples/academie-exemple", "examples/minimal"]));
  });
  for (const dir of EXAMPLES) {
    for (const mode of ["validate", "audit"] as const) {
      it(`${mode} ${relative(ROOT, dir)}: every file and every folder`, async () => {
        const full = await json([mode], dir);
        const paths = pathsUnder(dir);
        expect(paths.length).toBeGreaterThan(3);
        let total = 0;
        for (const p of paths) {
          const part = await json([mode, p], dir);
          const expected = full.out.findings.filter((f) => inPath(f, p));
          expect(part.out.findings, `${mode} ${p}`).toEqual(expected);
          expect(part.code, `code de ${mode} ${p}`).toBe(expectedCode(expected));
          if (!statSync(join(dir, p)).isDirectory()) total += part.out.findings.length;
        }
        // Every finding of the full audit is located in one file: none is lost by the split.
        expect(total).toBe(full.out.findings.length);
      }, 120_000);
    }
  }
  it("gives the same findings from another working directory, several paths, with --jobs and --cache", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    const base = relative(ROOT, dir);
    const full = await json(["audit", base], ROOT);
    const picks = [`${base}/etablissements/0350011X.yaml`, `${base}/conventions`];
    const expected = full.out.findings.filter((f) => picks.some((p) => inPath(f, p)));
    expect(expected.length).toBeGreaterThan(0);
    expect((await json(["audit", ...picks], ROOT)).out.findings).toEqual(expected);
    expect((await json(["audit", ...picks, "--jobs", "2"], ROOT)).out.findings).toEqual(expected);
    const cacheDir = mkdtempSync(join(tmpdir(), "gouvnum-territoire-cache-"));
    const cache = ["--cache", "--cache-location", join(cacheDir, "c")];
    expect((await json(["audit", ...picks, ...cache], ROOT)).out.findings).toEqual(expected);
    expect((await json(["audit", ...picks, ...cache], ROOT)).out.findings).toEqual(expected);
  });
});

describe("no false finding on a part of the territory", () => {
  it("validate conventions: no reference-inconnue", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    const r = await json(["validate", "conventions"], dir);
    expect(r.out.findings.filter((f) => f.ruleId === "reference-inconnue")).toEqual([]);
    expect(r.out.summary.files).toBe(readdirSync(join(dir, "conventions")).length);
  });
  it("audit of one collège's file: no convention-manquante", async () => {
    const r = await json(["audit", "etablissements/0350017D.yaml"], join(ROOT, "examples/minimal"));
    expect(r.out.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out.summary.files).toBe(1);
  });
  it("--config names the territory root from elsewhere", async () => {
    const r = await json(["audit", "examples/minimal/etablissements/0350017D.yaml", "--config", "examples/minimal/gouvnum.config.yaml"], ROOT);
    expect(r.out.findings).toEqual([]);
  });
  it("without a configuration file, the paths given are the territory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-territoire-sans-config-"));
    cpSync(join(ROOT, "examples/minimal"), dir, { recursive: true });
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "gouvnum.config.yaml"));
    const r = await json(["audit", "etablissements/0350017D.yaml", "--date", "2026-09-01"], dir);
    // Alone, the collège has no convention and names an unknown collectivité.
    expect(r.out.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["reference-inconnue", "convention-manquante"]));
  });
});

describe("standard input", () => {
  const dir = join(ROOT, "examples/minimal");
  const text = readFileSync(join(dir, "etablissements/0350017D.yaml"), "utf8");
  it("stands for the territory's document of the same entity: no duplicate, references resolved", async () => {
    const r = await json(["audit", "-"], dir, text);
    expect(r.out.findings).toEqual([]);
    expect(r.code).toBe(0);
  });
  it("reports what is wrong in the text given, located in <stdin>", async () => {
    const broken = text.replace("collectivite: dep-35", "collectivite: dep-53");
    const r = await json(["audit", "-"], dir, broken);
    expect(r.out.findings.map((f) => [f.file, f.ruleId])).toContainEqual(["<stdin>", "reference-inconnue"]);
    expect(r.out.findings.every((f) => f.file === "<stdin>")).toBe(true);
    expect(r.code).toBe(1);
  });
});

/** A small territory in a temp dir: the minimal example plus an unused suppression in the collectivité's file. */
function territoryWithSuppression(): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-territoire-"));
  cpSync(join(ROOT, "examples/minimal"), dir, { recursive: true });
  const p = join(dir, "collectivites/dep-35.yaml");
  writeFileSync(p, readFileSync(p, "utf8").replace("organisation: partagee", "# gouvnum-ignore debit-insuffisant -- rien à masquer\norganisation: partagee"));
  mkdirSync(join(dir, "brouillons"));
  return dir;
}

describe("suppressions, baselines and exit codes count only the paths given", () => {
  it("suppression-inutile only for the paths given", async () => {
    const dir = territoryWithSuppression();
    const whole = await json(["audit"], dir);
    expect(whole.out.findings.map((f) => f.ruleId)).toEqual(["suppression-inutile"]);
    expect((await json(["audit", "etablissements"], dir)).out.findings).toEqual([]);
    expect((await json(["audit", "collectivites/dep-35.yaml"], dir)).out.findings.map((f) => f.ruleId)).toEqual(["suppression-inutile"]);
  });
  it("exit code: an error elsewhere in the territory does not fail the paths given", async () => {
    const dir = territoryWithSuppression();
    const p = join(dir, "conventions/co-0350017d-2025.yaml");
    writeFileSync(p, readFileSync(p, "utf8").replace('"etablissement:0350017D"]', '"etablissement:0350017D", "collectivite:dep-99"]'));
    const whole = await cli(["audit"], { cwd: dir });
    expect(whole.code).toBe(1);
    const part = await cli(["audit", "etablissements", "collectivites"], { cwd: dir });
    expect(part.code).toBe(0);
    const conv = await cli(["audit", "conventions"], { cwd: dir });
    expect(conv.code).toBe(1);
    expect(conv.stdout).toContain("reference-inconnue");
  });
  it("--update-baseline with paths keeps the baseline's entries of the other files", async () => {
    const dir = territoryWithSuppression();
    const p = join(dir, "conventions/co-0350017d-2025.yaml");
    writeFileSync(p, readFileSync(p, "utf8").replace('"etablissement:0350017D"]', '"etablissement:0350017D", "collectivite:dep-99"]'));
    expect((await cli(["audit", "--baseline", "b.json", "--update-baseline"], { cwd: dir })).code).toBe(0);
    const before = JSON.parse(readFileSync(join(dir, "b.json"), "utf8")).findings as Array<{ file: string; ruleId: string }>;
    const conventionEntries = before.filter((b) => b.file === "conventions/co-0350017d-2025.yaml");
    expect(conventionEntries.map((b) => b.ruleId)).toContain("reference-inconnue");
    expect(before.filter((b) => b.file === "collectivites/dep-35.yaml").map((b) => b.ruleId)).toEqual(["suppression-inutile"]);
    // Updating for the collectivités only (the suppression is now useful: nothing to report there) keeps the convention's entry.
    writeFileSync(join(dir, "collectivites/dep-35.yaml"), readFileSync(join(dir, "collectivites/dep-35.yaml"), "utf8").replace(/# gouvnum-ignore.*\n/, ""));
    expect((await cli(["audit", "collectivites", "--baseline", "b.json", "--update-baseline"], { cwd: dir })).code).toBe(0);
    const after = JSON.parse(readFileSync(join(dir, "b.json"), "utf8")).findings as Array<{ file: string; ruleId: string }>;
    expect(after).toEqual(conventionEntries);
    // And the baseline still covers the whole territory.
    expect((await cli(["audit", "--baseline", "b.json"], { cwd: dir })).code).toBe(0);
  });
});

describe("audit --scope", () => {
  const dir = join(ROOT, "examples/academie-exemple");
  it("etablissement:<UAI>: its findings and its conventions', exit code from those only", async () => {
    const full = await json(["audit"], dir);
    const withEtab = full.out.findings.filter((f) => f.entity.startsWith("etablissement:"));
    const uai = withEtab.find((f) => f.severity === "error")?.entity.slice("etablissement:".length) ?? withEtab[0].entity.slice("etablissement:".length);
    const conventions = new Set(
      readdirSync(join(dir, "conventions"))
        .map((f) => readFileSync(join(dir, "conventions", f), "utf8"))
        .filter((t) => t.includes(`etablissement:${uai}`))
        .map((t) => `convention:${/^id: (\S+)/m.exec(t)![1]}`),
    );
    const expected = full.out.findings.filter((f) => f.entity === `etablissement:${uai}` || conventions.has(f.entity));
    const r = await json(["audit", "--scope", `etablissement:${uai}`], dir);
    expect(r.out.findings).toEqual(expected);
    expect(r.code).toBe(expectedCode(expected));
    // Lower case and bare UAIs are understood.
    expect((await json(["audit", "--scope", uai.toLowerCase()], dir)).out.findings).toEqual(expected);
  });
  it("departement:<code>: the établissements of the département and the collectivités located there, not the région", async () => {
    const full = await json(["audit"], dir);
    const r = await json(["audit", "--scope", "departement:35"], dir);
    const entities = new Set(r.out.findings.map((f) => f.entity));
    for (const f of full.out.findings.filter((x) => /^(etablissement:035|collectivite:(dep-35|commune-35))/.test(x.entity))) expect(entities).toContain(f.entity);
    expect([...entities].filter((e) => e.startsWith("collectivite:region"))).toEqual([]);
    expect((await json(["audit", "--scope", "035"], dir)).out.findings).toEqual(r.out.findings);
  });
  it("combines with the paths given", async () => {
    const r = await json(["audit", "conventions", "--scope", "collectivite:dep-35"], dir);
    const all = await json(["audit", "--scope", "collectivite:dep-35"], dir);
    expect(r.out.findings).toEqual(all.out.findings.filter((f) => f.file.startsWith("conventions/")));
  });
  it("an unknown or malformed scope is a usage error", async () => {
    for (const s of ["departement:22", "etablissement:0000000A", "pays:fr"]) {
      const r = await cli(["audit", "--scope", s], { cwd: dir });
      expect(r.code, s).toBe(2);
      expect(r.stderr).toContain("--scope");
    }
  });
});
