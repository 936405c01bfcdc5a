// Workers change nothing: the built binary gives byte-identical JSON with one thread and with two workers.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers.js";
import { uaiCheckLetter } from "../src/core/domain.js";
import { runAudit } from "../src/audit/engine.js";
import { FileCache } from "../src/audit/cache.js";
import { emptyConfig } from "../src/validate/config.js";

/** The Rennes example plus 600 variants of its établissements (new UAIs, some with a typo'd key). */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-par-"));
  cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
  const etabDir = join(ROOT, "examples/academie-exemple/etablissements");
  const models = readdirSync(etabDir).map((f) => [f.replace(".yaml", ""), readFileSync(join(etabDir, f), "utf8")] as const);
  mkdirSync(join(dir, "generes"));
  for (let i = 0; i < 600; i++) {
    const [uai, text] = models[i % models.length];
    const digits = String(350000 + 13 * i + 1).padStart(7, "0");
    const next = digits + uaiCheckLetter(digits);
    let out = text.split(uai).join(next);
    if (i % 50 === 0) out = out.replace("\nnom:", "\nnon:");
    writeFileSync(join(dir, "generes", `${next}.yaml`), out);
  }
  return dir;
}

describe("exécution parallèle", () => {
  it("--jobs 2 donne exactement les mêmes constats, positions comprises, que --jobs 1", async () => {
    const dir = corpus();
    const run = (jobs: string) =>
      execa("node", [join(ROOT, "bin/gouvnum.js"), "audit", dir, "-f", "json", "--jobs", jobs, "--fail-on", "never", "--date", "2026-09-01"], { cwd: dir });
    const [one, two] = await Promise.all([run("1"), run("2")]);
    const a = JSON.parse(one.stdout);
    expect(a.summary.documents).toBeGreaterThan(600);
    // Each typo gives two findings: the unknown key `non` and the missing `nom`.
    expect(a.findings.filter((f: { ruleId: string }) => f.ruleId === "schema").length).toBe(24);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it("--cache --jobs 2 : les fichiers absents du cache lus par les threads donnent les constats et le cache d'une exécution sur un seul thread", async () => {
    const dir = corpus();
    // Files last modified an hour ago, as in a checked-out repository: the cache trusts their metadata.
    const hourAgo = Date.now() / 1000 - 3600;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) utimesSync(join(e.parentPath, e.name), hourAgo, hourAgo);
    const cacheFile = join(dir, "..", `${dir.split("/").pop()}.cache`);
    const run = (...more: string[]) =>
      execa("node", [join(ROOT, "bin/gouvnum.js"), "audit", dir, "-f", "json", "--fail-on", "never", "--date", "2026-09-01", ...more], { cwd: dir });
    const plain = (await run("--jobs", "1")).stdout;
    // Cold: every file is a miss, read on two threads, stored in the cache.
    expect((await run("--jobs", "2", "--cache", "--cache-location", cacheFile)).stdout).toBe(plain);
    const stored = FileCache.inspect(readFileSync(cacheFile));
    expect(stored?.files.length).toBe(readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith(".yaml") && !String(n).startsWith("gouvnum.")).length);
    // The entries the threads wrote are whole: each one's digest recognises a file touched without change, and one
    // file changed is the only one read again.
    const etab = join(dir, "generes", readdirSync(join(dir, "generes"))[3]);
    const touched = join(dir, "generes", readdirSync(join(dir, "generes"))[7]);
    writeFileSync(etab, readFileSync(etab, "utf8").replace("\nnom:", "\nnon:"));
    utimesSync(touched, new Date(), new Date());
    const cache = new FileCache(stored!.key, readFileSync(cacheFile));
    const opts = { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir), values: "facts" as const };
    const warm = await runAudit([dir], { ...opts, cache });
    expect([cache.hits, cache.hashHits, cache.misses]).toEqual([stored!.files.length - 2, 1, 1]);
    const cold = await runAudit([dir], opts);
    expect(JSON.stringify(warm.findings)).toBe(JSON.stringify(cold.findings));
    // And through the binary: the re-run with two threads prints what a plain run prints.
    expect((await run("--jobs", "2", "--cache", "--cache-location", cacheFile)).stdout).toBe((await run("--jobs", "1")).stdout);
  }, 90_000);

  it("une session (lsp, --watch) lit son premier passage sur deux threads : mêmes constats qu'un seul thread, puis les modifications", async () => {
    const dir = corpus();
    // The built modules: worker threads run compiled code (from the sources, every run stays on one thread).
    const { AuditSession } = (await import(pathToFileURL(join(ROOT, "dist/audit/session.js")).href)) as typeof import("../src/audit/session.js");
    const options = { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir) };
    const shape = (r: { findings: Array<{ ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }> }) =>
      r.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.endLine, f.endColumn, f.message].join("|"));
    const two = new AuditSession(["."], { ...options, jobs: 2 });
    const one = new AuditSession(["."], { ...options, jobs: 1 });
    const [a, b] = [await two.run(), await one.run()];
    expect(a.result.summary.documents).toBeGreaterThan(600);
    expect(shape(a.result)).toEqual(shape(b.result));
    // An edit in the editor after a first run read by the threads: what a fresh session gives on the same buffer.
    const etab = join(dir, "generes", readdirSync(join(dir, "generes"))[5]);
    const edited = readFileSync(etab, "utf8").replace("\nnom:", "\nnon:");
    two.setBuffer(etab, edited);
    const after = await two.run();
    expect(after.change.added.length).toBeGreaterThan(0);
    const fresh = new AuditSession(["."], { ...options, jobs: 1 });
    fresh.setBuffer(etab, edited);
    expect(shape(after.result)).toEqual(shape((await fresh.run()).result));
  }, 90_000);
});
