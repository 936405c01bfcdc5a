// The compact facts model (issue 18, point 1): cross-document (`territory`-phase) rules read the facts of the families
// they declare, never the documents' whole values. Proof, for every such rule of the catalogue: its findings on values
// projected to exactly its declared families equal its findings on the whole values — on every example territory, the
// test fixtures, every rule's fixtures and a generated académie —; and a projected value locates every pointer along
// its kept paths exactly as the whole value does (the findings of these rules keep their positions once values are dropped).
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runAudit, type AuditOptions } from "../src/audit/engine.js";
import { defineRule, type ReportDescriptor, type RuleContext, type RuleDefinition } from "../src/audit/rule.js";
import { rules } from "../src/rules/index.js";
import { Territory } from "../src/model/territory.js";
import { extractFacts, FactsModel, FACT_FAMILIES, projectValue } from "../src/model/compact/index.js";
import { isPlainObject, joinPointer, locate, type LoadedDocument } from "../src/load/document.js";
import { LogDocAst } from "../src/load/yaml-block/index.js";
import { FORMATS, getFormatter } from "../src/report/index.js";
import { indicatorsOf } from "../src/report/sections/evolution.js";
import { ROOT, FIXTURE_DATE, generatedAcademie } from "./helpers.js";

const base = (cwd: string): AuditOptions => ({ today: FIXTURE_DATE, date: FIXTURE_DATE, cwd, jobs: 1 });
const territoryRules = () => rules.filter((r) => r.phase === "territory" && r.check);

let corpus = "";
beforeAll(async () => {
  corpus = await generatedAcademie(11, "gouvnum-facts-");
}, 120_000);

/** Every territory the proof runs on: examples, test fixtures, each rule's fixtures alone and all together, the corpus. */
function territories(): string[] {
  const fixtures = readdirSync(join(ROOT, "src/rules"))
    .map((id) => join(ROOT, "src/rules", id, "fixtures"))
    .filter((d) => existsSync(d));
  return [
    join(ROOT, "examples/academie-exemple"),
    join(ROOT, "examples/minimal"),
    ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)),
    join(ROOT, "test/fixtures"),
    join(ROOT, "src/rules"),
    ...fixtures,
    corpus,
  ];
}

/** A document with another value (and positions that walk it), as the engine keeps it once values are dropped. */
function withValue(d: LoadedDocument, value: unknown): LoadedDocument {
  const ast = d.ast instanceof LogDocAst ? new LogDocAst(value, d.ast.log) : d.ast;
  return { ...d, value, ast };
}

/** What a rule reports on these documents, as comparable lines (the document by file and rank). */
function reports(rule: RuleDefinition, options: RuleContext["options"], documents: readonly LoadedDocument[], date: string): string[] {
  const out: string[] = [];
  const ctx: RuleContext = {
    get documents(): never {
      throw new Error(`${rule.id} lit ctx.documents`);
    },
    territory: new Territory(documents),
    facts: new FactsModel(documents.map((d) => [d, extractFacts(d)] as const)),
    date,
    options,
    report(d: ReportDescriptor) {
      out.push([`${d.on.doc.source.file}#${d.on.doc.index}`, d.on.ref ?? d.on.doc.entity, d.messageId, d.pointer ?? "", d.at ?? "value", JSON.stringify(d.data ?? {})].join(" "));
    },
    each(list, fn) {
      for (const e of list) fn(e);
    },
  };
  rule.check!(ctx);
  return out;
}

describe("modèle de faits compact : les règles de phase « territory » ne lisent que les faits qu'elles déclarent", () => {
  it("chaque règle de phase « territory » du catalogue déclare ses familles de faits, connues", () => {
    const rs = territoryRules();
    expect(rs.length).toBeGreaterThan(20);
    for (const r of rs) {
      expect(r.facts, r.id).toBeDefined();
      expect(r.facts!.length, r.id).toBeGreaterThan(0);
      for (const f of r.facts!) expect(FACT_FAMILIES, `${r.id} : ${f}`).toContain(f);
      // Nothing in its source reaches for a document's value.
      const src = readFileSync(join(ROOT, "src/rules", r.id, "rule.ts"), "utf8");
      for (const raw of [/ctx\.documents/, /\.value\b/, /\.doc\.ast\b/]) expect(raw.test(src), `${r.id} lit ${raw}`).toBe(false);
    }
  });

  it("sur des valeurs réduites à ses familles de faits, chaque règle donne exactement ses constats sur les valeurs entières", async () => {
    const found = new Map<string, number>();
    for (const dir of territories()) {
      const res = await runAudit([dir], base(dir));
      const options = new Map(res.rules.map((r) => [r.rule.id, r.options]));
      for (const rule of territoryRules()) {
        const whole = reports(rule, options.get(rule.id) ?? {}, res.documents, res.date);
        const projected = res.documents.map((d) => withValue(d, projectValue(d.kind, d.value, rule.facts!)));
        expect(reports(rule, options.get(rule.id) ?? {}, projected, res.date), `${rule.id} sur ${dir}`).toEqual(whole);
        found.set(rule.id, (found.get(rule.id) ?? 0) + whole.length);
      }
    }
    // Not vacuous: every rule reports somewhere (its failing fixtures at least), the corpus thousands of times.
    for (const r of territoryRules()) expect(found.get(r.id), r.id).toBeGreaterThan(0);
    expect([...found.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);
  }, 300_000);

  it("une valeur réduite situe chaque pointeur de ses chemins gardés (et une clé absente sous eux) comme la valeur entière", async () => {
    let compared = 0;
    for (const dir of [join(ROOT, "examples/academie-exemple"), ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)), corpus]) {
      const res = await runAudit([dir], base(dir));
      for (const d of res.documents) {
        if (!(d.ast instanceof LogDocAst)) continue;
        const p = withValue(d, projectValue(d.kind, d.value));
        for (const pointer of pointersOf(p.value, "")) {
          for (const at of ["value", "key"] as const) {
            for (const ptr of [pointer, joinPointer(...pointer.split("/").slice(1), "absente")]) {
              expect(locate(p, ptr, at), `${d.source.file} ${ptr}`).toEqual(locate(d, ptr, at));
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  }, 300_000);

  it("la réduction garde les clés et leur ordre, remplace ce qu'elle ne garde pas par null, et laisse tel quel un document sans genre connu", () => {
    const value = { kind: "etablissement", uai: "0350017D", nom: "X", roles: { chef_etablissement: { nom: "A", email: "a@b.fr" } }, equipements: [{ type: "pc", nombre: 3, annee_mise_en_service: 2015 }] };
    expect(projectValue("etablissement", value, ["ids"])).toEqual({ kind: "etablissement", uai: "0350017D", nom: "X", roles: null, equipements: null });
    expect(projectValue("etablissement", value, ["ids", "equipment"])).toEqual({
      kind: "etablissement",
      uai: "0350017D",
      nom: "X",
      roles: null,
      equipements: [{ type: null, nombre: 3, annee_mise_en_service: 2015 }],
    });
    expect(Object.keys(projectValue("etablissement", value) as object)).toEqual(Object.keys(value));
    expect(projectValue(undefined, value)).toBe(value);
    expect(projectValue("etablissement", [1, 2])).toEqual([1, 2]);
  });
});

describe("une exécution qui ne garde que les faits", () => {
  it("donne les mêmes constats, positions comprises, qu'une exécution qui garde les valeurs — audit et validation, un fil ou plusieurs", async () => {
    for (const dir of territories().filter((d) => !d.endsWith("fixtures"))) {
      for (const mode of ["audit", "validate"] as const) {
        const keep = await runAudit([dir], { ...base(dir), mode });
        for (const jobs of dir === corpus ? [1, 2] : [1]) {
          const facts = await runAudit([dir], { ...base(dir), mode, jobs, values: "facts" });
          const lines = (r: typeof keep) => r.findings.map((f) => JSON.stringify(f));
          expect(lines(facts), `${dir} (${mode}, ${jobs})`).toEqual(lines(keep));
          expect(facts.summary).toEqual(keep.summary);
          // The values are gone: no établissement keeps its direction's or référent's names and contacts.
          let persons = 0;
          for (const d of facts.documents) {
            if (d.kind !== "etablissement" || !isPlainObject(d.value)) continue;
            // The direction is in no family; of the référents, whether they are there and vacant (`roles`), not who.
            if (d.value.direction !== undefined) expect(d.value.direction, `${d.source.file} direction`).toBeNull();
            for (const k of ["referent_technique", "referent_numerique"]) {
              const p = d.value[k];
              if (!isPlainObject(p)) continue;
              for (const [key, v] of Object.entries(p)) if (key !== "vacant") expect(v, `${d.source.file} ${k}.${key}`).toBeNull();
              persons++;
            }
          }
          if (mode === "audit" && dir === corpus) expect(persons).toBeGreaterThan(1000);
        }
      }
    }
  }, 600_000);

  it("chaque format de `gouvnum audit` qui ne garde que les faits (tous sauf markdown) écrit les mêmes octets, indicateurs du JSON compris", async () => {
    const dirs = [join(ROOT, "examples/academie-exemple"), ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)), corpus];
    let indicators = 0;
    for (const dir of dirs) {
      const keep = await runAudit([dir], base(dir));
      const facts = await runAudit([dir], { ...base(dir), values: "facts" });
      const [ik, if_] = [indicatorsOf(keep, "t"), indicatorsOf(facts, "t")];
      expect(if_, dir).toEqual(ik);
      indicators += ik.filter((i) => i.numerateur > 0).length;
      for (const name of FORMATS.filter((f) => f !== "markdown")) {
        const format = await getFormatter(name);
        const ctx = { version: "t", failOn: "error" as const, color: false, summary: "auto" as const, stdout: true, ...(name === "json" ? { indicators: ik } : {}) };
        const out = (r: typeof keep) => format(r, name === "json" ? ctx : { ...ctx, indicators: undefined });
        expect(out(facts), `${dir} (${name})`).toBe(out(keep));
        if (name === "text") expect(format(facts, { ...ctx, summary: "only" }), `${dir} (résumé)`).toBe(format(keep, { ...ctx, summary: "only" }));
      }
    }
    expect(indicators).toBeGreaterThan(20);
  }, 300_000);

  it("une règle transversale qui ne déclare pas ses faits (règle locale) fait garder les valeurs entières", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    const local = (facts?: ["ids", "references"]) =>
      defineRule({
        id: "roles-lus",
        group: "D",
        severity: "info",
        appliesTo: ["etablissement"],
        phase: "territory",
        facts,
        summary: "Lit les rôles.",
        messages: { x: "{n}" },
        check(ctx) {
          ctx.each(ctx.territory.etablissements, (e) => {
            const nom = e.data.referent_technique?.nom;
            if (typeof nom === "string") ctx.report({ on: e, pointer: "/referent_technique", messageId: "x", data: { n: nom.length } });
          });
        },
      });
    const seen = (r: Awaited<ReturnType<typeof runAudit>>) => r.findings.filter((f) => f.ruleId === "roles-lus").length;
    const undeclared = await runAudit([dir], { ...base(dir), values: "facts", rules: [...rules, local()] });
    expect(seen(undeclared)).toBeGreaterThan(5);
    // Declared (wrongly here: names are in no family), the values are reduced and the rule sees no name.
    const declared = await runAudit([dir], { ...base(dir), values: "facts", rules: [...rules, local(["ids", "references"])] });
    expect(seen(declared)).toBe(0);
  });
});

/** Every pointer of a value's mappings and sequences (the value itself excluded). */
function* pointersOf(v: unknown, at: string): Generator<string> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      yield `${at}/${i}`;
      yield* pointersOf(v[i], `${at}/${i}`);
    }
  } else if (isPlainObject(v)) {
    for (const k of Object.keys(v)) {
      const p = `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      yield p;
      yield* pointersOf(v[k], p);
    }
  }
}
