// `gouvnum init`: non-interactive (--yes) and interactive (real inquirer prompts driven through streams), a repository that validates and audits clean.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { execFileSync } from "node:child_process";
import { parse } from "yaml";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";
import { initCommand } from "../src/cli/commands/init.js";
import type { CliIO } from "../src/cli/io.js";
import type { Prompter } from "../src/init/index.js";
import { VERSION } from "../src/cli/version.js";

const REAL = join(ROOT, "test/fixtures/annuaire/fr-en-annuaire-education-035.csv");

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "gouvnum-init-"));
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      // The repository's .git (init runs git init): its own tests below.
      if (e.isDirectory() && e.name === ".git" && d === dir) continue;
      if (e.isDirectory()) walk(p);
      else out.push(p.slice(dir.length + 1));
    }
  };
  walk(dir);
  return out.sort();
}

function captureIO(cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    readStdin: async () => new Uint8Array(),
    cwd,
    env: {},
    now: () => new Date("2026-09-01T10:00:00"),
  };
  return { io, out: () => stdout, err: () => stderr };
}

describe("gouvnum init --yes", () => {
  it("dans un dossier vide : un dépôt complet, qui valide sans constat et s'audite sans erreur", async () => {
    const dir = join(tmp(), "territoire");
    const r = await cli(["init", dir, "--yes", "--academie", "14"]);
    expect(r.code, r.stderr).toBe(0);
    expect(files(dir)).toEqual([
      ".github/workflows/gouvnum.yml",
      ".gitignore",
      ".gouvnum/schemas/academie.schema.json",
      ".gouvnum/schemas/collectivite.schema.json",
      ".gouvnum/schemas/config.schema.json",
      ".gouvnum/schemas/convention.schema.json",
      ".gouvnum/schemas/defs.schema.json",
      ".gouvnum/schemas/etablissement.schema.json",
      ".vscode/extensions.json",
      ".vscode/settings.json",
      "academie.yaml",
      "collectivites/dep-22.yaml",
      "collectivites/dep-29.yaml",
      "collectivites/dep-35.yaml",
      "collectivites/dep-56.yaml",
      "collectivites/region-53.yaml",
      "conventions/.gitkeep",
      "etablissements/.gitkeep",
      "gouvnum.config.yaml",
    ]);
    expect(r.stdout).toContain("Académie de Rennes (14)");
    expect(r.stdout).toContain("  créé      academie.yaml");
    expect(parse(readFileSync(join(dir, "academie.yaml"), "utf8"))).toMatchObject({ kind: "academie", code: "14", nom: "Académie de Rennes", region_academique: "Bretagne" });
    expect(parse(readFileSync(join(dir, "collectivites/region-53.yaml"), "utf8"))).toEqual({
      kind: "collectivite", id: "region-53", type: "region", nom: "Région Bretagne", code_insee: "53", academie: "14",
    });

    const v = await cli(["validate", "-f", "json"], { cwd: dir });
    expect(JSON.parse(v.stdout).findings).toEqual([]);
    expect(v.code).toBe(0);
    const a = await cli(["audit", "-f", "json"], { cwd: dir });
    const audit = JSON.parse(a.stdout);
    expect(a.code).toBe(0);
    expect(audit.summary.errors).toBe(0);
    expect(audit.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  it("chaque fichier YAML commence par sa ligne $schema, qui pointe vers un schéma copié dans le dépôt", async () => {
    const dir = tmp();
    await cli(["init", dir, "--yes", "--academie", "27"]);
    for (const f of files(dir).filter((p) => p.endsWith(".yaml"))) {
      const first = readFileSync(join(dir, f), "utf8").split("\n")[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const target = resolve(dirname(join(dir, f)), m![1]);
      expect(target.startsWith(join(dir, ".gouvnum/schemas/")), f).toBe(true);
      expect(existsSync(target), f).toBe(true);
    }
    // Corse: a single collectivité holds collèges and lycées.
    expect(files(dir).filter((p) => p.startsWith("collectivites/"))).toEqual(["collectivites/ctu-94.yaml"]);
  });

  it("le workflow de CI est du YAML valide dont les étapes lancent de vraies commandes", async () => {
    const dir = tmp();
    await cli(["init", dir, "--yes", "--academie", "14"]);
    const wf = parse(readFileSync(join(dir, ".github/workflows/gouvnum.yml"), "utf8"));
    // Minimal permissions: read for the workflow, code-scanning writes only for the audit job.
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.audit.permissions).toEqual({ contents: "read", "security-events": "write" });
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    const steps: Array<Record<string, any>> = wf.jobs.audit.steps;
    expect(wf.jobs.audit["runs-on"]).toBe("ubuntu-latest");
    expect(steps[0].uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(steps[1]).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-node@[0-9a-f]{40}$/), with: { "node-version": 24 } });
    const install = steps.find((s) => /npm install/.test(s.run ?? ""))!;
    expect(install.run).toContain(`'gouvnum@${VERSION}'`);
    const audit = steps.find((s) => /^gouvnum audit /.test(s.run ?? ""))!;
    expect(audit.run).toMatch(/ -f sarif .* -o gouvnum\.sarif/);
    const summary = steps.find((s) => /GITHUB_STEP_SUMMARY/.test(s.run ?? ""))!;
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.with.sarif_file).toBe("gouvnum.sarif");
    expect(upload.if).toMatch(/always\(\)/);
    expect(summary.if).toMatch(/always\(\)/);

    // Run the audit step's command line as CI would (gouvnum itself in process), then the summary step in a shell.
    const argv = audit.run.split(/\s+/).slice(1);
    const ran = await cli(argv, { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("0 erreur");
    const sarif = JSON.parse(readFileSync(join(dir, "gouvnum.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].tool.driver.name).toBe("gouvnum");
    const stepSummary = join(tmp(), "summary.md");
    writeFileSync(stepSummary, "");
    execFileSync("bash", ["-c", summary.run], { cwd: dir, env: { ...process.env, GITHUB_STEP_SUMMARY: stepSummary } });
    expect(readFileSync(stepSummary, "utf8")).toBe(readFileSync(join(dir, "gouvnum-resume.md"), "utf8"));
    expect(readFileSync(stepSummary, "utf8")).toContain("Audit gouvnum");
  });

  it(".vscode/settings.json associe chaque schéma copié aux fichiers du dépôt", async () => {
    const dir = tmp();
    await cli(["init", dir, "--yes", "--academie", "14"]);
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8"));
    const schemas: Record<string, string[]> = settings["yaml.schemas"];
    expect(Object.keys(schemas).sort()).toEqual(
      ["academie", "collectivite", "config", "convention", "etablissement"].map((k) => `./.gouvnum/schemas/${k}.schema.json`),
    );
    for (const path of Object.keys(schemas)) expect(existsSync(join(dir, path)), path).toBe(true);
    expect(schemas["./.gouvnum/schemas/etablissement.schema.json"]).toContain("etablissements/**/*.yaml");
    expect(settings["yaml.validate"]).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, ".vscode/extensions.json"), "utf8")).recommendations).toEqual(["redhat.vscode-yaml"]);
  });

  it("n'écrase jamais un fichier existant sans --force, et dit lesquels il a laissés", async () => {
    const dir = tmp();
    await cli(["init", dir, "--yes", "--academie", "14"]);
    const again = await cli(["init", dir, "--yes", "--academie", "14"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("  à jour    academie.yaml");
    expect(again.stdout).not.toContain("créé");
    const mine = readFileSync(join(dir, "academie.yaml"), "utf8").replace("kind: academie", "# nos notes\nkind: academie") + "dpd: { nom: Anne Dubois }\n";
    writeFileSync(join(dir, "academie.yaml"), mine);
    const mtime = statSync(join(dir, "academie.yaml")).mtimeMs;
    const third = await cli(["init", dir, "--yes", "--academie", "14"]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("  ignoré    academie.yaml (existe déjà et diffère ; --force pour le remplacer)");
    expect(third.stdout).toContain("1 fichier existant laissé tel quel : relancez avec --force pour le remplacer.");
    expect(readFileSync(join(dir, "academie.yaml"), "utf8")).toBe(mine);
    expect(statSync(join(dir, "academie.yaml")).mtimeMs).toBe(mtime);
    const forced = await cli(["init", dir, "--yes", "--academie", "14", "--force"]);
    expect(forced.stdout).toContain("  remplacé  academie.yaml");
    expect(readFileSync(join(dir, "academie.yaml"), "utf8")).not.toContain("nos notes");
  });

  it("--collectivite type:code[:nom], --no-ci, --no-editor ; erreurs d'options en français (code 2)", async () => {
    const dir = tmp();
    const r = await cli(["init", dir, "--yes", "--academie", "Rennes", "--collectivite", "departement:035", "--collectivite", "commune:35238:Ville de Rennes", "--no-ci", "--no-editor"]);
    expect(r.code).toBe(0);
    expect(files(dir).filter((f) => !f.startsWith(".gouvnum/"))).toEqual([
      ".gitignore",
      "academie.yaml",
      "collectivites/commune-35238.yaml",
      "collectivites/dep-35.yaml",
      "conventions/.gitkeep",
      "etablissements/.gitkeep",
      "gouvnum.config.yaml",
    ]);
    expect(parse(readFileSync(join(dir, "collectivites/commune-35238.yaml"), "utf8"))).toMatchObject({ type: "commune", nom: "Ville de Rennes", code_insee: "35238" });
    expect(parse(readFileSync(join(dir, "gouvnum.config.yaml"), "utf8")).ignore).toBeUndefined();
    expect(JSON.parse((await cli(["validate", dir, "-f", "json"])).stdout).findings).toEqual([]);

    for (const [args, re] of [
      [["--yes"], /a besoin de l'académie : --academie <code>/],
      [["--yes", "--academie", "05x"], /Académie inconnue « 05x »/],
      [["--yes", "--academie", "14", "--collectivite", "canton:12"], /Collectivité invalide « canton:12 »/],
      [["--yes", "--academie", "14", "--collectivite", "commune:352"], /Collectivité invalide « commune:352 »/],
      [["--yes", "--annuaire", "absent.csv"], /Export de l'annuaire introuvable : « absent.csv »/],
      [["--academie", "14"], /lancez-le dans un terminal, ou ajoutez --yes/],
    ] as Array<[string[], RegExp]>) {
      const e = await cli(["init", tmp(), ...args]);
      expect(e.code, args.join(" ")).toBe(2);
      expect(e.stderr).toMatch(re);
    }
    const file = join(tmp(), "fichier.txt");
    writeFileSync(file, "");
    const notADir = await cli(["init", file, "--yes", "--academie", "14"]);
    expect(notADir.code).toBe(2);
    expect(notADir.stderr).toMatch(/existe et n'est pas un dossier/);
  });

  it("--annuaire : l'académie est déduite de l'export, les établissements importés ; le dépôt valide sans constat", async () => {
    const dir = tmp();
    const r = await cli(["init", dir, "--yes", "--annuaire", REAL]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Académie de Rennes (14)");
    expect(r.stdout).toContain("684 écoles, 116 collèges, 39 lycées, 20 lycées professionnels, 2 EREA");
    expect(existsSync(join(dir, "etablissements/.gitkeep"))).toBe(false);
    // The stubs init wrote (région, départements) are the ones the établissements reference: no duplicate.
    expect(parse(readFileSync(join(dir, "etablissements/0350031U.yaml"), "utf8")).collectivite).toBe("region-53");
    expect(readFileSync(join(dir, "collectivites/region-53.yaml"), "utf8")).toContain("gouvnum init");
    const v = await cli(["validate", "-f", "json"], { cwd: dir });
    expect(JSON.parse(v.stdout).findings).toEqual([]);
  }, 60_000);
});

/** A prompter that answers from a script and records the questions. */
function scripted(answers: unknown[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = async (q: { message: string }) => {
    asked.push(q.message);
    if (answers.length === 0) throw new Error(`question inattendue : ${q.message}`);
    const a = answers.shift();
    return typeof a === "function" ? (a as (q: unknown) => unknown)(q) : a;
  };
  return { asked, select: next as never, checkbox: next as never, input: next as never, confirm: next as never };
}

describe("gouvnum init interactif", () => {
  it("avec des réponses scriptées : académie, collectivités, communes, CI, éditeur, annuaire", async () => {
    const dir = tmp();
    const { io, out } = captureIO(dir);
    const p = scripted([
      (q: { choices: Array<{ value: string; name: string }> }) => {
        expect(q.choices).toHaveLength(30);
        expect(q.choices.map((c) => c.name)).toContain("Rennes (14)");
        return "14";
      },
      (q: { choices: Array<{ value: { id: string }; checked: boolean }> }) => {
        expect(q.choices.map((c) => c.value.id)).toEqual(["region-53", "dep-22", "dep-29", "dep-35", "dep-56"]);
        expect(q.choices.every((c) => c.checked)).toBe(true);
        return q.choices.filter((c) => ["region-53", "dep-35"].includes(c.value.id)).map((c) => c.value);
      },
      async (q: { validate: (v: string) => Promise<unknown> | unknown }) => {
        expect(await q.validate("35238, 352")).toMatch(/Code INSEE de commune invalide : « 352 »/);
        return "35238, 35288";
      },
      (q: { choices: Array<{ value: string }>; default: string }) => {
        // No GitLab remote here: GitHub first, then GitLab, then none.
        expect(q.choices.map((c) => c.value)).toEqual(["github", "gitlab", "none"]);
        expect(q.default).toBe("github");
        return "none";
      },
      true,
      async (q: { validate: (v: string) => Promise<unknown> }) => {
        expect(await q.validate("nulle-part.csv")).toMatch(/Fichier introuvable/);
        expect(await q.validate("")).toBe(true);
        return "";
      },
    ]);
    const code = await initCommand(".", {}, io, { prompter: p });
    expect(code).toBe(0);
    expect(p.asked).toEqual([
      "Académie du territoire :",
      "Collectivités à décrire :",
      "Communes à ajouter (codes INSEE séparés par des virgules ; Entrée pour passer) :",
      "Intégration continue : quel service héberge le dépôt ?",
      "Ajouter les réglages de VS Code (schémas, complétion, contrôle à la frappe) ?",
      "Export CSV de l'annuaire de l'éducation à importer (Entrée pour passer) :",
    ]);
    expect(files(dir).filter((f) => f.startsWith("collectivites/"))).toEqual([
      "collectivites/commune-35238.yaml",
      "collectivites/commune-35288.yaml",
      "collectivites/dep-35.yaml",
      "collectivites/region-53.yaml",
    ]);
    expect(existsSync(join(dir, ".github"))).toBe(false);
    expect(existsSync(join(dir, ".vscode/settings.json"))).toBe(true);
    expect(out()).toContain("Dépôt de territoire « . »");
  });

  it("avec les vraies invites d'inquirer, pilotées au clavier par des flux", async () => {
    const dir = tmp();
    const input = new PassThrough();
    let screen = "";
    const output = new Writable({
      write(chunk, _enc, cb) {
        screen += String(chunk);
        cb();
      },
    });
    const { io, out } = captureIO(dir);
    const run = initCommand(".", { ci: true, editor: true }, io, { input, output });
    // Each step waits for its question to be drawn, then types.
    let seen = 0;
    const step = async (question: string, keys: string[]) => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const at = screen.indexOf(question, seen);
        if (at >= 0) {
          seen = at + question.length;
          break;
        }
        if (Date.now() > deadline) throw new Error(`invite non affichée : ${question}\n${JSON.stringify(screen.slice(-1500))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      for (const k of keys) {
        input.write(k);
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    const DOWN = "\u001b[B";
    await step("Académie du territoire", [DOWN, "\r"]); // the list is alphabetical: Aix-Marseille, then Amiens
    await step("Collectivités à décrire", [" ", "\r"]); // uncheck the first (the région), keep the départements
    await step("Communes à ajouter", ["80021", "\r"]);
    await step("Intégration continue", [DOWN, DOWN, "\r"]); // GitHub, GitLab, aucune
    await step("réglages de VS Code", ["\r"]);
    await step("Export CSV de l'annuaire", ["\r"]);
    const code = await run;
    expect(code, out()).toBe(0);
    expect(screen).toContain("Amiens (20)");
    expect(parse(readFileSync(join(dir, "academie.yaml"), "utf8"))).toMatchObject({ code: "20", nom: "Académie d'Amiens", region_academique: "Hauts-de-France" });
    expect(files(dir).filter((f) => f.startsWith("collectivites/"))).toEqual([
      "collectivites/commune-80021.yaml",
      "collectivites/dep-02.yaml",
      "collectivites/dep-60.yaml",
      "collectivites/dep-80.yaml",
    ]);
    expect(existsSync(join(dir, ".github"))).toBe(false);
    expect(existsSync(join(dir, ".vscode/settings.json"))).toBe(true);
    const a = await cli(["audit", "-f", "json"], { cwd: dir });
    expect(JSON.parse(a.stdout).summary.errors).toBe(0);
  });

  it("Ctrl-C dans une invite : abandon, rien n'est écrit", async () => {
    const dir = join(tmp(), "vide");
    mkdirSync(dir);
    const input = new PassThrough();
    let screen = "";
    const output = new Writable({
      write(chunk, _e, cb) {
        screen += String(chunk);
        cb();
      },
    });
    const { io, err } = captureIO(dir);
    const run = initCommand(".", {}, io, { input, output });
    for (let i = 0; i < 500 && !screen.includes("Académie du territoire"); i++) await new Promise((r) => setTimeout(r, 10));
    input.write("\u0003");
    expect(await run).toBe(130);
    expect(err()).toContain("Abandon : rien n'a été écrit.");
    expect(readdirSync(dir)).toEqual([]);
  });
});
