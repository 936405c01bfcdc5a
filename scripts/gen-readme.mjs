// Regenerates the README's rule table from the registry (run after `npm run build`).
import { readFileSync, writeFileSync } from "node:fs";
import { withRulesTable } from "../dist/rules/table.js";

const path = new URL("../README.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = withRulesTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "README : tableau des règles à jour." : "README : tableau des règles régénéré.");
