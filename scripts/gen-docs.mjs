// Regenerates the generated parts of the documentation (run after `npm run build`):
// the rule index of docs/regles.md from the registry, the key tables of docs/format.md from schemas/*.schema.json,
// the `rules:` part of schemas/config.schema.json (every rule id and its options, for editors) from the registry,
// and each rule page's header and « Options » section (src/rules/<id>/doc.md) from its rule.
// `--check` writes nothing and exits 1 when a page is out of date (part of npm run gen:check, after a build).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { withRulesTable } from "../dist/rules/table.js";
import { rules } from "../dist/rules/index.js";
import { configSchemaText, withRuleSettings } from "../dist/rules/config-schema.js";
import { withGeneratedParts } from "../dist/rules/page.js";
import { formatTables, withFormatTables } from "../dist/validate/schema-doc.js";

const check = process.argv.includes("--check");
const root = new URL("..", import.meta.url);
const schemasDir = new URL("schemas/", root);
const schemas = Object.fromEntries(
  readdirSync(schemasDir).filter((f) => f.endsWith(".schema.json")).map((f) => [f, JSON.parse(readFileSync(new URL(f, schemasDir), "utf8"))]),
);
const pages = [
  ["schemas/config.schema.json", (text) => configSchemaText(withRuleSettings(JSON.parse(text), rules))],
  ["docs/regles.md", (text) => withRulesTable(text)],
  ["docs/format.md", (text) => withFormatTables(text, formatTables(schemas))],
  ...rules.map((r) => [`src/rules/${r.id}/doc.md`, (text) => withGeneratedParts(text, r)]),
];
let stale = 0;
for (const [page, regenerate] of pages) {
  const url = new URL(page, root);
  const before = readFileSync(url, "utf8");
  const after = regenerate(before);
  if (after === before) {
    if (!check) console.log(`${page} : à jour.`);
  }
  else if (check) {
    stale++;
    console.error(`${page} : pas à jour (lancez npm run gen:docs).`);
  } else {
    writeFileSync(url, after);
    console.log(`${page} : régénéré.`);
  }
}
if (check && !stale) console.log(`docs/regles.md, docs/format.md, schemas/config.schema.json et les ${rules.length} pages des règles : à jour.`);
process.exitCode = stale ? 1 : 0;
