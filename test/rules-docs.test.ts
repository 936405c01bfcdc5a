// Every rule's doc page (src/rules/<id>/doc.md): header and options made from the rule, fixed sections, and its two YAML examples run — the first triggers exactly this rule, the second nothing.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, read, runText } from "./helpers.js";
import { rules } from "../src/rules/index.js";
import { withGeneratedParts } from "../src/rules/page.js";

export const SECTIONS = ["Ce que vérifie la règle", "Pourquoi", "Pour corriger", "Exemple non conforme", "Exemple conforme", "Options", "Références"];

export function example(md: string, section: string): string | undefined {
  const start = md.indexOf(`## ${section}\n`);
  if (start < 0) return undefined;
  const rest = md.slice(start + section.length + 4);
  const end = rest.indexOf("\n## ");
  const body = end >= 0 ? rest.slice(0, end) : rest;
  const m = /```yaml\n([\s\S]*?)```/.exec(body);
  return m?.[1];
}

/** Windows-1252 bytes of a text (for the `encodage` example). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

describe("documentation des règles", () => {
  for (const rule of rules) {
    const path = join(ROOT, "src/rules", rule.id, "doc.md");
    it(`${rule.id} : page complète`, () => {
      expect(existsSync(path), path).toBe(true);
      const md = read(path);
      expect(md.startsWith(`# ${rule.id}\n`)).toBe(true);
      // Title, severity line, summary and « Options » are made from the rule: a page that differs is out of date.
      expect(withGeneratedParts(md, rule), `${rule.id}/doc.md n'est pas à jour : lancez npm run gen:docs`).toBe(md);
      expect(md, "« Pour corriger » est une section, plus un paragraphe de « Pourquoi »").not.toMatch(/^(\*\*)?Pour corriger(\*\*)?\s*:/m);
      let last = -1;
      for (const s of SECTIONS) {
        const at = md.indexOf(`\n## ${s}\n`);
        expect(at, `section « ${s} »`).toBeGreaterThan(last);
        last = at;
      }
    });
    it(`${rule.id} : exemples exécutés`, async () => {
      if (!existsSync(path)) return expect.fail("page absente");
      const md = read(path);
      const bad = example(md, "Exemple non conforme");
      const good = example(md, "Exemple conforme");
      expect(bad, "exemple non conforme").toBeDefined();
      expect(good, "exemple conforme").toBeDefined();
      const only = [rule.id];
      const badResult = await runText(rule.id === "encodage" ? cp1252(bad!) : bad!, { only }, `${rule.id}-non-conforme.yaml`);
      expect(badResult.findings.map((f) => f.ruleId).filter((id) => id !== rule.id), "autres règles dans l'exemple non conforme").toEqual([]);
      expect(badResult.findings.length, "l'exemple non conforme déclenche la règle").toBeGreaterThan(0);
      const goodResult = await runText(good!, { only }, `${rule.id}-conforme.yaml`);
      expect(goodResult.findings.map((f) => `${f.ruleId} ${f.line}: ${f.message}`)).toEqual([]);
    });
  }
});
