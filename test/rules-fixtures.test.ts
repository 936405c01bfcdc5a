// Every rule's fixtures (src/rules/<id>/fixtures/): findings of the rule under test sit exactly on the lines marked `# attendu: <id>`.
import { describe, expect, it } from "vitest";
import { readdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, markers, runText } from "./helpers.js";
import { rules } from "../src/rules/index.js";

const base = join(ROOT, "src/rules");
const ids = readdirSync(base).filter((id) => existsSync(join(base, id, "fixtures"))).sort();

describe("fixtures des règles", () => {
  for (const id of ids) {
    const dir = join(base, id, "fixtures");
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const f of files) {
      it(`${id} / ${f}`, async () => {
        const path = join(dir, f);
        // The engine gets the file's bytes (an encoding fixture must stay what it is); markers are ASCII.
        const bytes = readFileSync(path);
        const text = new TextDecoder("utf-8").decode(bytes);
        const rule = rules.find((r) => r.id === id);
        expect(rule, `règle ${id}`).toBeDefined();
        const result = await runText(bytes, {}, `${id}/${f}`);
        const got = result.findings.filter((x) => x.ruleId === id).map((x) => `${x.line}:${x.ruleId}`).sort();
        const want = markers(text).filter((m) => m.ruleId === id).map((m) => `${m.line}:${m.ruleId}`).sort();
        if (f.startsWith("valide")) expect(want).toEqual([]);
        if (f.startsWith("invalide")) expect(want.length).toBeGreaterThan(0);
        expect(got).toEqual(want);
        // Every finding of every rule carries a filled message and a position inside the file.
        const lines = text.split("\n").length;
        for (const x of result.findings) {
          expect(x.message).not.toMatch(/\{[a-zA-Z_]+\}/);
          expect(x.line).toBeGreaterThanOrEqual(1);
          expect(x.line).toBeLessThanOrEqual(lines);
        }
      });
    }
  }
});
