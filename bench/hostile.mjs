#!/usr/bin/env node
// Bench: the hostile inputs of test/hostile.test.ts against their time target (2 s per case, 2.6 s for the
// 50,000-finding case), on this machine. The test suite runs the same cases with a 20 s hang guard only (timings
// belong in the bench: on a loaded machine a 2 s bound fails on speed alone); here the bound is the target.
// Run it on a quiet machine; the load average is printed beside the results.
//
//   node bench/hostile.mjs [--bound MS]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const i = process.argv.indexOf("--bound");
const bound = i > 0 ? Number(process.argv[i + 1]) : 2000;
if (!Number.isFinite(bound) || bound <= 0) {
  process.stderr.write("Utilisation : node bench/hostile.mjs [--bound MS]\n");
  process.exit(2);
}
const dir = mkdtempSync(join(os.tmpdir(), "gouvnum-hostile-"));
const out = join(dir, "vitest.json");
const load0 = os.loadavg().map((x) => x.toFixed(2)).join(" / ");
const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "test/hostile.test.ts", "--reporter=json", `--outputFile=${out}`], {
  cwd: ROOT,
  env: { ...process.env, GOUVNUM_HOSTILE_BOUND_MS: String(bound) },
  stdio: ["ignore", "ignore", "inherit"],
});
let report;
try {
  report = JSON.parse(readFileSync(out, "utf8"));
} catch {
  process.stderr.write(`bench : vitest n'a pas écrit son rapport (code ${r.status})\n`);
  process.exit(2);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const cases = report.testResults.flatMap((f) => f.assertionResults);
const fmt = (ms) => `${(ms / 1000).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`;
const rows = cases
  .filter((c) => c.status !== "skipped" && c.status !== "pending")
  .sort((a, b) => (b.duration ?? 0) - (a.duration ?? 0));
process.stdout.write(`Entrées hostiles, borne ${fmt(bound)} par cas (× 1,3 pour 50 000 constats) ; ${os.cpus().length} cœurs, Node ${process.version} ; charge ${load0} au début, ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")} à la fin.\n\n`);
process.stdout.write("| cas | durée | |\n| --- | ---: | --- |\n");
for (const c of rows) process.stdout.write(`| ${[...c.ancestorTitles.slice(1), c.title].join(" › ").replace(/\|/g, "\\|")} | ${fmt(c.duration ?? 0)} | ${c.status === "passed" ? "✓" : "✗"} |\n`);
const failed = rows.filter((c) => c.status !== "passed").length;
process.stdout.write(`\n${rows.length - failed} cas dans la borne, ${failed} hors borne ou en échec.\n`);
process.exit(failed ? 1 : 0);
