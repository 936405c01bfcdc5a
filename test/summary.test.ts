// The text format at scale: after 10,000 findings on standard output the listing stops and a summary per rule and per collectivité follows; --summary prints only that.
import { describe, expect, it, beforeAll } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-helpers.js";
import { uaiCheckLetter } from "../src/core/domain.js";

/** A territory of `perDep` bare collèges in each of 4 départements (12 or so findings each), and one commune with no établissement. */
function bigTerritory(perDep: number): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-grand-"));
  mkdirSync(join(dir, "collectivites"));
  mkdirSync(join(dir, "etablissements"));
  writeFileSync(join(dir, "gouvnum.config.yaml"), 'auditDate: "2026-09-01"\n');
  const deps = ["22", "29", "35", "56"];
  deps.forEach((d, i) => {
    writeFileSync(join(dir, "collectivites", `dep-${d}.yaml`), `kind: collectivite\nid: dep-${d}\ntype: departement\nnom: Département ${d}\ncode_insee: "${d}"\nacademie: "14"\n`);
    // Different sizes, so that the order "most frequent first" is visible.
    for (let k = 0; k < perDep + i * 10; k++) {
      const digits = `0${d}${String(k).padStart(4, "0")}`;
      const uai = digits + uaiCheckLetter(digits);
      writeFileSync(join(dir, "etablissements", `${uai}.yaml`), `kind: etablissement\nuai: "${uai}"\nnom: Collège ${d}-${k}\ntype: college\nacademie: "14"\ncommune: { code_insee: "${d}001", nom: Ville ${d} }\ncollectivite: dep-${d}\n`);
    }
  });
  return dir;
}

interface J {
  findings: Array<{ ruleId: string; file: string; entity: string; suppressed?: unknown }>;
}

/** The lines of a table of the summary: [count, label]. */
function table(out: string, title: string): Array<[number, string]> {
  const start = out.indexOf(`${title}\n`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const rows: Array<[number, string]> = [];
  for (const l of out.slice(start + title.length + 1).split("\n")) {
    const m = /^ {2} *([\d\u202f\u00a0]+) {2}(\S.*)$/.exec(l);
    if (!m) break;
    rows.push([Number(m[1].replace(/\D/g, "")), m[2]]);
  }
  return rows;
}

describe("a large territory", () => {
  let dir: string;
  let all: J;
  beforeAll(async () => {
    dir = bigTerritory(220);
    all = JSON.parse((await cli(["audit", "-f", "json"], { cwd: dir })).stdout);
    expect(all.findings.length).toBeGreaterThan(10_000);
  }, 120_000);

  it("stdout: 10,000 findings listed, then how many were not, the counts per rule and per collectivité, the command to see all", async () => {
    const r = await cli(["audit"], { cwd: dir });
    expect(r.code).toBe(1);
    const listed = r.stdout.split("\n").filter((l) => /^ {2}\d+:\d+ +(erreur|avertissement|info) /.test(l));
    expect(listed.length).toBe(10_000);
    const rest = all.findings.length - 10_000;
    expect(r.stdout).toContain(`Sortie arrêtée après 10\u202f000 lignes de constats (${rest.toLocaleString("fr-FR")} constats non affichés).`);

    const counted = all.findings.filter((f) => !f.suppressed);
    const byRule = new Map<string, number>();
    for (const f of counted) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const rules = table(r.stdout, "Par règle :");
    expect(rules.length).toBe(Math.min(15, byRule.size));
    for (const [n, id] of rules) expect(byRule.get(id)).toBe(n);
    for (let i = 1; i < rules.length; i++) expect(rules[i - 1][0]).toBeGreaterThanOrEqual(rules[i][0]);
    if (byRule.size > 15) expect(r.stdout).toMatch(new RegExp(`… et ${byRule.size - 15} autres`));

    const colls = table(r.stdout, "Par collectivité :");
    expect(colls.map(([, name]) => name)).toEqual(["Département 56 (dep-56)", "Département 35 (dep-35)", "Département 29 (dep-29)", "Département 22 (dep-22)"]);
    // dep-56 has 30 collèges more than dep-22: its count is that of its collèges' findings plus its own.
    const perFile = (d: string) => counted.filter((f) => f.file === `collectivites/dep-${d}.yaml` || f.entity.startsWith(`etablissement:0${d}`)).length;
    expect(colls.map(([n]) => n)).toEqual(["56", "35", "29", "22"].map(perFile));

    expect(r.stdout).toContain("Pour tout voir : gouvnum audit -o constats.txt");
    // The last line is still the French summary line.
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^[\d\s]+ constats : /);
  }, 120_000);

  it("the command given writes every finding to a file, followed by the summary", async () => {
    const r = await cli(["audit", "-o", "constats.txt"], { cwd: dir });
    expect(r.code).toBe(1);
    const text = readFileSync(join(dir, "constats.txt"), "utf8");
    expect(text.split("\n").filter((l) => /^ {2}\d+:\d+ +(erreur|avertissement|info) /.test(l)).length).toBe(all.findings.length);
    expect(text).not.toContain("Sortie arrêtée");
    expect(text).toContain("Par règle :");
  }, 120_000);

  it("--summary prints only the summary, with the paths and options in the command", async () => {
    const r = await cli(["audit", "etablissements", "--summary", "--date", "2026-09-01"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/^ {2}\d+:\d+ /m);
    expect(r.stdout).toContain("Par règle :");
    expect(r.stdout).toContain("Pour tout voir : gouvnum audit etablissements --date 2026-09-01 -o constats.txt");
    // Only the findings of the paths given are counted: the collectivités' own findings are not.
    const inEtab = all.findings.filter((f) => f.file.startsWith("etablissements/")).length;
    expect(r.stdout).toContain(`Résumé : ${inEtab.toLocaleString("fr-FR")} constats`);
  }, 120_000);
});

describe("--summary at any size", () => {
  it("on a small territory: the counts alone, and the command without -o", async () => {
    const dir = bigTerritory(2);
    const r = await cli(["audit", "--summary", "--fail-on", "jamais"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^ {2}\d+:\d+ /m);
    expect(table(r.stdout, "Par collectivité :").map(([, n]) => n)[0]).toBe("Département 56 (dep-56)");
    expect(r.stdout).toContain("Pour tout voir : gouvnum audit\n");
  });
  it("below 10,000 findings the text format has no summary tables", async () => {
    const dir = bigTerritory(2);
    const r = await cli(["audit"], { cwd: dir });
    expect(r.stdout).not.toContain("Par règle :");
  });
  it("other formats are unchanged by --summary", async () => {
    const dir = bigTerritory(2);
    const a = await cli(["audit", "-f", "json", "--summary"], { cwd: dir });
    const b = await cli(["audit", "-f", "json"], { cwd: dir });
    expect(a.stdout).toBe(b.stdout);
  });
});
