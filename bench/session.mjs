#!/usr/bin/env node
// Bench: the watch / language-server re-check after one change, in process, as `gouvnum lsp` and `--watch` run it:
// an `AuditSession` (dist/audit/session.js) audits the territory once, then an établissement's buffer is edited (a
// change that moves findings) and `session.run()` is timed, wall and CPU, edit after edit. The findings after the
// edit are compared with those of a new session's first (full) run on the same buffer. Prints one JSON line.
//
//   node bench/session.mjs DIR [--runs N] [--profile FILE.cpuprofile]
//
// --profile: the timed re-checks alone (not the first run, not the comparison) profiled with the inspector, written
// to FILE (bench/phases.mjs reads it).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const dir = resolve(process.argv[2] ?? ".");
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 10;
const profileAt = process.argv.indexOf("--profile");
const profileFile = profileAt > 0 ? resolve(process.argv[profileAt + 1]) : undefined;

const { AuditSession } = await import(pathToFileURL(join(root, "dist/audit/session.js")).href);
const { emptyConfig } = await import(pathToFileURL(join(root, "dist/validate/config.js")).href);

/** The first établissement file (in name order) whose `statut: public` can be edited. */
function pickEtablissement() {
  for (const acad of readdirSync(dir).sort()) {
    const d = join(dir, acad, "etablissements");
    let names;
    try {
      names = readdirSync(d).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const f = join(d, n);
      const text = readFileSync(f, "utf8");
      if (n.endsWith(".yaml") && text.includes("statut: public\n")) return { file: f, text };
    }
  }
  throw new Error("aucun établissement public à modifier");
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const options = { today: "2026-09-01", cwd: dir, config: emptyConfig(dir) };
const session = new AuditSession(["."], options);
let w0 = performance.now();
let c0 = cpu();
await session.run();
const first = { wall: (performance.now() - w0) / 1000, cpu: cpu() - c0 };

const { file, text } = pickEtablissement();
// Two edits in turn: the établissement becomes private (its conventions' findings move), then public again.
const edits = [text.replace("statut: public\n", "statut: prive\n"), text];
const times = [];
let changed = 0;
let inspector;
if (profileFile) {
  const { Session } = await import("node:inspector/promises");
  inspector = new Session();
  inspector.connect();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.start");
}
for (let i = 0; i < runs; i++) {
  session.setBuffer(file, edits[i % 2]);
  w0 = performance.now();
  c0 = cpu();
  const { change } = await session.run();
  times.push({ wall: (performance.now() - w0) / 1000, cpu: cpu() - c0 });
  changed += change.added.length + change.removed.length;
}
if (inspector) {
  const { profile } = await inspector.post("Profiler.stop");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(profileFile, JSON.stringify(profile));
  inspector.disconnect();
}
// The last edit left the buffer at edits[(runs - 1) % 2]: a new session's full run on it must agree.
const fresh = new AuditSession(["."], options);
fresh.setBuffer(file, edits[(runs - 1) % 2]);
const full = await fresh.run();
const identical = JSON.stringify(full.result.findings) === JSON.stringify(session.result.findings);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
process.stdout.write(
  JSON.stringify({
    file: file.slice(dir.length + 1),
    first,
    wall: median(times.map((t) => t.wall)),
    cpu: median(times.map((t) => t.cpu)),
    runs: times.map((t) => +t.wall.toFixed(4)),
    cpuRuns: times.map((t) => +t.cpu.toFixed(4)),
    changedFindings: changed,
    identical,
    findings: session.result.findings.length,
  }) + "\n",
);
