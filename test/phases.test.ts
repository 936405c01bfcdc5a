// Two-phase rules (issue 18, point 1): `document`-phase rules run in the per-file stage, as each document is parsed;
// `territory`-phase rules that declare their facts read only the compact facts model. Proof that nothing changes: the
// findings, positions included, equal those of the path where every rule runs once everything is loaded — on every
// example territory, on the test and rule fixtures (duplicated ids, invalid documents, hostile files) and on a generated
// académie corpus.
import { describe, expect, it, beforeAll } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runAudit, RuleCrash, type AuditOptions } from "../src/audit/engine.js";
import { defineRule } from "../src/audit/rule.js";
import { rules } from "../src/rules/index.js";
import { ROOT, FIXTURE_DATE, generatedAcademie, KeptMemo } from "./helpers.js";

const base = (cwd: string): AuditOptions => ({ today: FIXTURE_DATE, date: FIXTURE_DATE, cwd, jobs: 1 });

let corpus = "";
beforeAll(async () => {
  corpus = await generatedAcademie(7, "gouvnum-phases-");
}, 120_000);

const documentRules = () => new Set(rules.filter((r) => r.phase === "document").map((r) => r.id));

describe("règles à deux phases", () => {
  it("les règles de phase « document », lancées dans l'étape par fichier, donnent exactement les constats d'une exécution sur tout le territoire", async () => {
    const dirs = [
      join(ROOT, "examples/academie-exemple"),
      join(ROOT, "examples/minimal"),
      ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)),
      join(ROOT, "test/fixtures"),
      join(ROOT, "src/rules"), // every rule's fixtures, read as one territory
      corpus,
    ];
    const byDocumentRules = new Map<string, number>();
    for (const dir of dirs) {
      for (const mode of ["audit", "validate"] as const) {
        const memo = new KeptMemo();
        const two = await runAudit([dir], { ...base(dir), mode, memo });
        const one = await runAudit([dir], { ...base(dir), mode, twoPhase: false });
        expect(JSON.stringify(two.findings), `${dir} (${mode})`).toBe(JSON.stringify(one.findings));
        expect(two.summary).toEqual(one.summary);
        // The stage itself found them (not the engine afterwards).
        let inStage = 0;
        for (const [r] of memo.results.values()) for (const d of r.docs) inStage += d.found?.reported.length ?? 0;
        if (mode === "audit") byDocumentRules.set(dir, inStage);
      }
    }
    const ids = documentRules();
    expect(ids.size).toBeGreaterThan(20);
    // Not vacuous: the fixtures and the corpus have thousands of such findings, found in the per-file stage.
    expect(byDocumentRules.get(corpus)).toBeGreaterThan(1000);
    expect(byDocumentRules.get(join(ROOT, "src/rules"))).toBeGreaterThan(100);
  }, 300_000);

  it("un résultat de l'étape calculé sous d'autres réglages (une autre date) n'est pas repris : les règles de phase « document » sont relancées", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    const memo = new KeptMemo();
    await runAudit([dir], { ...base(dir), memo });
    const later = { ...base(dir), date: "2034-01-01" };
    const reused = await runAudit([dir], { ...later, memo });
    const fresh = await runAudit([dir], later);
    expect(JSON.stringify(reused.findings)).toBe(JSON.stringify(fresh.findings));
    // The date matters to these rules: conventions have lapsed by then.
    expect(fresh.findings.some((f) => f.ruleId === "convention-expiree")).toBe(true);
  }, 60_000);

  it("une règle de bibliothèque de phase « document » est lancée document par document, doublons exclus comme sur tout le territoire", async () => {
    const text = [
      "kind: etablissement\nuai: 0350017D\nnom: A\ntype: college\nacademie: \"14\"\ncollectivite: dep-35\n",
      "kind: etablissement\nuai: 0350017D\nnom: B\ntype: college\nacademie: \"14\"\ncollectivite: dep-35\n",
    ].join("---\n");
    const rule = (phase?: "document") =>
      defineRule({
        id: "nom-signale",
        group: "D",
        severity: "info",
        appliesTo: ["etablissement"],
        phase,
        summary: "Chaque nom.",
        messages: { nom: "{nom}" },
        check(ctx) {
          ctx.each(ctx.territory.etablissements, (e) => ctx.report({ on: e, pointer: "/nom", messageId: "nom", data: { nom: e.data.nom } }));
        },
      });
    const run = (phase?: "document") => runAudit([{ name: "x.yaml", text }], { ...base(ROOT), rules: [...rules, rule(phase)] });
    const [two, one] = await Promise.all([run("document"), run()]);
    const mine = (r: Awaited<ReturnType<typeof run>>) => r.findings.filter((f) => f.ruleId === "nom-signale").map((f) => `${f.line}:${f.message}`);
    expect(mine(two)).toEqual(["3:A"]);
    expect(mine(two)).toEqual(mine(one));
  });
});

describe("règles de phase « territory » : le modèle de faits, pas les valeurs", () => {
  /** A rule's source: its own folder (src/rules/<id>/rule.ts) or, before that, src/rules/<id>.ts. */
  const sourceOf = (id: string) => {
    const own = join(ROOT, "src/rules", id, "rule.ts");
    return readFileSync(existsSync(own) ? own : join(ROOT, "src/rules", `${id}.ts`), "utf8");
  };

  it("les règles qui ne lisent que les identités et les références (ctx.facts) n'ouvrent ni les documents, ni le territoire, ni les valeurs", () => {
    // The other territory-phase rules read the territory of projected values: test/facts.test.ts proves they read no more.
    for (const id of ["identifiant-duplique", "reference-inconnue"]) {
      const src = sourceOf(id);
      for (const raw of [/ctx\.documents/, /ctx\.territory/, /\.value\b/, /\.data\b/, /\bobj\(/, /\brec\(/, /helpers\.js/]) {
        expect(raw.test(src), `${id} lit ${raw}`).toBe(false);
      }
    }
  });

  it("à l'exécution, lire ctx.documents depuis une telle règle est une erreur", async () => {
    const sneaky = defineRule({
      id: "lit-les-valeurs",
      group: "B",
      severity: "info",
      appliesTo: ["academie"],
      phase: "territory",
      facts: ["ids"],
      summary: "Lit ce qu'elle ne déclare pas.",
      messages: { x: "x" },
      check(ctx) {
        void ctx.documents.length;
      },
    });
    const dir = join(ROOT, "examples/academie-exemple");
    await expect(runAudit([dir], { ...base(dir), rules: [...rules, sneaky] })).rejects.toThrow(RuleCrash);
  });

  it("une règle du catalogue qui échoue est dite défaut de gouvnum, qu'elle tourne dans l'étape par fichier ou après", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    for (const id of ["chef-etablissement-absent", "convention-manquante"]) {
      const rule = rules.find((r) => r.id === id) as { check?: (ctx: never) => void };
      const check = rule.check;
      rule.check = () => {
        throw new Error("boum");
      };
      try {
        await expect(runAudit([dir], base(dir)), id).rejects.toThrow(new RegExp(`La règle « ${id} » a échoué en lisant « .+ » : boum\\. C'est un défaut de gouvnum`));
      } finally {
        rule.check = check;
      }
    }
  });

  it("chaque règle du catalogue qui a un contrôle déclare sa phase", () => {
    const undeclared = rules.filter((r) => r.check && r.phase === undefined).map((r) => r.id);
    expect(undeclared).toEqual([]);
  });
});
