#!/usr/bin/env node
// Bench: one run that generates (or reuses) the académie and national corpora, measures gouvnum
// against ajv-cli and the parse floor on the same files, the `--cache` re-run and the watch / language-server
// re-check after one change, prints a Markdown table with the targets of issue 18 (wall and CPU time side by side),
// and writes bench/results.json. Nothing here is part of the test suite.
//
//   node bench/run.mjs [--seed N] [--scale academie|national|all] [--repeat N] [--no-build] [--no-cache-check] [--profile]
//
// --profile: each missed target's command is run once more under `node --cpu-prof` and its CPU time split into the
// phases of a run (bench/phases.mjs); the split is printed under the table and kept in results.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, generatorHash } from "./corpus.mjs";
import { phasesOf } from "./phases.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS_ROOT = join(ROOT, "bench", ".corpus");
const OUT = join(CORPUS_ROOT, "out");
const NODE = process.execPath;
const GOUVNUM = join(ROOT, "bin", "gouvnum.js");
const AJV = join(ROOT, "node_modules", ".bin", "ajv");
const KINDS = ["academie", "collectivite", "etablissement", "convention"];
const GROUP_A_BLOCKING = new Set(["schema", "yaml-syntaxe", "reference-inconnue"]);

// ---------------------------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const o = { seed: 1, scale: "all", repeat: undefined, build: true, cacheCheck: true, cacheArgs: undefined, helpRuns: 20, sessionRuns: 10, profile: false, json: join(ROOT, "bench", "results.json") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === "--seed") o.seed = Number(v());
    else if (a === "--scale") o.scale = v();
    else if (a === "--repeat") o.repeat = Number(v());
    else if (a === "--no-build") o.build = false;
    else if (a === "--no-cache-check") o.cacheCheck = false;
    else if (a === "--profile") o.profile = true;
    else if (a === "--cache-args") o.cacheArgs = v().split(/\s+/).filter(Boolean);
    else if (a === "--help-runs") o.helpRuns = Number(v());
    else if (a === "--session-runs") o.sessionRuns = Number(v());
    else if (a === "--json") o.json = resolve(v());
    else if (a === "-h" || a === "--help") {
      process.stdout.write(
        "Utilisation : node bench/run.mjs [--seed N] [--scale academie|national|all] [--repeat N] [--no-build] [--no-cache-check] [--profile] [--json FICHIER]\n" +
          "  --repeat N   répétitions de chaque mesure, médiane retenue (défaut : 3 pour academie, 1 pour national)\n" +
          "  --no-build   mesure dist/ tel quel (sinon node scripts/build.mjs d'abord)\n" +
          "  --cache-args \"…\"  options du cache passées à gouvnum audit (défaut : --cache, plus --cache-location si l'aide la propose)\n" +
          "  --session-runs N  modifications chronométrées du recontrôle incrémental (AuditSession ; défaut : 10)\n" +
          "  --profile    chaque objectif manqué : sa commande relancée sous node --cpu-prof, temps CPU par phase (bench/phases.mjs)\n",
      );
      process.exit(0);
    } else throw new Error(`option inconnue : ${a}`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0) throw new Error("--seed attend un entier positif");
  if (!["academie", "national", "all"].includes(o.scale)) throw new Error("--scale : academie, national ou all");
  return o;
}

const log = (s) => process.stderr.write(`[bench] ${s}\n`);

// ---------------------------------------------------------------------------------------------
// Measuring a child process: wall time (hrtime), CPU time and peak memory (GNU time, else a
// preloaded hook that reports process.resourceUsage() — node children only).

const GNU_TIME = (() => {
  if (!existsSync("/usr/bin/time")) return undefined;
  const r = spawnSync("/usr/bin/time", ["-f", "%e", "true"], { encoding: "utf8" });
  return r.status === 0 ? "/usr/bin/time" : undefined;
})();
const RUSAGE_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    "import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();" +
      "writeFileSync(process.env.BENCH_RUSAGE_FILE,JSON.stringify({user:u.userCPUTime/1e6,sys:u.systemCPUTime/1e6,maxRssKB:u.maxRSS}))});",
  );

/**
 * Runs `node <script> ...args`, stdout to `stdoutFile` (or discarded). Returns wall/CPU seconds and peak RSS.
 * `script` may be a JS file or a `.bin` shim pointing to one.
 */
function measure(script, args, { cwd = ROOT, stdoutFile, nodeArgs = [] } = {}) {
  mkdirSync(OUT, { recursive: true });
  const timeFile = join(OUT, `.time-${process.pid}.txt`);
  rmSync(timeFile, { force: true });
  const fd = stdoutFile ? openSync(stdoutFile, "w") : "ignore";
  const env = { ...process.env, NO_COLOR: "1" };
  let cmd;
  let argv;
  if (GNU_TIME) {
    cmd = GNU_TIME;
    argv = ["-f", "%e %U %S %M", "-o", timeFile, NODE, ...nodeArgs, script, ...args];
  } else {
    cmd = NODE;
    argv = ["--import", RUSAGE_HOOK, ...nodeArgs, script, ...args];
    env.BENCH_RUSAGE_FILE = timeFile;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, env, stdio: ["ignore", fd, "pipe"], maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (typeof fd === "number") closeSync(fd);
  let user = NaN;
  let sys = NaN;
  let maxRssKB = NaN;
  if (existsSync(timeFile)) {
    const text = readFileSync(timeFile, "utf8").trim();
    if (GNU_TIME) {
      // GNU time prefixes "Command exited with non-zero status N" when the child fails.
      const last = text.split("\n").pop().trim().split(/\s+/).map(Number);
      [, user, sys, maxRssKB] = last;
    } else ({ user, sys, maxRssKB } = JSON.parse(text));
    rmSync(timeFile, { force: true });
  }
  return { wall, user, sys, cpu: user + sys, maxRssMB: maxRssKB / 1024, code: r.status, stderr: r.stderr ?? "" };
}

/** Median of `n` measurements (by wall time); keeps the peak memory of the median run. */
function measureN(n, fn) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(fn(i));
  const sorted = [...runs].sort((a, b) => a.wall - b.wall);
  const med = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...med, runs: runs.map((r) => +r.wall.toFixed(3)) };
}

// ---------------------------------------------------------------------------------------------
// Corpora.

function ensureCorpus(scale, seed) {
  const dir = join(CORPUS_ROOT, `${scale}-${seed}`);
  const manifestFile = join(dir, ".corpus.json");
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8"));
    if (m.scale === scale && m.seed === seed && m.generator === generatorHash()) {
      log(`corpus ${scale} (graine ${seed}) réutilisé : ${m.documents} documents`);
      return { dir, manifest: m };
    }
  }
  log(`génération du corpus ${scale} (graine ${seed})…`);
  const m = generate({ scale, seed, out: dir });
  log(`  ${m.files} fichiers, ${m.documents} documents, ${(m.bytes / 1e6).toFixed(1)} Mo en ${m.seconds.toFixed(1)} s`);
  return { dir, manifest: m };
}

/**
 * ajv-cli reads one document per file (js-yaml `safeLoad`): the multi-document files of the corpus
 * are split, document by document, into a mirror folder; every other file is validated in place.
 */
function ajvSplit(corpusDir) {
  const splitDir = `${corpusDir}.ajv-split`;
  const stamp = join(splitDir, ".stamp");
  const manifest = readFileSync(join(corpusDir, ".corpus.json"), "utf8");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === manifest) return splitDir;
  rmSync(splitDir, { recursive: true, force: true });
  mkdirSync(splitDir, { recursive: true });
  for (const acad of readdirSync(corpusDir).sort()) {
    const groupDir = join(corpusDir, acad, "conventions", "groupees");
    if (!existsSync(groupDir)) continue;
    mkdirSync(join(splitDir, acad), { recursive: true });
    for (const f of readdirSync(groupDir).sort()) {
      const parts = readFileSync(join(groupDir, f), "utf8").split(/^---\s*$/m).filter((p) => /^kind:/m.test(p));
      parts.forEach((p, i) => writeFileSync(join(splitDir, acad, `${f.replace(/\.ya?ml$/, "")}.${i + 1}.yaml`), p.replace(/^\n/, "")));
    }
  }
  writeFileSync(stamp, manifest);
  return splitDir;
}

function ajvGlobs(corpusDir, splitDir) {
  return {
    academie: [`${corpusDir}/*/academie.yaml`],
    collectivite: [`${corpusDir}/*/collectivites/*.yaml`],
    etablissement: [`${corpusDir}/*/etablissements/*.yaml`],
    convention: [`${corpusDir}/*/conventions/*.yaml`, `${splitDir}/*/*.yaml`],
  };
}

// ---------------------------------------------------------------------------------------------
// The runs.

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

function countByRule(findings) {
  const c = {};
  for (const f of findings) c[f.ruleId] = (c[f.ruleId] ?? 0) + 1;
  return c;
}

/** `before` runs before each repetition, outside the measure (e.g. to put the cache back as it was). */
function gouvnum(mode, dir, n, tag, extra = [], cwd = ROOT, before = undefined) {
  const out = join(OUT, `${tag}.json`);
  const m = measureN(n, () => (before?.(), measure(GOUVNUM, [mode, dir, "-f", "json", "--fail-on", "never", ...extra], { cwd, stdoutFile: out })));
  if (m.code !== 0) throw new Error(`gouvnum ${mode} ${relative(ROOT, dir)} : code de sortie ${m.code}\n${m.stderr.slice(0, 4000)}`);
  const j = readJson(out);
  const byRule = countByRule(j.findings);
  const blocking = Object.entries(byRule).filter(([id]) => GROUP_A_BLOCKING.has(id));
  return { ...m, out, summary: j.summary, findings: j.findings.length, byRule, blocking: Object.fromEntries(blocking) };
}

/** `gouvnum report` of a corpus in one format, written under bench/.out; the file's size is kept. */
function gouvnumReport(dir, n, tag, format) {
  const out = join(OUT, `${tag}.${format}`);
  const m = measureN(n, () => measure(GOUVNUM, ["report", dir, "--format", format, "-o", out, "--force", "--quiet"]));
  if (m.code !== 0) throw new Error(`gouvnum report ${relative(ROOT, dir)} : code de sortie ${m.code}\n${m.stderr.slice(0, 4000)}`);
  return { ...m, bytes: statSync(out).size };
}

function parseFloor(dir, n) {
  const out = join(OUT, "parse-floor.json");
  const m = measureN(n, () => measure(join(ROOT, "bench", "parse-floor.mjs"), [dir], { stdoutFile: out }));
  if (m.code !== 0) throw new Error(`parse-floor : code de sortie ${m.code}\n${m.stderr.slice(0, 4000)}`);
  return { ...m, result: JSON.parse(readFileSync(out, "utf8")) };
}

function ajvCli(corpusDir, n) {
  const splitDir = ajvSplit(corpusDir);
  const globs = ajvGlobs(corpusDir, splitDir);
  const perKind = {};
  let valid = 0;
  let invalid = 0;
  for (const kind of KINDS) {
    const out = join(OUT, `ajv-${kind}.txt`);
    const args = ["validate", "--spec=draft2020", "-s", `schemas/${kind}.schema.json`, "-r", "schemas/defs.schema.json", "-c", "./bench/ajv-formats.cjs", ...globs[kind].flatMap((g) => ["-d", g]), "--all-errors", "--allow-union-types", "--errors=line"];
    const m = measureN(n, () => measure(AJV, args, { stdoutFile: out }));
    const lines = readFileSync(out, "utf8").split("\n").filter((l) => l.endsWith(" valid")).length;
    const bad = (m.stderr.match(/ invalid$/gm) ?? []).length;
    if (m.code !== 0 && bad === 0) throw new Error(`ajv-cli (${kind}) : code de sortie ${m.code}\n${m.stderr.slice(0, 4000)}`);
    valid += lines;
    invalid += bad;
    perKind[kind] = { wall: m.wall, cpu: m.cpu, maxRssMB: m.maxRssMB, valid: lines, invalid: bad };
  }
  const ks = Object.values(perKind);
  return {
    wall: ks.reduce((s, k) => s + k.wall, 0),
    cpu: ks.reduce((s, k) => s + k.cpu, 0),
    maxRssMB: Math.max(...ks.map((k) => k.maxRssMB)),
    valid,
    invalid,
    perKind,
  };
}

function startup(n) {
  const run = (args) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(NODE, args, { cwd: ROOT, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} : code de sortie ${r.status}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  run([GOUVNUM, "--help"]); // warm the file cache
  run(["-e", ""]);
  // Alternated, so that both medians see the same load (one after the other, a load that changes in between skews the ratio).
  const help = [];
  const bare = [];
  for (let i = 0; i < n; i++) {
    help.push(run([GOUVNUM, "--help"]));
    bare.push(run(["-e", ""]));
  }
  return { helpMs: median(help), nodeMs: median(bare), runs: help.map((x) => Math.round(x)) };
}

/** The options of `gouvnum audit` as printed by its help, to know whether `--cache` exists yet. */
function auditHelp() {
  const r = spawnSync(NODE, [GOUVNUM, "audit", "--help"], { cwd: ROOT, encoding: "utf8" });
  return r.stdout ?? "";
}

/** The cache file the runs write: `--cache-location`, else `.gouvnum-cache` in their working directory. */
function cacheFileOf(scratch, extra) {
  const at = extra.indexOf("--cache-location");
  return at >= 0 ? resolve(scratch, extra[at + 1]) : join(scratch, ".gouvnum-cache");
}

/** Picks a file whose change moves findings across files: an EPLE convention that stops being one. */
function pickFileToChange(corpusDir) {
  for (const acad of readdirSync(corpusDir).sort()) {
    const dir = join(corpusDir, acad, "conventions");
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith(".yaml")) continue;
      const text = readFileSync(join(dir, f), "utf8");
      if (text.includes("type: eple_collectivite\n")) return { file: join(dir, f), before: text, after: text.replace("type: eple_collectivite\n", "type: autre\n") };
    }
  }
  throw new Error("aucune convention eple_collectivite à modifier");
}

/**
 * `--cache`: a first run from no cache (it writes the cache), then, after one change, a run from that cache; each
 * repeated `n` times from the same starting point (median kept), then a run without cache for the findings.
 */
function cacheRerun(corpusDir, help, cacheArgs, n, profile = false) {
  const scratch = join(CORPUS_ROOT, `cache-${relative(CORPUS_ROOT, corpusDir)}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  rmSync(join(corpusDir, ".gouvnum-cache"), { recursive: true, force: true });
  const extra = cacheArgs ? [...cacheArgs] : ["--cache"];
  if (!cacheArgs && /--cache-location\b/.test(help)) extra.push("--cache-location", join(scratch, ".gouvnum-cache"));
  const tag = relative(CORPUS_ROOT, corpusDir);
  // From a scratch working directory: a cache kept in the working directory lands there.
  const cacheFile = cacheFileOf(scratch, extra);
  const cold = gouvnum("audit", corpusDir, n, `${tag}-cache-cold`, extra, scratch, () => rmSync(cacheFile, { force: true }));
  const first = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const change = pickFileToChange(corpusDir);
  const restore = () => writeFileSync(change.file, change.before);
  process.once("SIGINT", () => (restore(), process.exit(130)));
  let warm;
  let reference;
  try {
    writeFileSync(change.file, change.after);
    warm = gouvnum("audit", corpusDir, n, `${tag}-cache-warm`, extra, scratch, () => first && writeFileSync(cacheFile, first));
    if (profile) {
      const args = ["audit", corpusDir, "-f", "json", "--fail-on", "never", ...extra];
      warm.profile = profileRun(`${tag}-cache-warm`, GOUVNUM, args, { cwd: scratch, before: () => first && writeFileSync(cacheFile, first) });
    }
    reference = gouvnum("audit", corpusDir, 1, `${tag}-cache-reference`, [], scratch);
  } finally {
    restore();
  }
  const a = readJson(warm.out);
  const b = readJson(reference.out);
  const identical = JSON.stringify(a.findings) === JSON.stringify(b.findings) && JSON.stringify(a.summary) === JSON.stringify(b.summary);
  rmSync(join(corpusDir, ".gouvnum-cache"), { recursive: true, force: true });
  return {
    changed: relative(corpusDir, change.file),
    cacheBytes: first?.length,
    cold: pick(cold),
    warm: { ...pick(warm), ...(warm.profile ? { profile: warm.profile } : {}) },
    reference: pick(reference),
    identical,
    findingsDelta: b.findings.length - readJson(cold.out).findings.length,
  };
}

/**
 * The watch / language-server re-check after one change: bench/session.mjs in its own process (see there). With
 * `profileTag`, the timed re-checks (and only they) are profiled too.
 */
/** bench/facts-check.mjs: the engine keeping only facts against keeping whole values, each in its own process. */
function factsCheck(corpusDir) {
  const r = spawnSync(NODE, [join(ROOT, "bench", "facts-check.mjs"), corpusDir], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`facts-check.mjs : code de sortie ${r.status}\n${(r.stderr ?? "").slice(0, 4000)}`);
  return JSON.parse(r.stdout);
}

function sessionRecheck(corpusDir, runs, profileTag) {
  const profileFile = profileTag ? join(OUT, `profil-${profileTag}.cpuprofile`) : undefined;
  const extra = profileFile ? ["--profile", profileFile] : [];
  const r = spawnSync(NODE, [join(ROOT, "bench", "session.mjs"), corpusDir, "--runs", String(runs), ...extra], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`session.mjs : code de sortie ${r.status}\n${(r.stderr ?? "").slice(0, 4000)}`);
  const out = JSON.parse(r.stdout.trim().split("\n").pop());
  if (profileFile) out.profile = { ...phasesOf(JSON.parse(readFileSync(profileFile, "utf8"))), perRun: runs };
  return out;
}

/**
 * One more run of `node <script> args` under `--cpu-prof`: its CPU time by phase (bench/phases.mjs), every thread's
 * profile added up (worker threads write their own). `before` runs first, outside the profile.
 */
function profileRun(tag, script, args, { cwd = ROOT, before, interval } = {}) {
  const dir = join(OUT, `profil-${tag}`);
  rmSync(dir, { recursive: true, force: true });
  before?.();
  const nodeArgs = ["--cpu-prof", "--cpu-prof-dir", dir, ...(interval ? ["--cpu-prof-interval", String(interval)] : [])];
  const m = measure(script, args, { cwd, nodeArgs });
  const profiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : [];
  const sum = new Map();
  let totalMs = 0;
  for (const f of profiles) {
    const r = phasesOf(JSON.parse(readFileSync(join(dir, f), "utf8")));
    totalMs += r.totalMs;
    for (const p of r.phases) sum.set(p.phase, (sum.get(p.phase) ?? 0) + p.ms);
  }
  return { tag, threads: profiles.length, wall: m.wall, cpu: m.cpu, totalMs, phases: [...sum].sort((a, b) => b[1] - a[1]).map(([phase, ms]) => ({ phase, ms: +ms.toFixed(1) })) };
}

const pick = (m) => ({ wall: m.wall, user: m.user, sys: m.sys, cpu: m.cpu, maxRssMB: m.maxRssMB, runs: m.runs, findings: m.findings, summary: m.summary });

// ---------------------------------------------------------------------------------------------
// Report.

const fr = (t) => t.replace(".", ",");
const s = (x) => (Number.isFinite(x) ? fr(x < 10 ? x.toFixed(2) : x.toFixed(1)) + " s" : "n/a");
const mb = (x) => (Number.isFinite(x) ? `${Math.round(x)} Mo` : "n/a");
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x * 1000)} ms` : "n/a");
const pct = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : "n/a");
const ratio = (x) => (Number.isFinite(x) ? fr(x.toFixed(2)) : "n/a");
const int = (x) => (Number.isFinite(x) ? x.toLocaleString("fr-FR").replace(/\u202f/g, " ") : "n/a");
const mark = (ok) => (ok === undefined ? "n/a" : ok ? "✓" : "✗");

function table(results) {
  const L = [];
  const { machine, scales } = results;
  const A = scales.academie;
  const N = scales.national;
  const cols = [A && "academie", N && "national"].filter(Boolean);
  L.push(`Machine : ${machine.cpu}, ${machine.cores} cœurs, ${machine.memoryGB} Go, Node ${machine.node}, ${machine.platform} ; charge moyenne ${machine.loadBefore.join(" / ")} au début, ${machine.loadAfter.join(" / ")} à la fin. Graine ${results.seed}, ${results.date}, gouvnum ${results.gouvnum.version} (${results.gouvnum.commit}).`);
  L.push("");
  L.push(`| corpus | ${cols.join(" | ")} |`);
  L.push(`| --- | ${cols.map(() => "---:").join(" | ")} |`);
  const row = (label, f) => L.push(`| ${label} | ${cols.map((c) => f(scales[c])).join(" | ")} |`);
  row("fichiers", (x) => int(x.corpus.files));
  row("documents", (x) => int(x.corpus.documents));
  row("octets", (x) => `${fr((x.corpus.bytes / 1e6).toFixed(1))} Mo`);
  row("fichiers à plusieurs documents", (x) => int(x.corpus.multiDocumentFiles));
  row("constats de l'audit (erreurs / avert. / infos)", (x) => (x.audit ? `${int(x.audit.summary.errors)} / ${int(x.audit.summary.warnings)} / ${int(x.audit.summary.infos)}` : "n/a"));
  L.push("");
  L.push(`| mesure | ${cols.map((c) => `${c} : mur · CPU · mémoire`).join(" | ")} |`);
  L.push(`| --- | ${cols.map(() => "---:").join(" | ")} |`);
  const m3 = (x) => (x ? `${s(x.wall)} · ${s(x.cpu)} · ${mb(x.maxRssMB)}` : "n/a");
  row("`gouvnum validate`", (x) => m3(x.validate));
  row("`gouvnum audit`", (x) => m3(x.audit));
  row("`gouvnum report` (HTML)", (x) => (x.reportHtml ? `${m3(x.reportHtml)} · ${Math.round(x.reportHtml.bytes / 1024)} Ko` : "n/a"));
  row("`gouvnum report --format md`", (x) => (x.reportMd ? `${m3(x.reportMd)} · ${Math.round(x.reportMd.bytes / 1024)} Ko` : "n/a"));
  row("plancher d'analyse (parseur du projet, 1 processus)", (x) => m3(x.parseFloor));
  row("ajv-cli 5 (4 schémas, 4 processus, sans positions)", (x) => m3(x.ajv));
  row("`gouvnum audit --cache`, cache vide", (x) => (x.cache ? m3(x.cache.cold) : "n/a"));
  row("`gouvnum audit --cache`, 1 fichier modifié", (x) => (x.cache ? m3(x.cache.warm) : "n/a"));
  row("recontrôle `AuditSession` (lsp, --watch) après 1 modification, médiane", (x) => (x.session ? `${ms(x.session.wall)} · ${ms(x.session.cpu)} · —` : "n/a"));
  L.push("");
  L.push("| objectif (issue 18) | cible | mesuré (mur) | mesuré (CPU) | |");
  L.push("| --- | --- | --- | --- | --- |");
  for (const t of results.targets) L.push(`| ${t.label} | ${t.target} | ${t.value} | ${t.cpu ?? "—"} | ${mark(t.ok)} |`);
  const profiled = results.targets.filter((t) => t.ok === false && t.profile);
  if (profiled.length > 0) {
    L.push("");
    L.push("Profil de chaque objectif manqué (une exécution de plus sous `node --cpu-prof` ; temps échantillonné sur le fil d'exécution, par phase, `bench/phases.mjs`) :");
    L.push("");
    const seen = new Map();
    for (const t of profiled) {
      const p = t.profile;
      if (seen.has(p)) {
        L.push(`- ${t.label} — le profil de « ${seen.get(p)} ».`);
        continue;
      }
      seen.set(p, t.label);
      const per = p.perRun ? ` (${p.perRun} recontrôles : ${ms(p.totalMs / 1000 / p.perRun)} chacun)` : "";
      const threads = p.threads > 1 ? `, ${p.threads} fils d'exécution` : "";
      const parts = p.phases.filter((x) => x.ms >= p.totalMs * 0.02).slice(0, 8).map((x) => `${x.phase} ${ms(x.ms / 1000 / (p.perRun ?? 1))} (${Math.round((100 * x.ms) / p.totalMs)} %)`);
      L.push(`- ${t.label} — ${ms(p.totalMs / 1000)} échantillonnées${per}${threads} : ${parts.join(" ; ")}.`);
    }
  }
  return L.join("\n");
}

function targets(results) {
  const { scales, startup: st } = results;
  const A = scales.academie;
  const N = scales.national;
  const T = [];
  // Wall time decides (the targets are wall times); CPU time is shown beside it because a loaded machine stretches
  // wall time but hardly CPU time.
  if (N?.audit) {
    T.push({ id: "national-wall", label: "`gouvnum audit`, corpus national", target: "≤ 10 s", value: s(N.audit.wall), cpu: s(N.audit.cpu), ok: N.audit.wall <= 10, profile: N.audit.profile });
    T.push({ id: "national-memory", label: "`gouvnum audit`, corpus national, mémoire max", target: "≤ 1 Go", value: mb(N.audit.maxRssMB), ok: N.audit.maxRssMB <= 1024 });
  }
  if (A?.audit) T.push({ id: "academie-wall", label: "`gouvnum audit`, une académie, démarrage compris", target: "≤ 1 s", value: s(A.audit.wall), cpu: s(A.audit.cpu), ok: A.audit.wall <= 1, profile: A.audit.profile });
  for (const [name, x] of [["academie", A], ["national", N]]) {
    if (!x?.audit || !x?.parseFloor) continue;
    const r = x.audit.wall / x.parseFloor.wall;
    T.push({ id: `audit-floor-${name}`, label: `\`gouvnum audit\` ÷ plancher d'analyse (${name})`, target: "≤ 2", value: ratio(r), cpu: ratio(x.audit.cpu / x.parseFloor.cpu), ok: r <= 2, profile: x.audit.profile });
  }
  for (const [name, x] of [["academie", A], ["national", N]]) {
    if (!x) continue;
    const label = `relance \`--cache\`, 1 fichier modifié ÷ première exécution (${name})`;
    if (!x.cache) {
      T.push({ id: `cache-${name}`, label, target: "≤ 20 %, constats identiques", value: x.cacheNote ?? "n/a", ok: undefined });
      continue;
    }
    // Against the first run with --cache (which also writes the cache) and against a plain audit.
    const r = x.cache.warm.wall / x.cache.cold.wall;
    const plain = x.audit ? ` (${pct(x.cache.warm.wall / x.audit.wall)} d'un audit sans cache)` : "";
    const plainCpu = x.audit ? ` (${pct(x.cache.warm.cpu / x.audit.cpu)})` : "";
    T.push({ id: `cache-${name}`, label, target: "≤ 20 %, constats identiques", value: `${pct(r)}${plain}, ${x.cache.identical ? "identiques" : "DIFFÉRENTS"}`, cpu: `${pct(x.cache.warm.cpu / x.cache.cold.cpu)}${plainCpu}`, ok: r <= 0.2 && x.cache.identical, profile: x.cache.warm.profile });
  }
  for (const [name, x] of [["academie", A], ["national", N]]) {
    if (!x?.session) continue;
    const m = x.session;
    T.push({ id: `session-${name}`, label: `recontrôle lsp / --watch après 1 modification (${name}, médiane de ${m.runs.length})`, target: "≤ 100 ms, constats identiques", value: `${ms(m.wall)}, ${m.identical ? "identiques" : "DIFFÉRENTS"}`, cpu: ms(m.cpu), ok: m.wall <= 0.1 && m.identical, profile: m.profile });
  }
  for (const [name, x] of [["academie", A], ["national", N]]) {
    if (!x?.facts) continue;
    const f = x.facts;
    const value = `${f.identical ? "identiques" : "DIFFÉRENTS"} (${f.findings} constats) ; mémoire ${mb(f.keep.maxRssMb)} → ${mb(f.facts.maxRssMb)}`;
    T.push({ id: `facts-${name}`, label: `audit ne gardant que les faits contre valeurs entières (${name}, en processus)`, target: "constats identiques", value, cpu: `${s(f.keep.cpu)} → ${s(f.facts.cpu)}`, ok: f.identical });
  }
  for (const [name, x] of [["academie", A], ["national", N]]) {
    if (!x?.validate || !x?.ajv) continue;
    const r = x.validate.wall / x.ajv.wall;
    T.push({ id: `validate-ajv-${name}`, label: `\`gouvnum validate\` ÷ ajv-cli (${name})`, target: "≤ 0,33", value: ratio(r), cpu: ratio(x.validate.cpu / x.ajv.cpu), ok: r <= 0.33, profile: x.validate.profile });
  }
  if (A?.audit && N?.audit) {
    const docs = N.corpus.documents / A.corpus.documents;
    const time = N.audit.wall / A.audit.wall;
    T.push({ id: "scaling", label: `passage academie → national (×${fr(docs.toFixed(1))} documents)`, target: `temps ≤ ×${fr((docs * 1.1).toFixed(1))} (22 pour 20)`, value: `×${fr(time.toFixed(1))}`, ok: time <= docs * 1.1 });
  }
  for (const [name, x] of [["academie", A], ["national", N]]) {
    if (!x?.audit || !x?.reportHtml) continue;
    for (const [fmt, r] of [["HTML", x.reportHtml], ["Markdown", x.reportMd]]) {
      const extra = r.wall - x.audit.wall;
      T.push({ id: `report-${fmt.toLowerCase()}-${name}`, label: `\`gouvnum report\` ${fmt} − \`gouvnum audit\` (${name})`, target: "≈ 1 s", value: s(extra), ok: extra <= 1.2 });
    }
  }
  if (st) {
    const r = st.helpMs / st.nodeMs;
    T.push({ id: "help", label: `\`gouvnum --help\` ÷ \`node -e ''\` (médianes de ${st.runs.length} : ${Math.round(st.helpMs)} ms et ${Math.round(st.nodeMs)} ms)`, target: "≤ 1,15", value: ratio(r), ok: r <= 1.15, profile: st.profile });
  }
  return T;
}

// ---------------------------------------------------------------------------------------------

function gitDescribe() {
  const r = spawnSync("git", ["describe", "--always", "--dirty"], { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "hors git";
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.build || !existsSync(join(ROOT, "dist", "cli", "run.js"))) {
    log("construction : node scripts/build.mjs");
    const b = spawnSync(NODE, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "inherit" });
    if (b.status !== 0) throw new Error("la construction a échoué (relancer avec --no-build pour mesurer dist/ tel quel)");
  }
  if (!existsSync(AJV)) throw new Error("ajv-cli introuvable : npm ci d'abord (devDependency ajv-cli 5)");
  mkdirSync(OUT, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString().slice(0, 10),
    seed: o.seed,
    gouvnum: { version: pkg.version, commit: gitDescribe() },
    machine: {
      cpu: cpus[0]?.model?.trim() ?? "inconnu",
      cores: cpus.length,
      memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadBefore: os.loadavg().map((x) => +x.toFixed(2)),
      timer: GNU_TIME ? "GNU time (%e %U %S %M) + hrtime" : "process.resourceUsage() du processus enfant + hrtime",
    },
    scales: {},
  };
  const help = auditHelp();
  const hasCache = /--cache\b/.test(help) || o.cacheArgs !== undefined;
  const scales = o.scale === "all" ? ["academie", "national"] : [o.scale];
  for (const scale of scales) {
    const n = o.repeat ?? (scale === "academie" ? 3 : 1);
    const { dir, manifest } = ensureCorpus(scale, o.seed);
    const x = { corpus: { files: manifest.files, documents: manifest.documents, bytes: manifest.bytes, multiDocumentFiles: manifest.multiDocumentFiles, byKind: manifest.byKind, sha256: manifest.sha256 }, repeat: n };
    results.scales[scale] = x;
    log(`${scale} : gouvnum validate ×${n}`);
    x.validate = gouvnum("validate", dir, n, `${scale}-validate`);
    log(`${scale} : gouvnum audit ×${n}`);
    x.audit = gouvnum("audit", dir, n, `${scale}-audit`);
    if (o.profile) {
      log(`${scale} : profils (node --cpu-prof) de gouvnum audit et validate`);
      x.audit.profile = profileRun(`${scale}-audit`, GOUVNUM, ["audit", dir, "-f", "json", "--fail-on", "never"]);
      x.validate.profile = profileRun(`${scale}-validate`, GOUVNUM, ["validate", dir, "-f", "json", "--fail-on", "never"]);
    }
    log(`${scale} : gouvnum report (HTML, Markdown) ×${n}`);
    x.reportHtml = gouvnumReport(dir, n, `${scale}-rapport`, "html");
    x.reportMd = gouvnumReport(dir, n, `${scale}-rapport`, "md");
    log(`${scale} : plancher d'analyse ×${n}`);
    x.parseFloor = parseFloor(dir, n);
    log(`${scale} : ajv-cli ×${n} par kind`);
    x.ajv = ajvCli(dir, n);
    if (o.cacheCheck && hasCache) {
      log(`${scale} : relance avec --cache après modification d'un fichier`);
      x.cache = cacheRerun(dir, help, o.cacheArgs, n, o.profile);
    } else x.cacheNote = hasCache ? "non mesuré (--no-cache-check)" : "n/a (pas encore d'option --cache)";
    if (existsSync(join(ROOT, "dist", "audit", "session.js")) && o.sessionRuns > 0) {
      log(`${scale} : recontrôle incrémental (AuditSession) ×${o.sessionRuns}`);
      x.session = sessionRecheck(dir, o.sessionRuns, o.profile ? `${scale}-session` : undefined);
    }
    log(`${scale} : audit ne gardant que les faits ÷ audit gardant les valeurs (bench/facts-check.mjs)`);
    x.facts = factsCheck(dir);

    // Cross-checks: every tool must have seen the same documents, and the corpus must be valid.
    const checks = [];
    if (x.validate.summary.documents !== manifest.documents) checks.push(`gouvnum a lu ${x.validate.summary.documents} documents, le corpus en a ${manifest.documents}`);
    if (x.parseFloor.result.documents !== manifest.documents) checks.push(`le plancher a lu ${x.parseFloor.result.documents} documents`);
    if (x.ajv.valid + x.ajv.invalid !== manifest.documents) checks.push(`ajv-cli a validé ${x.ajv.valid + x.ajv.invalid} documents`);
    if (x.ajv.invalid > 0) checks.push(`ajv-cli juge ${x.ajv.invalid} documents invalides`);
    if (!x.facts.identical) checks.push("les constats d'un audit ne gardant que les faits diffèrent de ceux d'un audit gardant les valeurs");
    if (Object.keys(x.validate.blocking).length > 0) checks.push(`constats bloquants sur un corpus généré : ${JSON.stringify(x.validate.blocking)}`);
    x.checks = checks;
    for (const c of checks) log(`ATTENTION (${scale}) : ${c}`);
  }
  log(`démarrage : gouvnum --help ×${o.helpRuns}`);
  results.startup = startup(o.helpRuns);
  if (o.profile) results.startup.profile = profileRun("help", GOUVNUM, ["--help"], { interval: 50 });
  results.machine.loadAfter = os.loadavg().map((x) => +x.toFixed(2));
  results.targets = targets(results);
  results.table = table(results);
  // The profiles stay with their measures (results.scales…, results.startup); a target only says it had one.
  results.targets = results.targets.map(({ profile, ...t }) => (profile ? { ...t, profiled: true } : t));
  // Keep the JSON small: drop per-rule counts of the big outputs into a compact form.
  writeFileSync(o.json, JSON.stringify(results, (k, v) => (k === "out" || k === "stderr" ? undefined : typeof v === "number" && !Number.isInteger(v) ? +v.toFixed(4) : v), 2) + "\n");
  process.stdout.write(results.table + "\n");
  log(`résultats : ${relative(process.cwd(), o.json)}`);
}

main().catch((e) => {
  process.stderr.write(`bench : ${e.message}\n`);
  process.exit(2);
});
