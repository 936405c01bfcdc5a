#!/usr/bin/env node
// Bench: a run that keeps only each document's facts (`values: "facts"`, what `gouvnum audit` and `validate` do)
// against one that keeps the whole values, on the same corpus, each in its own process: the findings (positions and
// messages included), the summary and the indicators of `-f json` must be identical; prints one JSON line with both runs' wall, CPU and peak
// memory. The test suite checks the same on the académie corpus (test/facts.test.ts); this is the national check.
//
//   node bench/facts-check.mjs DIR
//   node bench/facts-check.mjs DIR --values keep|facts --out FILE   (one run, in this process)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const dir = resolve(process.argv[2] ?? ".");
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

if (arg("--values")) {
  const { runAudit } = await import(pathToFileURL(join(root, "dist/audit/engine.js")).href);
  const { emptyConfig } = await import(pathToFileURL(join(root, "dist/validate/config.js")).href);
  const { indicatorsOf } = await import(pathToFileURL(join(root, "dist/report/sections/evolution.js")).href);
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await runAudit(["."], { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir), values: arg("--values") });
  const c = process.cpuUsage(c0);
  const wall = (performance.now() - w0) / 1000;
  // The peak of the run itself, before the findings are written out for the comparison.
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // The indicators too: `audit -f json` writes them, from the same territory.
  writeFileSync(arg("--out"), JSON.stringify({ findings: r.findings, summary: r.summary, indicators: indicatorsOf(r) }));
  process.stdout.write(JSON.stringify({ wall, cpu: (c.user + c.system) / 1e6, maxRssMb }) + "\n");
} else {
  const scratch = mkdtempSync(join(tmpdir(), "gouvnum-facts-check-"));
  const one = (values) => {
    const out = join(scratch, `${values}.json`);
    const r = spawnSync(process.execPath, [join(root, "bench", "facts-check.mjs"), dir, "--values", values, "--out", out], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`facts-check (${values}) : code de sortie ${r.status}\n${(r.stderr ?? "").slice(0, 4000)}`);
    return { ...JSON.parse(r.stdout), text: readFileSync(out, "utf8") };
  };
  try {
    const keep = one("keep");
    const facts = one("facts");
    const identical = keep.text === facts.text;
    const findings = JSON.parse(facts.text).findings.length;
    delete keep.text;
    delete facts.text;
    process.stdout.write(JSON.stringify({ identical, findings, keep, facts }) + "\n");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
