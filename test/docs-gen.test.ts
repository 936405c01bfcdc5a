// The generated parts of the documentation are up to date: the rule index of docs/regles.md (from the registry)
// and the key tables of docs/format.md (from schemas/*.schema.json). `npm run gen:docs` rewrites them.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rules } from "../src/rules/index.js";
import { rulesMarkdownTable, TABLE_END, TABLE_START, withRulesTable } from "../src/rules/table.js";
import { FORMAT_END, FORMAT_START, formatTables, KINDS, typeText, withFormatTables } from "../src/validate/schema-doc.js";
import { ROOT } from "./helpers.js";

const read = (p: string) => readFileSync(join(ROOT, p), "utf8");
const schemas = Object.fromEntries(
  readdirSync(join(ROOT, "schemas"))
    .filter((f) => f.endsWith(".schema.json"))
    .map((f) => [f, JSON.parse(read(`schemas/${f}`))]),
);

describe("docs/regles.md", () => {
  const page = read("docs/regles.md");

  it("l'index des règles est à jour (sinon : npm run gen:docs)", () => {
    expect(page.indexOf(TABLE_START)).toBeGreaterThan(0);
    expect(withRulesTable(page), "docs/regles.md n'est pas à jour : lancez npm run gen:docs").toBe(page);
  });

  it("nomme chaque règle du registre, avec un lien vers sa page", () => {
    for (const r of rules) expect(page).toContain(`[\`${r.id}\`](../src/rules/${r.id}/doc.md)`);
    expect(rulesMarkdownTable().split("\n")).toHaveLength(rules.length + 2);
  });

  it("le README n'a plus de tableau des règles", () => {
    expect(read("README.md")).not.toContain(TABLE_END);
  });
});

describe("docs/format.md", () => {
  const page = read("docs/format.md");

  it("les tableaux des clés sont à jour (sinon : npm run gen:docs)", () => {
    expect(page.indexOf(FORMAT_START)).toBeGreaterThan(0);
    expect(page.indexOf(FORMAT_END)).toBeGreaterThan(page.indexOf(FORMAT_START));
    expect(withFormatTables(page, formatTables(schemas)), "docs/format.md n'est pas à jour : lancez npm run gen:docs").toBe(page);
  });

  it("décrit chaque clé de premier niveau de chaque kind, et chaque type commun", () => {
    for (const kind of KINDS) {
      const s = schemas[`${kind}.schema.json`];
      expect(page).toContain(`### \`kind: ${kind}\``);
      for (const key of Object.keys(s.properties)) expect(page, `${kind}.${key}`).toMatch(new RegExp(`^\\| \`${key}\` \\|`, "m"));
    }
    for (const name of Object.keys(schemas["defs.schema.json"].$defs)) expect(page).toContain(`#### Type \`${name}\``);
  });

  it("garde la section de l'import de l'annuaire, hors de la partie générée", () => {
    const a = page.indexOf(FORMAT_START);
    const b = page.indexOf(FORMAT_END);
    const annuaire = page.indexOf("## Établissements (`kind: etablissement`) : les données de l'annuaire");
    expect(annuaire).toBeGreaterThan(b);
    expect(a).toBeGreaterThan(0);
  });

  it("dit les types en français : listes, énumérations, bornes, types nommés", () => {
    expect(typeText({ type: "array", items: { type: "integer", minimum: 0, maximum: 3 } })).toBe("liste d'entiers de 0 à 3");
    expect(typeText({ type: "string", enum: ["rep", "rep_plus"] })).toBe("`rep` | `rep_plus`");
    expect(typeText({ $ref: "defs.schema.json#/$defs/Personne" })).toBe("[`Personne`](#type-personne)");
    expect(typeText({ type: "array", minItems: 2, items: { $ref: "#/$defs/Ref" } })).toBe("liste (2 au moins) de [`Ref`](#type-ref)");
    expect(typeText({ type: ["string", "null"], format: "date" })).toBe("[`Date`](#type-date) ou `null`");
  });
});
