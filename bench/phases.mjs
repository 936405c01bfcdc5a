#!/usr/bin/env node
// Splits a V8 .cpuprofile of a gouvnum run (node --cpu-prof) into the phases of a run — start-up, discovering files,
// reading them, parsing, validating, the cache, the model, the rules, positions, output, garbage collection — by the
// innermost known function on each sample's stack. What `npm run bench -- --profile` prints beside a missed target,
// and the numbers behind docs/performance.md. Not part of the test suite.
//
//   node bench/phases.mjs FILE.cpuprofile [--json]
import { readFileSync } from "node:fs";

/** Phases, tried from the sampled function up its callers: the first (innermost) match names the sample's phase. */
const PHASES = [
  ["ramasse-miettes", (fn) => fn === "(garbage collector)"],
  ["validation (schémas)", (fn, url) => /validators\.cjs$/.test(url) || /^validateDocument$/.test(fn)],
  ["commentaires gouvnum-ignore", (fn) => fn === "findSuppressions"],
  ["analyse YAML", (fn) => fn === "parseFile"],
  ["décodage UTF-8", (fn, url) => fn === "decode" && /encoding|source/.test(url)],
  ["lecture des fichiers (open, fstat, read, close)", (fn) => /^(readInput|readBounded)$/.test(fn)],
  ["cache : reprise (stat, désérialisation)", (fn) => /^(lookup|revive|statOf)$/.test(fn)],
  ["cache : écriture", (fn) => /^(store|serialize|pieces|openCache|cacheKey)$/.test(fn) || fn === "FileCache"],
  ["découverte des fichiers", (fn) => /^(discoverFiles|walk)$/.test(fn)],
  ["indicateurs (-f json)", (fn) => /^(indicatorsOf|territoryIndicators)$/.test(fn)],
  ["sortie (format, empreintes)", (fn, url) => (/^(format|fingerprint|writeBytes)$/.test(fn) && !/node:/.test(url)) || /formatters|json-|baseline-/.test(url)],
  ["positions des constats", (fn) => /^(locateAll|locate|locateRange)$/.test(fn)],
  ["modèle (Territory)", (fn) => fn === "Territory"],
  ["règles", (fn) => fn === "check" || /^(applySuppressions|affectedDocuments|restrictedTerritory)$/.test(fn)],
  ["moteur (boucle sur les fichiers et documents)", (fn) => /^(ingest|runAudit|computeHere|readHere|processFile)$/.test(fn)],
  ["démarrage : ligne de commande (commander, aide)", (fn) => /^(buildProgram|outputHelp|helpInformation)$/.test(fn)],
  ["démarrage : évaluation des modules", (fn, url, line) => fn === "" && line === 0 && /\/(dist|node_modules)\//.test(url)],
  ["démarrage : chargement des modules (résolution, lecture, compilation)", (fn, url) => /^node:internal\/modules\//.test(url)],
  ["démarrage : amorçage de Node", (fn, url) => /^node:internal\/(bootstrap|process\/pre_execution|main)\//.test(url)],
];

export function phasesOf(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const phaseOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    const { functionName: fn, url, lineNumber } = byId.get(id).callFrame;
    let phase = PHASES.find(([, test]) => test(fn, url, lineNumber))?.[0];
    if (!phase) {
      const up = parent.get(id);
      phase = up === undefined ? "autre" : phaseOf(up);
    }
    memo.set(id, phase);
    return phase;
  };
  const ms = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const { functionName: fn } = byId.get(id).callFrame;
    if (fn === "(idle)" || fn === "(program)") continue; // waiting, or V8 outside JavaScript: not the run's work
    const d = Math.max(0, profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += d;
    const p = phaseOf(id);
    ms.set(p, (ms.get(p) ?? 0) + d);
  }
  return { totalMs: total, phases: [...ms].sort((a, b) => b[1] - a[1]).map(([phase, t]) => ({ phase, ms: +t.toFixed(1) })) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("Utilisation : node bench/phases.mjs FICHIER.cpuprofile [--json]\n");
    process.exit(2);
  }
  const r = phasesOf(JSON.parse(readFileSync(file, "utf8")));
  if (process.argv.includes("--json")) process.stdout.write(JSON.stringify(r) + "\n");
  else {
    process.stdout.write(`${Math.round(r.totalMs)} ms échantillonnées (hors attente)\n`);
    for (const p of r.phases) process.stdout.write(`${String(Math.round(p.ms)).padStart(6)} ms ${String(Math.round((100 * p.ms) / r.totalMs)).padStart(3)} %  ${p.phase}\n`);
  }
}
