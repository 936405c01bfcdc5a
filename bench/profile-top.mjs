#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): top functions by self time, and by file (URL) — the
// numbers behind docs/performance.md's « pourquoi » paragraphs. Not part of the test suite.
//
//   node bench/profile-top.mjs FILE.cpuprofile [--top N] [--by-file] [--inclusive PATTERN]
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const incAt = args.indexOf("--inclusive");
const inclusive = incAt >= 0 ? new RegExp(args[incAt + 1]) : undefined;
const chAt = args.indexOf("--children");
const children = chAt >= 0 ? new RegExp(args[chAt + 1]) : undefined;
if (!file) {
  process.stderr.write("Utilisation : node bench/profile-top.mjs FICHIER.cpuprofile [--top N] [--by-file] [--inclusive MOTIF] [--children MOTIF]\n");
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Sample durations: timeDeltas[i] is the time before sample i.
const selfUs = new Map();
for (let i = 0; i < p.samples.length; i++) {
  const d = p.timeDeltas[i + 1] ?? 0;
  selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + Math.max(0, d));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const short = (url) => url.replace(/^file:\/\/.*?\/(node_modules|dist|src|bench)\//, "$1/").replace(/^node:/, "node:");
const label = (cf) => `${cf.functionName || "(anonyme)"} ${short(cf.url)}:${cf.lineNumber + 1}`;
const agg = new Map();
const byFile = new Map();
for (const [id, us] of selfUs) {
  const cf = byId.get(id).callFrame;
  const k = label(cf);
  agg.set(k, (agg.get(k) ?? 0) + us);
  const f = cf.url ? short(cf.url) : `(${cf.functionName})`;
  byFile.set(f, (byFile.get(f) ?? 0) + us);
}
const ms = (us) => (us / 1000).toFixed(1).padStart(8);
const out = [`total échantillonné : ${(total / 1000).toFixed(0)} ms (${p.samples.length} échantillons)`, "", "temps propre, par fonction :"];
for (const [k, us] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${ms(us)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
if (args.includes("--by-file")) {
  out.push("", "temps propre, par fichier :");
  for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${ms(us)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}
if (inclusive) {
  // Inclusive time of each function matching the pattern (a sample counts once per function on its stack).
  const inc = new Map();
  for (const [id, us] of selfUs) {
    const hits = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const l = label(byId.get(n).callFrame);
      if (inclusive.test(l)) hits.add(l);
    }
    for (const hit of hits) inc.set(hit, (inc.get(hit) ?? 0) + us);
  }
  out.push("", `temps inclusif (${inclusive}) :`);
  for (const [k, us] of [...inc].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${ms(us)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}
if (children) {
  // Inclusive time under the first frame matching the pattern, split by the function it called (self time: « (soi) »).
  const inc = new Map();
  let under = 0;
  for (const [id, us] of selfUs) {
    const stack = [];
    for (let n = id; n !== undefined; n = parent.get(n)) stack.push(n);
    const at = stack.findLastIndex((n) => children.test(label(byId.get(n).callFrame)));
    if (at < 0) continue;
    under += us;
    const k = at === 0 ? "(soi)" : label(byId.get(stack[at - 1]).callFrame);
    inc.set(k, (inc.get(k) ?? 0) + us);
  }
  out.push("", `sous ${children} : ${(under / 1000).toFixed(0)} ms, par fonction appelée :`);
  for (const [k, us] of [...inc].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${ms(us)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}
process.stdout.write(out.join("\n") + "\n");
