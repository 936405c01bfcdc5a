// Generates docs/rapport-modele-de-vue.md — the view model a custom report template receives — from the types of
// src/report/vm-types.ts (their names, fields, types and doc comments), read with the TypeScript compiler.
//   node scripts/gen-vm-doc.mjs           writes the page
//   node scripts/gen-vm-doc.mjs --check   exits 1 when the page is not up to date
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = `${root}src/report/vm-types.ts`;
export const DOC = `${root}docs/rapport-modele-de-vue.md`;

function comment(node, sf) {
  const docs = ts.getJSDocCommentsAndTags(node).filter((d) => d.kind === ts.SyntaxKind.JSDoc);
  return docs
    .map((d) => (typeof d.comment === "string" ? d.comment : (d.comment ?? []).map((c) => c.text).join("")))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

const cell = (s) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

export function render() {
  const text = readFileSync(SOURCE, "utf8");
  const sf = ts.createSourceFile(SOURCE, text, ts.ScriptTarget.Latest, true);
  const out = [
    "# Le modèle de vue des rapports",
    "",
    "<!-- Généré par scripts/gen-vm-doc.mjs à partir de src/report/vm-types.ts : ne pas modifier à la main. -->",
    "",
    "Un gabarit personnalisé (`gouvnum report --template mon-gabarit.hbs`) reçoit l'objet `RapportVM` décrit ici",
    "(une page d'index de `--split-by` reçoit `IndexVM`). Les textes sont déjà en français ; les champs `svg` sont du",
    "SVG échappé par gouvnum, à insérer tel quel avec `{{{svg}}}`. Le champ `version` change quand un champ disparaît",
    "ou change de sens. Voir aussi [Rapports](rapports.md).",
    "",
  ];
  const order = [];
  ts.forEachChild(sf, (node) => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) order.push(node);
  });
  // RapportVM first, then the others in file order.
  order.sort((a, b) => (a.name.text === "RapportVM" ? -1 : b.name.text === "RapportVM" ? 1 : 0));
  for (const node of order) {
    const name = node.name.text;
    out.push(`## \`${name}\``, "");
    const c = comment(node, sf);
    if (c) out.push(c, "");
    if (ts.isTypeAliasDeclaration(node)) {
      out.push("```ts", node.getText(sf).replace(/^export /, ""), "```", "");
      continue;
    }
    if (node.heritageClauses) out.push(`Reprend tous les champs de ${node.heritageClauses.flatMap((h) => h.types.map((t) => `\`${t.getText(sf)}\``)).join(", ")}.`, "");
    out.push("| Champ | Type | Description |", "| --- | --- | --- |");
    for (const m of node.members) {
      if (!ts.isPropertySignature(m)) continue;
      const opt = m.questionToken ? "?" : "";
      out.push(`| \`${m.name.getText(sf)}${opt}\` | \`${cell(m.type ? m.type.getText(sf) : "unknown")}\` | ${cell(comment(m, sf))} |`);
    }
    out.push("");
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = render();
  if (process.argv.includes("--check")) {
    const actual = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
    if (actual !== expected) {
      console.error("docs/rapport-modele-de-vue.md n'est pas à jour : lancez « npm run gen:vm-doc ».");
      process.exit(1);
    }
    console.log("docs/rapport-modele-de-vue.md : à jour.");
  } else {
    writeFileSync(DOC, expected);
    console.log("docs/rapport-modele-de-vue.md : écrit.");
  }
}
