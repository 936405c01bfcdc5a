// `-f gitlab`: the GitLab Code Quality report — every field GitLab reads, unique fingerprints, stable when lines move,
// paths from the repository root, and written beside other formats in one run.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { cli } from "./cli-helpers.js";
import { ROOT, runPaths } from "./helpers.js";
import { fingerprint } from "../src/audit/baseline.js";
import { format as gitlab, uniqueFingerprints, type CodeQualityIssue } from "../src/report/formatters/gitlab.js";
import type { Finding } from "../src/core/finding.js";

const EXEMPLE = join(ROOT, "examples/academie-exemple");

interface JsonFinding { ruleId: string; severity: string; message: string; file: string; line: number; endLine: number; suppressed?: unknown }

/** A copy of the example territory in `repo/territoire/`, `repo` being a git repository. */
function repository(): { repo: string; territory: string } {
  const repo = mkdtempSync(join(tmpdir(), "gouvnum-gitlab-"));
  mkdirSync(join(repo, ".git"));
  const territory = join(repo, "territoire");
  cpSync(EXEMPLE, territory, { recursive: true });
  return { repo, territory };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (p.endsWith(".yaml")) out.push(p);
  }
  return out;
}

async function both(cwd: string, paths: string[] = ["."]): Promise<{ issues: CodeQualityIssue[]; findings: JsonFinding[] }> {
  const r = await cli(["audit", ...paths, "-f", "gitlab", "-f", "json", "-o", "-", "-o", "-"], { cwd });
  expect(r.code, r.stderr).toBe(1);
  // Two JSON documents one after the other on stdout: the gitlab array, then the json object.
  const split = r.stdout.indexOf("]\n{");
  return { issues: JSON.parse(r.stdout.slice(0, split + 2)), findings: JSON.parse(r.stdout.slice(split + 2)).findings };
}

describe("-f gitlab : rapport Code Quality", () => {
  it("chaque constat non masqué donne une entrée avec tous les champs que GitLab lit", async () => {
    const { territory } = repository();
    const { issues, findings } = await both(territory);
    const shown = findings.filter((f) => !f.suppressed);
    expect(findings.length).toBeGreaterThan(shown.length); // the example has a masked finding: left out
    expect(issues).toHaveLength(shown.length);
    const severity: Record<string, string> = { error: "major", warning: "minor", info: "info" };
    const seen = new Set<string>();
    shown.forEach((f, i) => {
      const issue = issues[i];
      expect(Object.keys(issue).sort()).toEqual(["check_name", "description", "engine_name", "fingerprint", "location", "severity", "type"]);
      expect(issue.type).toBe("issue");
      expect(issue.check_name).toBe(f.ruleId);
      expect(issue.description).toBe(f.message);
      expect(issue.severity).toBe(severity[f.severity]);
      // Run from the territory, one level below the repository root: paths are given from the root.
      expect(issue.location.path).toBe(`territoire/${f.file}`);
      expect(issue.location.lines.begin).toBe(f.line);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      expect(issue.location.lines.end).toBeGreaterThanOrEqual(issue.location.lines.begin);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      seen.add(issue.fingerprint);
    });
    expect(seen.size).toBe(issues.length);
    for (const s of ["major", "minor", "info"]) expect(issues.some((x) => x.severity === s), s).toBe(true);
    for (const issue of issues) expect(readFileSync(join(territory, "..", issue.location.path), "utf8").length).toBeGreaterThan(0);
  });

  it("le même territoire lu d'ailleurs donne les mêmes chemins depuis la racine du dépôt", async () => {
    const { repo, territory } = repository();
    const fromRoot = await both(repo, ["territoire"]);
    const fromInside = await both(territory);
    expect(fromRoot.issues).toEqual(fromInside.issues);
    const fromSub = await both(join(territory, "etablissements"), ["."]);
    expect(fromSub.issues.length).toBeGreaterThan(0);
    for (const i of fromSub.issues) expect(i.location.path).toMatch(/^territoire\/etablissements\//);
  });

  it("sans dépôt git : chemins depuis la racine du territoire (le dossier de la configuration)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-gitlab-nogit-"));
    cpSync(EXEMPLE, join(dir, "t"), { recursive: true });
    // mkdtemp under the system temporary folder: no .git above it on this machine or in CI.
    const { issues } = await both(join(dir, "t", "conventions"), ["."]);
    for (const i of issues) expect(i.location.path).toMatch(/^conventions\//);
  });

  it("empreintes uniques même quand deux constats partagent la même (même règle, entité, pointeur, données)", async () => {
    // Two findings with one fingerprint do not arise from the example; a real audit result is given one more copy
    // of a finding, as a rule reporting the same thing twice in two places would.
    const result = await runPaths([EXEMPLE]);
    const twin = { ...result.findings[0], line: result.findings[0].line + 40 };
    result.findings.splice(1, 0, twin);
    expect(fingerprint(twin)).toBe(fingerprint(result.findings[0]));
    const issues = JSON.parse(gitlab(result, { version: "0", failOn: "error", color: false })) as CodeQualityIssue[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues[0].fingerprint).toBe(fingerprint(result.findings[0]));
    expect(issues[1].fingerprint).not.toBe(issues[0].fingerprint);
    // Deterministic: the same result gives the same fingerprints.
    expect(JSON.parse(gitlab(result, { version: "0", failOn: "error", color: false }))).toEqual(issues);
  });

  it("empreintes stables quand une ligne vide est ajoutée en tête de chaque fichier", async () => {
    const { territory } = repository();
    const before = await both(territory);
    for (const f of yamlFiles(territory)) writeFileSync(f, "\n" + readFileSync(f, "utf8"));
    const after = await both(territory);
    expect(after.issues.length).toBe(before.issues.length);
    const byFp = new Map(before.issues.map((i) => [i.fingerprint, i]));
    let moved = 0;
    for (const i of after.issues) {
      const old = byFp.get(i.fingerprint);
      expect(old, `${i.check_name} ${i.location.path}`).toBeDefined();
      expect(i.check_name).toBe(old!.check_name);
      expect(i.location.path).toBe(old!.location.path);
      // Every position moved one line down (findings about a whole file stay on line 1).
      expect([old!.location.lines.begin, old!.location.lines.begin + 1]).toContain(i.location.lines.begin);
      if (i.location.lines.begin === old!.location.lines.begin + 1) moved++;
    }
    expect(moved).toBeGreaterThan(before.issues.length / 2);
  });

  it("uniqueFingerprints : la première garde l'empreinte du projet, les suivantes en dérivent dans l'ordre", () => {
    const f = { ruleId: "r", entity: "etablissement:0350017D", pointer: "", messageId: "m", data: { a: 1 }, file: "a.yaml", documentIndex: 0 } as unknown as Finding;
    const g = { ...f, file: "b.yaml", line: 9 } as Finding;
    const fps = uniqueFingerprints([f, g, f]);
    expect(fps[0]).toBe(fingerprint(f));
    expect(new Set(fps).size).toBe(3);
    expect(uniqueFingerprints([f, g, f])).toEqual(fps);
  });

  it("écrit à côté de text et junit dans la même exécution, chacun à sa place", async () => {
    const { territory } = repository();
    const r = await cli(
      ["audit", ".", "-f", "text", "-f", "gitlab", "-f", "junit", "-o", "-", "-o", "gl-code-quality-report.json", "-o", "rapport-junit.xml"],
      { cwd: territory },
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/constats? :/);
    const issues = JSON.parse(readFileSync(join(territory, "gl-code-quality-report.json"), "utf8")) as CodeQualityIssue[];
    expect(issues.length).toBeGreaterThan(0);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (n) => n === "testsuite" || n === "testcase" })
      .parse(readFileSync(join(territory, "rapport-junit.xml"), "utf8"));
    // GitLab's test widget lists a case by its name: the place is in it; its « Fichier » column reads `file`.
    const failed = xml.testsuites.testsuite.flatMap((s: { testcase: Array<Record<string, unknown>> }) => s.testcase).filter((t: Record<string, unknown>) => t.failure);
    const errors = issues.filter((i) => i.severity === "major");
    expect(failed).toHaveLength(errors.length);
    for (const t of failed) {
      const m = /^(.+):(\d+):(\d+) ([a-z0-9-]+)$/.exec(String(t.name));
      expect(m, String(t.name)).not.toBeNull();
      expect(t.file).toBe(`territoire/${m![1]}`);
      expect(errors.some((i) => i.location.path === t.file && i.location.lines.begin === Number(m![2]) && i.check_name === m![4])).toBe(true);
    }
  });
});
