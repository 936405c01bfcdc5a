// Findings located in the per-file stage (issue 18, point 1: values are dropped once their facts and findings are out).
// Every finding the stage makes — schema violations, `kind-inconnu`, what the `document`-phase rules report — is
// located there, while the document's value and positions are at hand. Proof that nothing changes: each place the
// stage computed equals `locate` walking the document's positions afterwards (today's path), on every example
// territory, the test and rule fixtures and a generated académie, with the block path and the reference parser; and an
// audit whose findings all come from the stage gives the same output when no document has positions left.
import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAudit, type AuditOptions } from "../src/audit/engine.js";
import { locate, type LoadedDocument, type Place } from "../src/load/document.js";
import type { DocAst } from "../src/load/ast.js";
import { rules } from "../src/rules/index.js";
import { ROOT, FIXTURE_DATE, generatedAcademie, KeptMemo } from "./helpers.js";

const base = (cwd: string): AuditOptions => ({ today: FIXTURE_DATE, date: FIXTURE_DATE, cwd, jobs: 1 });

let corpus = "";
beforeAll(async () => {
  corpus = await generatedAcademie(11, "gouvnum-positions-stage-");
}, 120_000);

const territories = () => [
  join(ROOT, "examples/academie-exemple"),
  join(ROOT, "examples/minimal"),
  ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)),
  join(ROOT, "test/fixtures"),
  join(ROOT, "src/rules"), // every rule's fixtures, read as one territory
  corpus,
];

const walked = (doc: LoadedDocument, pointer: string, at: "value" | "key" = "value"): Place => {
  const l = locate(doc, pointer, at);
  return [l.line, l.column, l.endLine, l.endColumn];
};

describe("constats situés dans l'étape par fichier", () => {
  it("chaque place calculée dans l'étape est celle que donne le parcours des positions du document, sur tous les territoires", async () => {
    const counts = { schema: 0, kind: 0, rules: 0 };
    for (const dir of territories()) {
      for (const [mode, quickParser] of [["audit", true], ["validate", true], ["audit", false]] as const) {
        const memo = new KeptMemo();
        await runAudit([dir], { ...base(dir), mode, memo, quickParser });
        for (const [r, , , docs] of memo.results.values()) {
          r.docs.forEach((d, i) => {
            const doc = docs![i];
            const where = `${r.file}#${d.index} (${mode}${quickParser ? "" : ", analyseur de référence"})`;
            for (const v of d.violations) {
              expect(v.place, where).toEqual(walked(doc, v.pointer, v.at));
              counts.schema++;
            }
            if (d.kindProblem) {
              expect(d.kindProblem[3], where).toEqual(walked(doc, d.kindProblem[2]));
              counts.kind++;
            }
            for (const [, , , pointer, at, , , place] of d.found?.reported ?? []) {
              expect(place, where).toEqual(walked(doc, pointer, at));
              counts.rules++;
            }
          });
        }
      }
    }
    // Not vacuous: thousands of places compared, of each sort.
    expect(counts.schema).toBeGreaterThan(100);
    expect(counts.kind).toBeGreaterThan(10);
    expect(counts.rules).toBeGreaterThan(1000);
  }, 600_000);

  it("un audit dont tous les constats viennent de l'étape ne relit ni positions ni texte : documents sans positions, fichiers sans texte, même sortie", async () => {
    const odd = mkdtempSync(join(tmpdir(), "gouvnum-positions-stage-odd-"));
    writeFileSync(join(odd, "a.yaml"), "kind: etablisement\nuai: 0350017D\n---\n- une liste\n---\nkind: 12\n---\nnom: sans genre\n");
    writeFileSync(join(odd, "c.yaml"), "kind: etablissement\nuai: [0350017D\nnom: B\n");
    writeFileSync(join(odd, "d.yaml"), "kind: collectivite # gouvnum-ignore schema -- en cours\nid: dep-35\n---\nkind: academie # gouvnum-ignore\n---\nkind: academie\n# gouvnum-ignore regle-qui-nexiste-pas -- x\n");
    writeFileSync(join(odd, "b.yaml"), "kind: etablissement\nuai: 0350017D\nnom: A\ntype: colege\nacademie: 14\ncollectivite: dep-35\ninconnue: 1\n");
    // The registry's document-phase rules only: every finding comes from the stage (a library rule runs on this thread
    // after it, while values and positions are still there: located as it reports, see test/phases.test.ts).
    // With the rules that have no check (schema, kind-inconnu, yaml-syntaxe, suppressions…: the engine's own).
    const stageOnly = rules.filter((r) => r.phase === "document" || !r.check);
    let compared = 0;
    for (const dir of [join(ROOT, "examples/academie-exemple"), join(ROOT, "test/fixtures"), corpus, odd]) {
      for (const mode of ["audit", "validate"] as const) {
        const opts: AuditOptions = { ...base(dir), mode, rules: stageOnly };
        const memo = new KeptMemo();
        const first = await runAudit([dir], { ...opts, memo });
        expect(first.findings.filter((f) => !stageOnly.some((r) => r.id === f.ruleId))).toEqual([]);
        // Every document loses its positions; every file the positions computed for it: asking for one is an error.
        const none: DocAst = {
          walk: () => {
            throw new Error("positions relues");
          },
          kindRange: () => {
            throw new Error("positions relues");
          },
          contentStart: () => {
            throw new Error("positions relues");
          },
        };
        for (const [, , source, docs] of memo.results.values()) {
          if (source) {
            source.located = new Map();
            source.asts = undefined;
            // Nor its text: syntax problems and suppression comments were located in the stage too.
            Object.defineProperty(source, "text", {
              get() {
                throw new Error("texte relu");
              },
            });
            source.lineStarts = undefined;
          }
          for (const d of docs ?? []) d.ast = none;
        }
        const again = await runAudit([dir], { ...opts, memo });
        expect(JSON.stringify(again.findings), `${dir} (${mode})`).toBe(JSON.stringify(first.findings));
        const fresh = await runAudit([dir], opts);
        expect(JSON.stringify(fresh.findings), `${dir} (${mode})`).toBe(JSON.stringify(first.findings));
        compared += first.findings.length;
        if (dir === odd && mode === "audit") {
          const ids = new Set(first.findings.map((f) => f.ruleId));
          for (const id of ["schema", "kind-inconnu", "yaml-syntaxe", "suppression-invalide"]) expect(ids, id).toContain(id);
          expect(first.findings.some((f) => f.suppressed)).toBe(true);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);
});
