// Consistent words: markdown/md, French --fail-on values, `schema` without a kind, init --annuaire's ignored lines.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

const EX = "examples/academie-exemple";

describe("--format markdown and md", () => {
  it("audit: -f md is -f markdown", async () => {
    const md = await cli(["audit", EX, "-f", "md"]);
    const markdown = await cli(["audit", EX, "-f", "markdown"]);
    expect(md.code).toBe(markdown.code);
    expect(md.stderr).toBe("");
    expect(md.stdout).toBe(markdown.stdout);
    expect(md.stdout).toMatch(/^\|.*\|$/m);
  });
  it("report: --format markdown is --format md", async () => {
    const md = await cli(["report", EX, "--format", "md", "-o", "-"]);
    const markdown = await cli(["report", EX, "--format", "markdown", "-o", "-"]);
    expect(md.code).toBe(0);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toBe(md.stdout);
    expect(md.stdout).toMatch(/^# /m);
  });
  it("an unknown format is still refused, with the values", async () => {
    const r = await cli(["report", EX, "--format", "pdf", "-o", "-"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("markdown");
  });
});

describe("--fail-on in French", () => {
  for (const [fr, en] of [["erreur", "error"], ["avertissement", "warning"], ["info", "info"], ["jamais", "never"]] as const) {
    it(`${fr} = ${en}`, async () => {
      const a = await cli(["audit", `${EX}/etablissements`, "--fail-on", fr]);
      const b = await cli(["audit", `${EX}/etablissements`, "--fail-on", en]);
      expect(a.stderr).toBe("");
      expect(a.code).toBe(b.code);
    });
  }
  it("each French threshold gives the exit code its counts call for", async () => {
    const files = readdirSync(join(ROOT, EX, "etablissements")).map((f) => `${EX}/etablissements/${f}`);
    const seen = new Set<string>();
    for (const f of files) {
      const s = JSON.parse((await cli(["audit", f, "-f", "json"])).stdout).summary;
      const expected = { erreur: s.errors > 0, avertissement: s.errors + s.warnings > 0, info: s.errors + s.warnings + s.infos > 0, jamais: false };
      for (const [fr, fails] of Object.entries(expected)) expect((await cli(["audit", f, "--fail-on", fr])).code, `${f} ${fr}`).toBe(fails ? 1 : 0);
      seen.add(JSON.stringify(expected));
    }
    // The files cover several cases: the thresholds really differ.
    expect(seen.size).toBeGreaterThan(2);
  });
  it("an unknown value lists both words", async () => {
    const r = await cli(["audit", EX, "--fail-on", "grave"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("avertissement");
    expect(r.stderr).toContain("warning");
  });
});

describe("gouvnum schema without a kind", () => {
  it("lists every kind with a French description, and prints no schema", async () => {
    const r = await cli(["schema"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("$schema");
    const kinds = readdirSync(join(ROOT, "schemas")).map((f) => f.replace(".schema.json", ""));
    for (const k of kinds) expect(r.stdout).toMatch(new RegExp(`^  ${k} +\\S.{10,}$`, "m"));
    expect(r.stdout).toContain("gouvnum schema <nature>");
  });
  it("with a kind, prints that schema", async () => {
    const r = await cli(["schema", "convention"]);
    expect(JSON.parse(r.stdout).$id).toBe("convention.schema.json");
  });
});

describe("init --annuaire lists the ignored lines", () => {
  it("each reason's heading is followed by its lines (at most 20, then how many more)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-init-lignes-"));
    const csv = join(ROOT, "test/fixtures/annuaire/fr-en-annuaire-education-035.csv");
    const r = await cli(["init", dir, "--yes", "--annuaire", csv]);
    const out = r.stdout.slice(r.stdout.indexOf("Lignes ignorées"));
    const blocks = out.split(/\n(?=  \S)/).filter((b) => / — \d+ :$/m.test(b.split("\n")[0]));
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) {
      const [head, ...rest] = b.split("\n").filter((l) => l.startsWith("  "));
      const n = Number(/ — (\d+) :$/.exec(head)?.[1]);
      const lines = rest.filter((l) => /^    ligne \d+/.test(l));
      expect(lines.length, head).toBe(Math.min(n, 20));
      if (n > 20) expect(b).toContain(`… et ${n - 20} autres lignes`);
      // Each line listed is a real line of the export with that UAI.
      const text = readFileSync(csv, "utf8").split(/\r?\n/);
      for (const l of lines) {
        const [, no, uai] = /ligne (\d+)\s+(\S+)/.exec(l)!;
        expect(text[Number(no) - 1]).toContain(uai);
      }
    }
  });
});
