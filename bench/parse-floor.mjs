#!/usr/bin/env node
// Bench: the parse floor — one process that only reads, decodes and parses every YAML file of a
// territory with the project's own loader (dist/load), so that `gouvnum audit` can be compared with
// the least work any implementation must do. Prints one JSON line: files, documents, problems, ms.
//
//   node bench/parse-floor.mjs DIR [DIR…]
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");

/** Imports the first module that exports `name` among `candidates` (dist paths), so a move inside dist/load is tolerated. */
async function load(name, candidates) {
  for (const c of candidates) {
    let mod;
    try {
      mod = await import(pathToFileURL(join(root, c)).href);
    } catch {
      continue;
    }
    if (typeof mod[name] === "function") return mod[name];
  }
  throw new Error(`parse-floor : ${name} introuvable dans ${candidates.join(", ")} (lancer d'abord node scripts/build.mjs)`);
}

const LOAD = ["dist/load/source.js", "dist/load/document.js", "dist/load/index.js", "dist/load/parse.js", "dist/load/yaml.js"];
const decode = await load("decode", LOAD);
const makeSource = await load("makeSource", LOAD);
const parseFile = await load("parseFile", ["dist/load/document.js", ...LOAD]);

const SKIP = new Set(["node_modules", ".git"]);
const CONFIG = new Set(["gouvnum.config.yaml", "gouvnum.config.yml"]);
function walk(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) walk(full, out);
    } else if (e.isFile() && /\.ya?ml$/.test(e.name) && !CONFIG.has(e.name)) out.push(full);
  }
  return out;
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write("Utilisation : node bench/parse-floor.mjs DOSSIER…\n");
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const files = dirs.flatMap((d) => walk(resolve(d), []));
let documents = 0;
let problems = 0;
let bytes = 0;
for (const f of files) {
  const raw = readFileSync(f);
  bytes += raw.length;
  const dec = decode(raw);
  if (!dec.ok) {
    problems++;
    continue;
  }
  const parsed = parseFile(makeSource(relative(process.cwd(), f), dec.text));
  documents += parsed.documents?.length ?? 0;
  problems += parsed.problems?.length ?? 0;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ files: files.length, documents, problems, bytes, ms: Math.round(ms) }) + "\n");
