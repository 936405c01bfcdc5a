// Rule catalogue version 2: a renamed rule's old id is an alias (--rule, configuration, gouvnum-ignore,
// baselines) with a notice, never a finding; the boundaries that fixtures (audited on one date) cannot reach.
import { describe, expect, it } from "vitest";
import { runAudit } from "../src/audit/engine.js";
import { emptyConfig } from "../src/validate/config.js";
import { canonicalRuleId } from "../src/core/rule-ids.js";
import { daysBetween, echeance } from "../src/model/territory.js";
import { FIXTURE_DATE, ROOT, runText } from "./helpers.js";

const OLD = "convention-anterieure-3ds";
const NEW = "convention-autorite-fonctionnelle-absente";

const territory = (extra = "") => `kind: collectivite
id: dep-35
type: departement
nom: Département d'Ille-et-Vilaine
code_insee: "35"
academie: "14"
---
kind: etablissement
uai: "0350903S"
nom: Collège des Exemples
type: college
academie: "14"
collectivite: dep-35
---
kind: convention
id: conv-dep35-0350903s-2020
type: eple_collectivite
parties: ["collectivite:dep-35", "etablissement:0350903S"]
debut: "2020-09-01"
${extra}`;

describe("identifiant remplacé", () => {
  it("canonicalRuleId ramène l'ancien identifiant au nouveau, et laisse les autres", () => {
    expect(canonicalRuleId(OLD)).toBe(NEW);
    expect(canonicalRuleId(NEW)).toBe(NEW);
    expect(canonicalRuleId("schema")).toBe("schema");
  });

  it("--rule avec l'ancien identifiant règle la nouvelle règle, avec un avis et sans constat", async () => {
    const on = await runText(territory());
    expect(on.findings.filter((f) => f.ruleId === NEW).length).toBe(1);
    expect(on.notices).toEqual([]);
    const off = await runText(territory(), { rules: { [OLD]: "off" } });
    expect(off.findings.filter((f) => f.ruleId === NEW)).toEqual([]);
    expect(off.notices.length).toBe(1);
    expect(off.notices[0]).toContain(`« ${OLD} »`);
    expect(off.notices[0]).toContain(`« ${NEW} »`);
    expect(off.findings.some((f) => f.ruleId.startsWith("suppression"))).toBe(false);
  });

  it("la configuration accepte l'ancien identifiant (sévérité reprise par la nouvelle règle)", async () => {
    const config = { ...emptyConfig(ROOT), file: "gouvnum.config.yaml", rules: { [OLD]: { severity: "error" as const } } };
    const r = await runAudit([{ name: "t.yaml", text: territory() }], { mode: "audit", date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config });
    const f = r.findings.filter((x) => x.ruleId === NEW);
    expect(f.map((x) => x.severity)).toEqual(["error"]);
    expect(r.notices.join("\n")).toContain("gouvnum.config.yaml");
  });

  it("un commentaire gouvnum-ignore avec l'ancien identifiant masque le constat de la nouvelle règle", async () => {
    const r = await runText(territory("# gouvnum-ignore convention-anterieure-3ds -- avenant en cours de signature\n"));
    const f = r.findings.filter((x) => x.ruleId === NEW);
    expect(f.length).toBe(1);
    expect(f[0].suppressed?.reason).toBe("avenant en cours de signature");
    expect(r.findings.filter((x) => x.ruleId.startsWith("suppression-"))).toEqual([]);
    expect(r.notices.length).toBe(1);
    expect(r.notices[0]).toMatch(/gouvnum-ignore, t?.*:\d+/);
  });

  it("une référence --baseline enregistrée sous l'ancien identifiant reconnaît le constat de la nouvelle règle", async () => {
    const first = await runText(territory());
    const f = first.findings.find((x) => x.ruleId === NEW)!;
    const baseline = { version: 1 as const, findings: [{ fingerprint: "ancienne-empreinte", ruleId: OLD, entity: f.entity, pointer: "/debut", file: f.file }] };
    const r = await runAudit([{ name: "fixture.yaml", text: territory() }], {
      mode: "audit", date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT), baseline,
    });
    const again = r.findings.find((x) => x.ruleId === NEW)!;
    expect(again.known).toBe(true);
    expect(r.summary.known).toBeGreaterThanOrEqual(1);
    expect(r.notices.join("\n")).toContain("--baseline");
  });
});

describe("bornes de date", () => {
  it(`${NEW} : rien la veille de l'entrée en vigueur de la loi 3DS, un constat le jour même`, async () => {
    const before = await runText(territory(), { date: "2022-02-22", only: [NEW] });
    expect(before.findings.filter((f) => f.ruleId === NEW)).toEqual([]);
    const day = await runText(territory(), { date: "2022-02-23", only: [NEW] });
    expect(day.findings.filter((f) => f.ruleId === NEW).length).toBe(1);
  });

  it("échéance : jours restants et vigueur, pour la règle et la commande deadlines", () => {
    expect(daysBetween("2026-09-01", "2026-11-30")).toBe(90);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-09-02", "2026-09-01")).toBe(-1);
    expect(echeance({ id: "c", type: "autre", parties: ["a:1", "b:2"], fin: "2026-09-01" } as never, "2026-09-01")).toEqual({
      fin: "2026-09-01",
      joursRestants: 0,
      enVigueur: true,
    });
    expect(echeance({ id: "c", type: "autre", parties: ["a:1", "b:2"] } as never, "2026-09-01")).toBeUndefined();
  });

  it("convention-echeance-proche : l'option jours déplace la borne", async () => {
    const text = territory('fin: "2026-10-01"\n');
    const dflt = await runText(text, { only: ["convention-echeance-proche"] });
    expect(dflt.findings.filter((f) => f.ruleId === "convention-echeance-proche").map((f) => f.message)).toEqual([
      "La convention « conv-dep35-0350903s-2020 » prend fin le 2026-10-01, dans 30 jours : préparez son renouvellement avec les autres parties avant cette date.",
    ]);
    const config = { ...emptyConfig(ROOT), rules: { "convention-echeance-proche": { options: { jours: 29 } } } };
    const r = await runAudit([{ name: "t.yaml", text }], { mode: "audit", date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config });
    expect(r.findings.filter((f) => f.ruleId === "convention-echeance-proche")).toEqual([]);
  });
});

describe("convention-ecole-manquante nomme le type de la collectivité", () => {
  it("EPCI : « son intercommunalité », jamais « sa commune »", async () => {
    const text = `kind: collectivite\nid: cc-exemples\ntype: epci\nnom: Communauté de communes des Exemples\ncode_insee: "200000000"\nacademie: "14"\n---\nkind: etablissement\nuai: "0350924P"\nnom: École intercommunale des Exemples\ntype: ecole\nacademie: "14"\ncollectivite: cc-exemples\n`;
    const r = await runText(text, { only: ["convention-ecole-manquante"] });
    const f = r.findings.filter((x) => x.ruleId === "convention-ecole-manquante");
    expect(f.length).toBe(1);
    expect(f[0].message).toContain("son intercommunalité (EPCI)");
    expect(f[0].message).not.toContain("sa commune");
  });
});
