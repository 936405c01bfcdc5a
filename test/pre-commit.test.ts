// The pre-commit framework hook: .pre-commit-hooks.yaml parses, and its entry, run as pre-commit runs it, audits the changed files.
import { describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { ROOT } from "./helpers.js";

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const hook = hooks.find((h) => h.id === "gouvnum")!;

/** Every file under dir, as git would list it (relative, `/`-separated). */
function listFiles(dir: string, rel = ""): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, p) : [p];
  });
}

/** The files pre-commit passes to the hook: `files` matches and `exclude` does not (Python `re.search`). */
const selected = (files: string[]) => files.filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));

/** Runs the hook's entry as pre-commit does: the entry's words, then the file names. */
function runEntry(cwd: string, files: string[]) {
  const [cmd, ...args] = hook.entry.split(" ");
  expect(cmd).toBe("gouvnum");
  return spawnSync(process.execPath, [join(ROOT, "bin/gouvnum.js"), ...args, ...files], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares the gouvnum hook for the pre-commit framework", () => {
    expect(Array.isArray(hooks)).toBe(true);
    expect(hook).toMatchObject({ id: "gouvnum", language: "node", entry: "gouvnum audit" });
    expect(typeof hook.name).toBe("string");
    // pre-commit's language `node` installs the package: its bin must be the entry's command.
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin.gouvnum).toBeDefined();
  });

  it("selects the territory's YAML files, not hidden files, CI files or the configuration", () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-pre-commit-"));
    cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
    mkdirSync(join(dir, ".github/workflows"), { recursive: true });
    writeFileSync(join(dir, ".github/workflows/gouvnum.yml"), "on: push\n");
    writeFileSync(join(dir, ".gitlab-ci.yml"), "audit:\n  script: [gouvnum audit]\n");
    writeFileSync(join(dir, ".pre-commit-config.yaml"), "repos: []\n");
    // Hidden files at the root are read by an audit of the whole territory unless ignored (as `init` writes it).
    const config = join(dir, "gouvnum.config.yaml");
    writeFileSync(config, readFileSync(config, "utf8") + 'ignore: [".gitlab-ci.yml", ".pre-commit-config.yaml"]\n');
    const chosen = selected(listFiles(dir));
    expect(chosen).toContain(`etablissements/${readdirSync(join(dir, "etablissements"))[0]}`);
    expect(chosen.filter((f) => f.startsWith(".") || f.includes("/.") || f.startsWith("gouvnum.config"))).toEqual([]);
    expect(chosen.length).toBe(listFiles(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith(".") && f !== "gouvnum.config.yaml").length);

    // All files at once (`pre-commit run --all-files`): the same exit code and findings as the audit of the whole territory.
    const all = runEntry(dir, chosen);
    const whole = spawnSync(process.execPath, [join(ROOT, "bin/gouvnum.js"), "audit"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(all.stderr).toBe("");
    expect(all.status).toBe(whole.status);
    expect(all.stdout).toBe(whole.stdout);
  });

  it("a commit of one changed file: only its findings, with the whole territory behind; an error blocks it", () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-pre-commit-"));
    cpSync(join(ROOT, "examples/minimal"), dir, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: dir });
    const ok = runEntry(dir, selected(["etablissements/0350017D.yaml"]));
    expect(ok.stdout).not.toContain("convention-manquante");
    expect(ok.stdout).not.toContain("reference-inconnue");
    expect(ok.status).toBe(0);
    // The collège now names a collectivité that does not exist: the hook fails on that file.
    const p = join(dir, "etablissements/0350017D.yaml");
    writeFileSync(p, readFileSync(p, "utf8").replace("collectivite: dep-35", "collectivite: dep-53"));
    const bad = runEntry(dir, selected([relative(dir, p)]));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("reference-inconnue");
    // Another file of the commit is judged on its own findings only.
    const other = runEntry(dir, selected(["collectivites/dep-35.yaml"]));
    expect(other.status).toBe(0);
  });
});
