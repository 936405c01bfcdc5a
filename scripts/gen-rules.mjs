#!/usr/bin/env node
// Regenerates src/rules/index.generated.ts — the list of built-in rules — from the folders of src/rules/: every
// folder that holds a rule.ts is a rule (its folder name is its id). Nobody edits the list by hand: adding a rule is
// adding its folder, then `npm run gen:rules` (or `npm run gen:docs`, which runs it first).
//
//   node scripts/gen-rules.mjs           writes src/rules/index.generated.ts
//   node scripts/gen-rules.mjs --check   exits 1 when it is not up to date (part of npm run gen:check)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../src/rules/", import.meta.url));
const out = join(dir, "index.generated.ts");
const check = process.argv.includes("--check");

const ids = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "rule.ts")))
  .map((e) => e.name)
  .sort();
for (const id of ids) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    console.error(`src/rules/${id}/ : un identifiant de règle s'écrit en minuscules, chiffres et tirets.`);
    process.exit(1);
  }
}
const name = (id) => id.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase()).replace(/^([0-9])/, "_$1");
const text = [
  "// Fichier généré par scripts/gen-rules.mjs depuis les dossiers src/rules/<id>/rule.ts — ne pas modifier à la main.",
  "// Régénérer avec `npm run gen:rules` ; `npm run gen:check` vérifie qu'il est à jour.",
  'import type { RuleDefinition } from "../audit/rule.js";',
  ...ids.map((id) => `import ${name(id)} from "./${id}/rule.js";`),
  "",
  "/** Every built-in rule, in the order of its folder's name. */",
  "export const builtInRules: readonly RuleDefinition[] = [",
  ...ids.map((id) => `  ${name(id)},`),
  "];",
  "",
].join("\n");

const before = existsSync(out) ? readFileSync(out, "utf8") : "";
if (before === text) console.log(`src/rules/index.generated.ts : à jour (${ids.length} règles).`);
else if (check) {
  console.error("src/rules/index.generated.ts n'est pas à jour avec les dossiers de src/rules/ : lancez `npm run gen:rules`.");
  process.exitCode = 1;
} else {
  writeFileSync(out, text);
  console.log(`src/rules/index.generated.ts : régénéré (${ids.length} règles).`);
}
