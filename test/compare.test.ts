// --compare: a territory's git history (two commits: the second fixes two gaps and adds one), read from git's
// objects without touching the working tree, or from a saved -f json result.
import { lint } from "markdownlint/promise";
import { describe, expect, it, beforeAll } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

const DATE = "2026-09-01";
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.email=drane@example.org", "-c", "user.name=DRANE", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });

function edit(file: string, from: string, to: string) {
  const s = readFileSync(file, "utf8");
  if (!s.includes(from)) throw new Error(`${file} : « ${from} » absent`);
  writeFileSync(file, s.replace(from, to));
}

/** The example territory in a new repository; the second commit fixes two gaps and adds `added`. */
function repository(added: "info" | "error"): { dir: string; saved: string } {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-compare-"));
  cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "rentrée");
  const saved = join(mkdtempSync(join(tmpdir(), "gouvnum-resultats-")), "juin.json");
  // Fixed: the CNIL declarations (rgpd-declaration-cnil-obsolete) and the vacant référent technique (referent-technique-manquant).
  edit(join(dir, "etablissements/0350710G.yaml"), "  declarations_cnil:\n    - Déclaration n° 1423871 (vidéoprotection des accès), 2011\n    - Déclaration simplifiée n° 1581204 (gestion des accès au restaurant scolaire), 2013\n", "");
  edit(join(dir, "etablissements/0350033W.yaml"), "  employeur: collectivite\n  vacant: true\n", "  nom: Yann Le Goff\n  employeur: collectivite\n");
  // New: an insufficient internet speed (not an error), or a chef d'établissement's post left vacant (an error).
  if (added === "info") edit(join(dir, "etablissements/0350002M.yaml"), "  debit_mbps: 1000\n", "  debit_mbps: 2\n");
  else edit(join(dir, "etablissements/0350042F.yaml"), "  chef:\n    nom: Sylvie Gautier\n", "  chef:\n    vacant: true\n");
  return { dir, saved };
}

function commit(dir: string) {
  git(dir, "commit", "-q", "-a", "-m", "comité de pilotage");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("--compare avec une révision git", () => {
  let warn: { dir: string; saved: string };
  let err: { dir: string; saved: string };
  beforeAll(async () => {
    warn = repository("info");
    err = repository("error");
    // The saved results of the first state, written before the second commit (from the first commit's files).
    for (const r of [warn, err]) {
      git(r.dir, "stash", "-q");
      const s = await cli(["audit", "--date", DATE, "-f", "json", "-o", r.saved], { cwd: r.dir });
      expect(s.code).toBe(1);
      git(r.dir, "stash", "pop", "-q");
      commit(r.dir);
    }
  }, 60_000);

  it("2 corrigés, 1 nouveau ; --fail-on error ne compte que le nouveau : une info ne fait pas échouer", async () => {
    const before = git(warn.dir, "status", "--porcelain");
    const r = await cli(["audit", "--date", DATE, "--compare", "HEAD~1"], { cwd: warn.dir });
    const last = r.stdout.trimEnd().split("\n").pop();
    expect(last).toMatch(/^2 corrigés, 1 nouveau, \d+ inchangés depuis HEAD~1 \(\d{4}-\d{2}-\d{2}\)$/);
    // The territory has errors (persisting): without --compare the audit fails, with it only a new error would.
    expect(r.code).toBe(0);
    expect((await cli(["audit", "--date", DATE], { cwd: warn.dir })).code).toBe(1);
    expect(r.stdout).toMatch(/Débit internet de 2 Mbit\/s.*\(nouveau\)/);
    // The working tree is untouched.
    expect(git(warn.dir, "status", "--porcelain")).toBe(before);
    expect(git(warn.dir, "rev-parse", "HEAD")).toBe(git(warn.dir, "rev-parse", "HEAD"));
  });

  it("un nouveau constat d'erreur : code 1 avec --fail-on error", async () => {
    const r = await cli(["audit", "--date", DATE, "--compare", "HEAD~1", "-f", "json"], { cwd: err.dir });
    expect(r.code).toBe(1);
    const out: Json = JSON.parse(r.stdout);
    expect(out.comparison).toMatchObject({ ref: "HEAD~1", new: 1, fixed: 2, updated: 0 });
    expect(out.findings.filter((f: Json) => f.status === "new").map((f: Json) => `${f.ruleId} ${f.pointer}`)).toEqual(["chef-etablissement-absent /direction/chef"]);
    expect(out.fixed.map((f: Json) => f.ruleId).sort()).toEqual(["referent-technique-manquant", "rgpd-declaration-cnil-obsolete"]);
    expect(out.fixed.every((f: Json) => f.status === "fixed")).toBe(true);
    // A fixed finding read from git has the saved form of every finding (toSaved), fields in the same order.
    const unmasked = out.findings.find((f: Json) => f.suppressed === undefined && f.data !== undefined);
    for (const f of out.fixed) expect(Object.keys(f)).toEqual(Object.keys(unmasked));
    // Every finding that is not masked has a status; masked ones have none.
    for (const f of out.findings) expect(f.status === undefined).toBe(f.suppressed !== undefined);
    expect(out.indicators.map((i: Json) => i.id)).toContain("eple-referent-technique");
  });

  it("la même chose depuis un résultat -f json enregistré", async () => {
    const w = await cli(["audit", "--date", DATE, "--compare", warn.saved], { cwd: warn.dir });
    expect(w.code).toBe(0);
    expect(w.stdout.trimEnd().split("\n").pop()).toMatch(new RegExp(`^2 corrigés, 1 nouveau, \\d+ inchangés depuis ${warn.saved.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(2026-09-01\\)$`));
    const e = await cli(["audit", "--date", DATE, "--compare", err.saved, "-f", "json"], { cwd: err.dir });
    expect(e.code).toBe(1);
    expect(JSON.parse(e.stdout).comparison).toMatchObject({ new: 1, fixed: 2 });
  });

  it("SARIF : baselineState new / unchanged / absent, valide selon le schéma officiel", async () => {
    const r = await cli(["audit", "--date", DATE, "--compare", "HEAD~1", "-f", "sarif"], { cwd: err.dir });
    const log: Json = JSON.parse(r.stdout);
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const Ajv04 = ((ajvDraft04 as unknown as { default?: unknown }).default ?? ajvDraft04) as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
    const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (a: unknown) => void;
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const states = log.runs[0].results.map((x: Json) => x.baselineState);
    expect(states.filter((s: string) => s === "new").length).toBe(1);
    expect(states.filter((s: string) => s === "absent").length).toBe(2);
    expect(states.filter((s: string) => s === "unchanged").length).toBeGreaterThan(10);
  });

  it("une révision inconnue, un dossier hors dépôt, un résultat illisible : code 2, message clair", async () => {
    const r = await cli(["audit", "--date", DATE, "--compare", "v-inexistante"], { cwd: warn.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("révision inconnue");
    const outside = mkdtempSync(join(tmpdir(), "gouvnum-hors-depot-"));
    cpSync(join(ROOT, "examples/minimal"), outside, { recursive: true });
    const o = await cli(["audit", "--compare", "HEAD~1"], { cwd: outside });
    expect(o.code).toBe(2);
    expect(o.stderr).toContain("pas dans un dépôt git");
    writeFileSync(join(outside, "faux.json"), "{}");
    const j = await cli(["audit", "--compare", "faux.json"], { cwd: outside });
    expect(j.code).toBe(2);
    expect(j.stderr).toContain("résultat illisible");
  });

  it("un clone superficiel : la révision récupérée avec git fetch --depth=1 suffit", async () => {
    const clone = mkdtempSync(join(tmpdir(), "gouvnum-clone-"));
    git(clone, "clone", "-q", "--depth=1", `file://${warn.dir}`, ".");
    const missing = await cli(["audit", "--date", DATE, "--compare", "HEAD~1"], { cwd: clone });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("git fetch --depth=1 origin");
    const first = git(warn.dir, "rev-parse", "HEAD~1").trim();
    git(clone, "fetch", "-q", "--depth=1", "origin", first);
    const r = await cli(["audit", "--date", DATE, "--compare", "FETCH_HEAD"], { cwd: clone });
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^2 corrigés, 1 nouveau, \d+ inchangés depuis FETCH_HEAD/);
  });

  it("le rapport : section « Évolution » (indicateurs alors et maintenant, corrigés et nouveaux par thème et par collectivité)", async () => {
    const md = await cli(["report", "--date", DATE, "--compare", "HEAD~1", "--format", "md", "-o", "-"], { cwd: warn.dir });
    expect(md.code).toBe(0);
    // (Markdown escapes « ~ ».)
    expect(md.stdout).toMatch(/## Évolution depuis HEAD\\?~1 \(/);
    expect(md.stdout).toMatch(/2 corrigés, 1 nouveau, \d+ inchangés depuis HEAD\\?~1/);
    // The référent technique now held: the indicator went up, said with an arrow and a word.
    expect(md.stdout).toMatch(/référent technique[^|]*\| 87,5\u00a0% \| 100\u00a0% \| \\?\+12,5 points \| ↑ en progrès \|/);
    expect(md.stdout).toMatch(/\| Département d'Ille-et-Vilaine \| [1-9] \| \d+ \|/);
    const html = await cli(["report", "--date", DATE, "--compare", warn.saved, "-o", "-"], { cwd: warn.dir });
    expect(html.stdout).toContain('<h2 id="evolution">Évolution depuis');
    expect(html.stdout).toContain("en progrès");
    // Listed in the table of contents (HTML and Markdown, whose links markdownlint checks).
    expect(html.stdout).toMatch(/<li><a href="#evolution">Évolution depuis /);
    const l = await lint({ strings: { md: md.stdout }, config: { default: true, MD013: false } });
    expect(l.md.map((e) => `${e.ruleNames.join("/")} l.${e.lineNumber}: ${e.errorDetail ?? ""}`)).toEqual([]);
    expect(md.stdout).toMatch(/- \[Évolution depuis HEAD\\?~1 \([^)]+\)\]\(#/);
    // Without --compare, no such section.
    expect((await cli(["report", "--date", DATE, "--format", "md", "-o", "-"], { cwd: warn.dir })).stdout).not.toContain("Évolution depuis");
  });

  it("--history <dossier> et --history git : les indicateurs dans le temps, petits graphiques et tableau", async () => {
    const dir = join(warn.saved, "..");
    const now = await cli(["audit", "--date", "2027-01-15", "-f", "json", "-o", join(dir, "janvier.json")], { cwd: warn.dir });
    expect(now.code).toBe(1);
    const md = await cli(["report", "--date", DATE, "--history", dir, "--format", "md", "-o", "-"], { cwd: warn.dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("## Indicateurs dans le temps");
    expect(md.stdout).toMatch(/\| Indicateur \| 1(er)? septembre 2026 \| 15 janvier 2027 \|/);
    const html = await cli(["report", "--date", DATE, "--history", dir, "-o", "-"], { cwd: warn.dir });
    const svgs = html.stdout.match(/<svg[^>]*class="graphique petit" role="img"/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    // The small multiples side by side (a grid), and the section in the table of contents.
    expect(html.stdout).toMatch(/\.petits-multiples\{display:grid/);
    expect(html.stdout).toContain('<li><a href="#historique">Indicateurs dans le temps</a>');
    const l = await lint({ strings: { md: md.stdout }, config: { default: true, MD013: false } });
    expect(l.md.map((e) => `${e.ruleNames.join("/")} l.${e.lineNumber}: ${e.errorDetail ?? ""}`)).toEqual([]);
    expect(html.stdout).toContain("<caption>Valeur de chaque indicateur à chaque audit</caption>");
    git(warn.dir, "tag", "audit-1", "HEAD~1");
    git(warn.dir, "tag", "audit-2", "HEAD");
    const tags = await cli(["report", "--date", DATE, "--history", "git", "--format", "md", "-o", "-"], { cwd: warn.dir });
    expect(tags.code).toBe(0);
    expect(tags.stdout).toContain("## Indicateurs dans le temps");
    expect(tags.stdout).toMatch(/\| --- \| ---: \| ---: \|/);
    const empty = mkdtempSync(join(tmpdir(), "gouvnum-histoire-vide-"));
    expect((await cli(["report", "--history", empty, "-o", "-"], { cwd: warn.dir })).code).toBe(2);
  });
});
