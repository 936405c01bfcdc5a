// --cache: a re-run parses only changed files and gives exactly the findings of a cold run, cross-file ones included.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAudit } from "../src/audit/engine.js";
import { FileCache } from "../src/audit/cache.js";
import { emptyConfig } from "../src/validate/config.js";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

/** The example territory; with `slow`, every file also carries a block scalar, so the reference parser reads it. */
function territory(slow = false): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-cache-"));
  cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
  if (slow) {
    for (const sub of [".", "collectivites", "etablissements", "conventions"]) {
      for (const name of readdirSync(join(dir, sub)).filter((n) => n.endsWith(".yaml") && !n.startsWith("gouvnum."))) {
        const f = join(dir, sub, name);
        // One document per file here; a note in a literal block is outside the block path's subset.
        writeFileSync(f, readFileSync(f, "utf8").replace(/\n---\n/g, "\nx_note: |\n  relu\n---\n") + "x_note: |\n  relu à la main\n");
      }
    }
  }
  return dir;
}

const args = (dir: string, ...more: string[]) => ["audit", dir, "-f", "json", "--fail-on", "never", "--date", "2026-09-01", ...more];

describe("--cache", () => {
  it("deuxième exécution identique ; après une modification qui touche d'autres fichiers, identique à une exécution à froid", async () => {
    const dir = territory(true);
    const cache = join(dir, "cache.bin");
    const cold = await cli(args(dir));
    const first = await cli(args(dir, "--cache", "--cache-location", cache));
    const second = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(first.stdout).toBe(cold.stdout);
    expect(second.stdout).toBe(cold.stdout);
    // Removing the département makes the collèges' references dangle: findings in files that did not change.
    rmSync(join(dir, "collectivites", "dep-35.yaml"));
    const afterCold = await cli(args(dir));
    const afterCached = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(afterCached.stdout).toBe(afterCold.stdout);
    expect(JSON.parse(afterCached.stdout).findings.some((f: { ruleId: string }) => f.ruleId === "reference-inconnue")).toBe(true);
    // Editing a file: its new content is read.
    const f = join(dir, "academie.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("kind: academie", "kind: academie\ncle_inconnue: 1"));
    const edited = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(edited.stdout).toBe((await cli(args(dir))).stdout);
  });

  it("n'analyse à nouveau que les fichiers modifiés", async () => {
    const dir = territory(true);
    const opts = { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir) };
    const c1 = new FileCache("k");
    await runAudit(["."], { ...opts, cache: c1 });
    expect(c1.hits).toBe(0);
    const n = c1.misses;
    const c2 = new FileCache("k", c1.serialize());
    writeFileSync(join(dir, "academie.yaml"), readFileSync(join(dir, "academie.yaml"), "utf8") + "\n# modifié\n");
    await runAudit(["."], { ...opts, cache: c2 });
    expect(c2.misses).toBe(1);
    expect(c2.hits).toBe(n - 1);
    // Another key (another version, schema or limit) invalidates everything.
    const c3 = new FileCache("autre", c2.serialize());
    await runAudit(["."], { ...opts, cache: c3 });
    expect(c3.hits).toBe(0);
  });

  it("ne garde pas les fichiers que le chemin par blocs lit plus vite que le cache ne les rend", async () => {
    const dir = territory();
    const opts = { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir) };
    const c1 = new FileCache("k");
    await runAudit(["."], { ...opts, cache: c1 });
    const c2 = new FileCache("k", c1.serialize());
    const again = await runAudit(["."], { ...opts, cache: c2 });
    expect(c2.hits).toBe(0);
    expect(again.summary.documents).toBeGreaterThan(20);
    expect(c1.serialize().length).toBeLessThan(200);
  });

  it("un cache abîmé est reconstruit sans erreur", async () => {
    const dir = territory();
    const cache = join(dir, "cache.bin");
    writeFileSync(cache, "pas un cache");
    const r = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await cli(args(dir))).stdout);
  });
});
