// `init --ci github|gitlab|none` and `--install-source`: the GitHub workflow passes a real workflow validator
// (@action-validator/cli: SchemaStore's schema, offline), the GitLab file has its jobs, stages and report artefacts and
// its audit job runs; an imported territory passes its first push thanks to the baseline init writes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { validateWorkflow } from "@action-validator/core";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";
import { VERSION } from "../src/cli/version.js";
import { GITHUB_ACTIONS, NODE_LTS, remoteIsGitlab } from "../src/init/index.js";
import { initCommand } from "../src/cli/commands/init.js";
import type { CliIO } from "../src/cli/io.js";
import type { Prompter } from "../src/init/index.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const VALIDATOR = join(ROOT, "node_modules/@action-validator/cli/cli.mjs");
const REAL = join(ROOT, "test/fixtures/annuaire/fr-en-annuaire-education-035.csv");

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "gouvnum-ci-"));
}

/** The validator's own command line on a file: exit code and what it printed. */
function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [VALIDATOR, file], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** A small annuaire export: the header and the first 40 rows of the real Ille-et-Vilaine extract. */
function smallAnnuaire(dir: string): string {
  const path = join(dir, "annuaire.csv");
  writeFileSync(path, readFileSync(REAL, "utf8").split("\n").slice(0, 41).join("\n") + "\n");
  return path;
}

/** Runs a CI line that calls gouvnum (in process, as the installed binary would). */
async function runGouvnum(line: string, cwd: string) {
  const argv = line.trim().split(/\s+/);
  expect(argv[0]).toBe("gouvnum");
  return cli(argv.slice(1), { cwd });
}

describe("init --ci github", () => {
  it("le workflow passe le validateur de workflows (schéma SchemaStore), avec et sans référence, depuis une archive", async () => {
    const plain = tmp();
    expect((await cli(["init", plain, "--yes", "--academie", "14", "--ci", "github"])).code).toBe(0);
    const tarballDir = tmp();
    const tgz = join(tarballDir, "gouvnum-9.9.9.tgz");
    writeFileSync(tgz, "pas une vraie archive, seulement des octets à copier");
    const fromTarball = tmp();
    const r = await cli(["init", fromTarball, "--yes", "--academie", "14", "--ci", "github", "--install-source", tgz]);
    expect(r.code, r.stderr).toBe(0);
    for (const dir of [plain, fromTarball]) {
      const file = join(dir, ".github/workflows/gouvnum.yml");
      const v = validate(file);
      expect(v.status, v.output).toBe(0);
    }
    // The validator does fail on a broken workflow (an unknown key in a step).
    const broken = readFileSync(join(plain, ".github/workflows/gouvnum.yml"), "utf8").replace("        with:\n          persist-credentials", "        avec:\n          persist-credentials");
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
    const brokenFile = join(tmp(), "gouvnum.yml");
    writeFileSync(brokenFile, broken);
    expect(validate(brokenFile).status).toBe(1);

    const wf = parse(readFileSync(join(fromTarball, ".github/workflows/gouvnum.yml"), "utf8"));
    expect(wf.jobs.audit.steps.find((s: Any) => /npm install/.test(s.run ?? "")).run).toContain("'./.gouvnum/gouvnum-9.9.9.tgz'");
    expect(readFileSync(join(fromTarball, ".gouvnum/gouvnum-9.9.9.tgz"), "utf8")).toBe(readFileSync(tgz, "utf8"));
    expect(r.stdout).toContain("créé      .gouvnum/gouvnum-9.9.9.tgz");
  });

  it("actions tierces épinglées par SHA complet avec la version en commentaire ; Node LTS ; SARIF, résumé, artefact", async () => {
    const dir = tmp();
    await cli(["init", dir, "--yes", "--academie", "14", "--ci", "github"]);
    const text = readFileSync(join(dir, ".github/workflows/gouvnum.yml"), "utf8");
    const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.map((m) => m[1].split("@")[0]).sort()).toEqual(["actions/checkout", "actions/setup-node", "actions/upload-artifact", "github/codeql-action/upload-sarif"]);
    for (const [, ref, comment] of uses) {
      expect(ref).toMatch(/@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
    for (const a of Object.values(GITHUB_ACTIONS)) expect(text).toContain(`${a.uses} # ${a.version}`);
    const wf = parse(text);
    const steps: Any[] = wf.jobs.audit.steps;
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@")).with["node-version"]).toBe(Number(NODE_LTS));
    expect(Number(NODE_LTS)).toBeGreaterThanOrEqual(22);
    expect(steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@")).with.sarif_file).toBe("gouvnum.sarif");
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-artifact@")).with.path).toBe("rapport-gouvnum.html");
    const report = steps.find((s) => /^gouvnum report /.test(s.run ?? ""));
    const r = await runGouvnum(report.run, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "rapport-gouvnum.html"), "utf8")).toMatch(/^<!doctype html>/i);
    expect(existsSync(join(dir, ".gitlab-ci.yml"))).toBe(false);
  });
});

describe("init --ci gitlab", () => {
  it("stages, jobs, artefacts de rapport ; le job d'audit tourne et écrit Code Quality et JUnit", async () => {
    const dir = tmp();
    const r = await cli(["init", dir, "--yes", "--academie", "14", "--ci", "gitlab"]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, ".github"))).toBe(false);
    const ci = parse(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8"));
    expect(ci.stages).toEqual(["audit", "publication"]);
    expect(ci.default.image).toBe(`node:${NODE_LTS}`);
    expect(ci.default.cache.paths).toEqual([".npm/"]);
    expect(ci.variables.npm_config_cache).toBe("$CI_PROJECT_DIR/.npm");
    expect(ci.default.before_script).toEqual([`npm install --global --no-audit --no-fund 'gouvnum@${VERSION}'`]);
    const jobs = Object.keys(ci).filter((k) => !["workflow", "stages", "default", "variables"].includes(k));
    expect(jobs.sort()).toEqual(["gouvnum-audit", "gouvnum-rapport", "pages"]);
    for (const j of jobs) expect(ci.stages, j).toContain(ci[j].stage);

    const audit = ci["gouvnum-audit"];
    expect(audit.stage).toBe("audit");
    expect(audit.artifacts.when).toBe("always");
    expect(audit.artifacts.reports).toEqual({ codequality: "gl-code-quality-report.json", junit: "gouvnum-junit.xml" });
    expect(audit.rules).toBeUndefined(); // every pipeline: branches and merge requests
    const mr = ci["gouvnum-rapport"];
    expect(mr.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(mr.artifacts.expose_as).toBe("Rapport gouvnum");
    expect(mr.artifacts.paths).toEqual(["rapport-gouvnum.html"]);
    const pages = ci.pages;
    expect(pages.stage).toBe("publication");
    expect(pages.artifacts.paths).toEqual(["public"]);
    expect(pages.rules).toEqual([{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", when: "always" }]);
    expect(ci.workflow.rules[0]).toEqual({ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' });
    // Until gouvnum has --compare, a comment says how merge requests will use it.
    expect(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8")).toMatch(/^# .*--compare/m);

    // The audit job's command, run on the new repository: exit 0, the two reports written and readable.
    expect(audit.script).toHaveLength(1);
    const ran = await runGouvnum(audit.script[0], dir);
    expect(ran.code, ran.stderr + ran.stdout).toBe(0);
    expect(ran.stdout).toContain("0 erreur");
    expect(Array.isArray(JSON.parse(readFileSync(join(dir, "gl-code-quality-report.json"), "utf8")))).toBe(true);
    const xml = readFileSync(join(dir, "gouvnum-junit.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml).testsuites.failures).toBe("0");
    for (const line of pages.script.slice(1)) expect((await runGouvnum(line, dir)).code).toBe(0);
    expect(readFileSync(join(dir, "public/index.html"), "utf8")).toMatch(/^<!doctype html>/i);
    // CI outputs are ignored by git.
    const ignored = readFileSync(join(dir, ".gitignore"), "utf8").split("\n");
    for (const f of ["gl-code-quality-report.json", "gouvnum-junit.xml", ".npm/", "public/"]) expect(ignored).toContain(f);
  });

  it("--annuaire : une référence des écarts importés ; la CI l'utilise et passe au premier push (elle échouerait sans)", async () => {
    const dir = join(tmp(), "t");
    const csv = smallAnnuaire(tmp());
    const r = await cli(["init", dir, "--yes", "--academie", "14", "--ci", "gitlab", "--annuaire", csv]);
    expect(r.code, r.stderr).toBe(0);
    const n = Number(/Référence écrite : \.gouvnum\/baseline\.json \((\d+) constats/.exec(r.stdout)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(r.stdout).toContain("seuls les nouveaux écarts");
    const baseline = JSON.parse(readFileSync(join(dir, ".gouvnum/baseline.json"), "utf8"));
    expect(baseline.findings).toHaveLength(n);
    const ci = parse(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8"));
    const line: string = ci["gouvnum-audit"].script[0];
    expect(line).toContain("--baseline .gouvnum/baseline.json");
    const ran = await runGouvnum(line, dir);
    expect(ran.code, ran.stdout).toBe(0);
    const without = await runGouvnum(line.replace(" --baseline .gouvnum/baseline.json", ""), dir);
    expect(without.code).toBe(1);
    // Run again: the baseline is kept, and said so.
    const again = await cli(["init", dir, "--yes", "--academie", "14", "--ci", "gitlab", "--annuaire", csv]);
    expect(again.stdout).toContain("Référence existante gardée : .gouvnum/baseline.json");
  }, 60_000);

  it("--ci none / --no-ci : aucun fichier de CI ; valeurs et sources invalides : code 2, en français", async () => {
    for (const flag of [["--ci", "none"], ["--no-ci"]]) {
      const dir = tmp();
      expect((await cli(["init", dir, "--yes", "--academie", "14", ...flag])).code).toBe(0);
      expect(existsSync(join(dir, ".gitlab-ci.yml")) || existsSync(join(dir, ".github"))).toBe(false);
    }
    const bad = await cli(["init", tmp(), "--yes", "--academie", "14", "--ci", "jenkins"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Valeur inconnue « jenkins » pour --ci : attendu gitlab, github ou none.");
    for (const src of ["gouvnum@1 ; rm -rf /", "'x'", "$(id)", "--registry=x"]) {
      const dir = tmp();
      const r = await cli(["init", dir, "--yes", "--academie", "14", "--ci", "gitlab", "--install-source", src]);
      expect(r.code, src).toBe(2);
      expect(r.stderr).toContain("Source d'installation invalide");
      expect(existsSync(join(dir, "academie.yaml"))).toBe(false); // nothing written
    }
    const git = tmp();
    await cli(["init", git, "--yes", "--academie", "14", "--ci", "gitlab", "--install-source", "git+https://forge.apps.education.fr/drane/gouvnum.git#v0.1.0"]);
    expect(parse(readFileSync(join(git, ".gitlab-ci.yml"), "utf8")).default.before_script[0]).toBe(
      "npm install --global --no-audit --no-fund 'git+https://forge.apps.education.fr/drane/gouvnum.git#v0.1.0'",
    );
  });
});

describe("GitLab proposé en premier quand le dépôt a un remote GitLab", () => {
  it("remoteIsGitlab : gitlab.*, la Forge des communs numériques éducatifs ; pas GitHub", () => {
    const conf = (url: string) => `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`;
    expect(remoteIsGitlab(conf("https://gitlab.com/drane/territoire.git"))).toBe(true);
    expect(remoteIsGitlab(conf("git@gitlab.example.org:drane/territoire.git"))).toBe(true);
    expect(remoteIsGitlab(conf("https://forge.apps.education.fr/drane-bretagne/territoire.git"))).toBe(true);
    expect(remoteIsGitlab(conf("ssh://git@forge.apps.education.fr:2222/drane/t.git"))).toBe(true);
    expect(remoteIsGitlab(conf("https://github.com/drane/territoire.git"))).toBe(false);
    expect(remoteIsGitlab(conf("https://example.org/gitlab-mirror.git"))).toBe(false);
    expect(remoteIsGitlab("")).toBe(false);
  });

  it("interactif : GitLab en tête et par défaut ; --yes sans --ci choisit GitLab", async () => {
    const dir = tmp();
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".git/config"), '[remote "origin"]\n\turl = https://forge.apps.education.fr/drane/territoire.git\n');
    let choices: string[] = [];
    let def = "";
    const answers: unknown[] = ["14", [], "", (q: Any) => ((choices = q.choices.map((c: Any) => c.value)), (def = q.default), q.default), false, ""];
    const p: Prompter = Object.fromEntries(
      ["select", "checkbox", "input", "confirm"].map((k) => [k, async (q: unknown) => {
        const a = answers.shift();
        return typeof a === "function" ? (a as (q: unknown) => unknown)(q) : a;
      }]),
    ) as unknown as Prompter;
    const io: CliIO = {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: () => true, isTTY: false },
      readStdin: async () => new Uint8Array(),
      cwd: dir,
      env: {},
      now: () => new Date("2026-09-01T10:00:00"),
    };
    expect(await initCommand(".", {}, io, { prompter: p })).toBe(0);
    expect(choices).toEqual(["gitlab", "github", "none"]);
    expect(def).toBe("gitlab");
    expect(existsSync(join(dir, ".gitlab-ci.yml"))).toBe(true);

    const yes = tmp();
    mkdirSync(join(yes, ".git"));
    writeFileSync(join(yes, ".git/config"), '[remote "origin"]\n\turl = git@gitlab.com:drane/t.git\n');
    expect((await cli(["init", yes, "--yes", "--academie", "14"])).code).toBe(0);
    expect(existsSync(join(yes, ".gitlab-ci.yml"))).toBe(true);
    expect(existsSync(join(yes, ".github"))).toBe(false);
  });
});
