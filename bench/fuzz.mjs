#!/usr/bin/env node
// Bench: property-based fuzzing of the engine with fast-check. Valid territory documents (the YAML files of
// examples/academie-exemple and src/rules/*/fixtures/valide*.yaml) are mutated — character edits,
// deletions, insertions of YAML-significant characters, truncation, type swaps of values, key shuffles and
// duplications, line swaps and moves, indentation changes — and every mutant must satisfy the same properties:
//
//   1. runAudit never throws (a GouvnumError for a usage or config case is allowed, a rule crash is not);
//   2. every finding lies inside the file: 1 ≤ line ≤ lines, 1 ≤ column ≤ length of that line + 1, the
//      same for the end, and the end is not before the start;
//   3. every message is its catalogue template filled with its data: no placeholder left, no "[object Object]";
//   4. two runs give the same JSON report;
//   5. every output format renders the result: JUnit is well-formed XML, SARIF is JSON, each GitHub line is
//      a command, the text has no raw control character;
//   6. no library warning is printed (process.emitWarning).
//
// test/fuzz.test.ts runs about 200 cases on the sources; this script runs the same properties on the
// built engine (dist/), by default 10,000 cases, and prints a summary. On a failure it prints the seed,
// the path and the shrunk counter-example (the seed file, the mutations and the mutated text), so that
// `node bench/fuzz.mjs --seed S --path P --runs N` replays it.
//
//   node bench/fuzz.mjs [--runs 10000] [--seed N] [--path P] [--no-build] [--max-failures 5]
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FUZZ_DATE = "2026-09-01";

// ---------------------------------------------------------------------------------------------
// Seeds.

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) && e.name !== "gouvnum.config.yaml" ? [join(dir, e.name)] : []));
}

/** The seed documents: path relative to the project root (the name findings are reported under) and text. */
export function loadSeeds(root = ROOT) {
  const rules = join(root, "src/rules");
  const files = [
    ...yamlFiles(join(root, "examples/academie-exemple")),
    ...readdirSync(rules)
      .sort()
      .filter((d) => existsSync(join(rules, d, "fixtures")))
      .flatMap((d) => readdirSync(join(rules, d, "fixtures")).filter((f) => /^valide.*\.ya?ml$/.test(f)).sort().map((f) => join(rules, d, "fixtures", f))),
  ];
  return files.map((f) => ({ path: relative(root, f).split("\\").join("/"), text: readFileSync(f, "utf8") }));
}

// ---------------------------------------------------------------------------------------------
// Mutations: plain data, so that a counter-example prints and replays.

/** Characters that mean something to YAML, and a few that mean something to terminals, parsers and positions. */
export const SIGNIFICANT = [...":-[]{}#&*!|>'\"%@`", ",", "?", "~", "\n", "\t", "\r", " ", "\\", "é", "😀", "\u0000", "\u001b", "\ufeff", "\u2028", "\u0085", "---\n", "...\n", "<<: ", "&a ", "*a", "!!str ", "!x ", "- ", ": "];

/** Values of every YAML type, for type swaps. */
export const VALUES = ["42", "-1", "0", "3.14", "1e400", "99999999999999999999999", ".nan", ".inf", "0x1F", "0o17", "035", '"texte"', "texte", "'simple'", '"035"', "[a, 1]", "[]", "{ a: 1 }", "{}", "null", "~", "", "true", "yes", "2025-02-30", '"2026-09-01"', "|\n  bloc\n", ">-\n  plié\n", "\n  - a\n  - b", "\n  a: 1\n  b: [x]", "*inconnu", "&ancre 1", "!!binary aGVsbG8=", '"<script>{x}</script>"'];

const pos = fc.nat({ max: 1_000_000 });
const step = fc.oneof(
  fc.record({ t: fc.constant("remplacer"), at: pos, s: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 })) }),
  fc.record({ t: fc.constant("supprimer"), at: pos, n: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ t: fc.constant("inserer"), at: pos, s: fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 4 })) }),
  fc.record({ t: fc.constant("tronquer"), at: pos }),
  fc.record({ t: fc.constant("changerType"), ligne: pos, v: fc.constantFrom(...VALUES) }),
  fc.record({ t: fc.constant("dupliquerCle"), ligne: pos }),
  fc.record({ t: fc.constant("melangerCles"), a: pos, b: pos }),
  fc.record({ t: fc.constant("echangerLignes"), a: pos, b: pos }),
  fc.record({ t: fc.constant("deplacerLigne"), a: pos, b: pos }),
  fc.record({ t: fc.constant("indenter"), ligne: pos, d: fc.constantFrom(-4, -2, -1, 1, 2, 4, "tab") }),
);

/** A case: a seed (by index) and one to four mutations. */
export function caseArbitrary(seeds) {
  return fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(step, { minLength: 1, maxLength: 4 }) });
}

const KEY_LINE = /^(\s*(?:-\s+)?)((?:"[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)):(?:\s+(.*))?$/;

/** Applies the mutations in order. */
export function mutate(text, mutations) {
  let s = text;
  for (const m of mutations) {
    const lines = s.split("\n");
    const keyLines = lines.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
    switch (m.t) {
      case "remplacer": {
        if (s.length === 0) break;
        const at = m.at % s.length;
        s = s.slice(0, at) + m.s + s.slice(at + 1);
        break;
      }
      case "supprimer": {
        const at = m.at % (s.length + 1);
        s = s.slice(0, at) + s.slice(at + m.n);
        break;
      }
      case "inserer": {
        const at = m.at % (s.length + 1);
        s = s.slice(0, at) + m.s + s.slice(at);
        break;
      }
      case "tronquer":
        s = s.slice(0, m.at % (s.length + 1));
        break;
      case "changerType": {
        if (keyLines.length === 0) break;
        const i = keyLines[m.ligne % keyLines.length];
        const [, indent, key] = KEY_LINE.exec(lines[i]);
        const v = m.v.startsWith("\n") ? m.v.replace(/\n/g, "\n" + indent.replace(/-/g, " ")) : m.v;
        lines[i] = `${indent}${key}:${v === "" || v.startsWith("\n") ? "" : " "}${v}`;
        s = lines.join("\n");
        break;
      }
      case "dupliquerCle": {
        if (keyLines.length === 0) break;
        const i = keyLines[m.ligne % keyLines.length];
        lines.splice(i + 1, 0, lines[i].replace(/^(\s*)-\s/, "$1  "));
        s = lines.join("\n");
        break;
      }
      case "melangerCles": {
        // Two keys of the same block (same indentation) change places.
        if (keyLines.length === 0) break;
        const i = keyLines[m.a % keyLines.length];
        const indent = /^\s*/.exec(lines[i])[0];
        const same = keyLines.filter((j) => /^\s*/.exec(lines[j])[0] === indent);
        const j = same[m.b % same.length];
        [lines[i], lines[j]] = [lines[j], lines[i]];
        s = lines.join("\n");
        break;
      }
      case "echangerLignes": {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        s = lines.join("\n");
        break;
      }
      case "deplacerLigne": {
        const [l] = lines.splice(m.a % lines.length, 1);
        lines.splice(m.b % (lines.length + 1), 0, l);
        s = lines.join("\n");
        break;
      }
      case "indenter": {
        const i = m.ligne % lines.length;
        if (m.d === "tab") lines[i] = lines[i].replace(/^ {0,2}/, "\t");
        else if (m.d > 0) lines[i] = " ".repeat(m.d) + lines[i];
        else lines[i] = lines[i].replace(new RegExp(`^ {0,${-m.d}}`), "");
        s = lines.join("\n");
        break;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Properties.

const PLACEHOLDER = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

/**
 * Checks one mutated text against the properties with `engine` = { runAudit, emptyConfig, formatJson,
 * catalogue, formatMessage, formats?, xmlValid? } (from src/ in the tests, from dist/ here). Returns the
 * violations, as French sentences (empty: fine).
 */
export async function check(engine, path, text) {
  const run = () =>
    engine.runAudit([{ name: path, text }], {
      mode: "audit",
      date: FUZZ_DATE,
      today: FUZZ_DATE,
      cwd: ROOT,
      config: engine.emptyConfig(ROOT),
    });
  // A library warning (process.emitWarning) would reach the user's terminal in English: a problem too.
  const warnings = [];
  const onWarning = (w) => warnings.push(w.message);
  process.on("warning", onWarning);
  let first;
  try {
    first = await run();
  } catch (e) {
    if (e && e.name === "GouvnumError" && e.code !== "regleEnErreur") return [];
    return [`exception ${e?.name ?? typeof e}${e?.code ? ` (${e.code})` : ""} : ${e?.message ?? e}`];
  } finally {
    await new Promise((r) => setImmediate(r));
    process.off("warning", onWarning);
  }
  const problems = warnings.map((w) => `avertissement de Node.js sur la sortie d'erreur : ${w}`);
  // YAML line breaks: LF, CRLF and a lone CR (YAML 1.2, and what editors show).
  const lines = text.split(/\r\n|\r|\n/);
  const lineLength = (n) => (lines[n - 1] ?? "").length;
  for (const f of first.findings) {
    const where = `${f.ruleId}/${f.messageId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    if (f.file !== path) problems.push(`${where} : fichier « ${f.file} » au lieu de « ${path} »`);
    const okInt = (n) => Number.isInteger(n) && n >= 1;
    if (![f.line, f.column, f.endLine, f.endColumn].every(okInt)) problems.push(`${where} : position non entière ou < 1`);
    else {
      if (f.line > lines.length) problems.push(`${where} : ligne au-delà de la fin (${lines.length} lignes)`);
      else if (f.column > lineLength(f.line) + 1) problems.push(`${where} : colonne au-delà de la ligne ${f.line} (${lineLength(f.line)} caractères)`);
      if (f.endLine > lines.length) problems.push(`${where} : fin au-delà de la fin (${lines.length} lignes)`);
      else if (f.endColumn > lineLength(f.endLine) + 1) problems.push(`${where} : fin au-delà de la ligne ${f.endLine} (${lineLength(f.endLine)} caractères)`);
      if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) problems.push(`${where} : fin avant le début`);
    }
    const template = engine.catalogue.rules[f.ruleId]?.messages[f.messageId];
    if (template === undefined) problems.push(`${where} : message inconnu du catalogue`);
    else {
      for (const [, name] of template.matchAll(PLACEHOLDER)) {
        if (f.data[name] === undefined || f.data[name] === null) problems.push(`${where} : {${name}} sans valeur`);
      }
      let expected;
      try {
        expected = engine.formatMessage(template, f.data);
      } catch (e) {
        expected = undefined;
      }
      if (expected !== undefined && expected !== f.message) problems.push(`${where} : message différent de son modèle rempli`);
    }
    if (f.message.includes("[object Object]")) problems.push(`${where} : « [object Object] » dans le message : ${f.message}`);
  }
  let second;
  try {
    second = await run();
  } catch (e) {
    return [...problems, `seconde exécution : exception ${e?.message ?? e}`];
  }
  const ctx = { version: "fuzz", failOn: "error", color: false };
  if (engine.formatJson(first, ctx) !== engine.formatJson(second, ctx)) problems.push("deux exécutions donnent deux rapports JSON différents");
  // Every output format renders the result (code frames over odd positions, escaping of odd values).
  for (const [name, format] of Object.entries(engine.formats ?? {})) {
    let out;
    try {
      out = format(first, { ...ctx, failOn: "info" });
    } catch (e) {
      problems.push(`format ${name} : exception ${e?.name ?? ""} ${e?.message ?? e}`);
      continue;
    }
    if (name === "junit" && engine.xmlValid && engine.xmlValid(out) !== true) problems.push("format junit : XML mal formé");
    if (name === "sarif") {
      try {
        JSON.parse(out);
      } catch {
        problems.push("format sarif : JSON invalide");
      }
    }
    if (name === "github") for (const l of out.split("\n")) if (l !== "" && !l.startsWith("::")) problems.push(`format github : ligne qui n'est pas une commande : ${JSON.stringify(l).slice(0, 120)}`);
    if (name === "text" && /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out)) problems.push("format text : caractère de contrôle brut");
  }
  return problems;
}

/** The property: a mutated seed satisfies `check`. Throws with the path, the text and the violations. */
export function property(engine, seeds, filter = () => true) {
  return fc.asyncProperty(caseArbitrary(seeds), async (c) => {
    const seed = seeds[c.seed];
    const text = mutate(seed.text, c.mutations);
    const problems = (await check(engine, seed.path, text)).filter((p) => filter(p, text));
    if (problems.length > 0) {
      throw new Error(`${seed.path} muté :\n${problems.join("\n")}\n--- texte muté (JSON) ---\n${JSON.stringify(text).slice(0, 3000)}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The long run, on dist/.

function parseArgs(argv) {
  const o = { runs: 10_000, seed: undefined, path: undefined, build: true, maxFailures: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--path") o.path = argv[++i];
    else if (a === "--no-build") o.build = false;
    else if (a === "--max-failures") o.maxFailures = Number(argv[++i]);
    else if (a === "-h" || a === "--help") {
      process.stdout.write("node bench/fuzz.mjs [--runs 10000] [--seed N] [--path P] [--no-build] [--max-failures 5]\n");
      process.exit(0);
    } else {
      process.stderr.write(`option inconnue : ${a}\n`);
      process.exit(2);
    }
  }
  return o;
}

/** The names of the output formats checked besides JSON. */
export const FORMATS = ["text", "sarif", "junit", "github", "markdown"];

async function distEngine() {
  const url = (p) => pathToFileURL(join(ROOT, "dist", p)).href;
  const [{ runAudit }, { emptyConfig }, { format }, { catalogue }, { formatMessage }, { XMLValidator }] = await Promise.all([
    import(url("audit/engine.js")),
    import(url("validate/config.js")),
    import(url("report/formatters/json.js")),
    import(url("messages/index.js")),
    import(url("core/format-message.js")),
    import("fast-xml-parser"),
  ]);
  const formats = Object.fromEntries(await Promise.all(FORMATS.map(async (f) => [f, (await import(url(`report/formatters/${f}.js`))).format])));
  return { runAudit, emptyConfig, formatJson: format, catalogue, formatMessage, formats, xmlValid: (x) => XMLValidator.validate(x) };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.build || !existsSync(join(ROOT, "dist/audit/engine.js"))) {
    const b = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: "inherit" });
    if (b.status !== 0) process.exit(2);
  }
  const engine = await distEngine();
  const seeds = loadSeeds();
  const seed = o.seed ?? (Date.now() ^ (Math.random() * 0x100000000)) >>> 0;
  process.stdout.write(`fuzz : ${o.runs} cas, graine ${seed}, ${seeds.length} documents de départ (dist/)\n`);

  // One pass counts every case that breaks a property (fast-check stops at the first failure, so the
  // property here records and goes on); then the first failures are replayed by fast-check to shrink them.
  const started = Date.now();
  let cases = 0;
  const failing = [];
  const counting = fc.asyncProperty(caseArbitrary(seeds), async (c) => {
    cases++;
    const s = seeds[c.seed];
    const problems = await check(engine, s.path, mutate(s.text, c.mutations));
    if (problems.length > 0) failing.push({ index: cases, c, problems });
    if (cases % 1000 === 0) process.stderr.write(`  ${cases} cas, ${failing.length} en échec, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
  await fc.assert(counting, { numRuns: o.runs, seed, ...(o.path ? { path: o.path } : {}) });
  const elapsed = (Date.now() - started) / 1000;

  const kinds = new Map();
  for (const f of failing) for (const p of f.problems) {
    const k = p.replace(/\d+/g, "N").replace(/« [^»]*»/g, "«…»").slice(0, 140);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  process.stdout.write(`\nrésultat : ${cases} cas, ${failing.length} en échec (« crashs »), ${elapsed.toFixed(1)} s (${(cases / elapsed).toFixed(0)} cas/s)\n`);
  if (failing.length === 0) return;
  process.stdout.write("\nviolations par sorte :\n");
  for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${String(n).padStart(6)}  ${k}\n`);

  // Shrink: replay the run with a property that fails, from the same seed; fast-check reports the path of
  // the first failure and its minimal counter-example.
  const details = await fc.check(property(engine, seeds), { numRuns: o.runs, seed, ...(o.path ? { path: o.path } : {}) });
  if (details.failed) {
    const c = details.counterexample?.[0];
    const s = c ? seeds[c.seed] : undefined;
    process.stdout.write(`\npremier échec, réduit par fast-check :\n  graine : ${details.seed}\n  chemin : ${details.counterexamplePath}\n`);
    process.stdout.write(`  rejouer : node bench/fuzz.mjs --no-build --seed ${details.seed} --path "${details.counterexamplePath}" --runs 1\n`);
    if (c && s) {
      process.stdout.write(`  fichier de départ : ${s.path}\n  mutations : ${JSON.stringify(c.mutations)}\n`);
      process.stdout.write(`  texte muté : ${JSON.stringify(mutate(s.text, c.mutations)).slice(0, 2000)}\n`);
    }
    process.stdout.write(`  erreur : ${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.error).split("\n--- texte muté")[0]}\n`);
  }
  // Further distinct failures, not shrunk, for the record.
  const seen = new Set();
  let shown = 0;
  for (const f of failing) {
    const key = f.problems.map((p) => p.replace(/\d+/g, "N").replace(/« [^»]*»/g, "«…»")).join("|");
    if (seen.has(key) || shown >= o.maxFailures) continue;
    seen.add(key);
    shown++;
    const s = seeds[f.c.seed];
    process.stdout.write(`\néchec n° ${f.index} : ${s.path}, mutations ${JSON.stringify(f.c.mutations)}\n  ${f.problems.join("\n  ")}\n`);
  }
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    process.stderr.write(`fuzz : ${e?.stack ?? e}\n`);
    process.exit(2);
  });
}
