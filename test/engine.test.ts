// The engine: configuration, options, suppressions, baselines, a rule that throws.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAudit } from "../src/audit/engine.js";
import { defineRule } from "../src/audit/rule.js";
import { rules } from "../src/rules/index.js";
import { emptyConfig } from "../src/validate/config.js";
import { GouvnumError } from "../src/core/errors.js";
import { fingerprint } from "../src/audit/baseline.js";
import { runText, FIXTURE_DATE, ROOT } from "./helpers.js";
import { cli } from "./cli-helpers.js";

const COLLEGE = (extra = "") => `kind: collectivite
id: dep-35
type: departement
nom: Ille-et-Vilaine
code_insee: "35"
academie: "14"
renouvellement: { mode: systematique, age_max_ans: 4 }
---
kind: etablissement
uai: "0350017D"
nom: Collège du Querpon
type: college
academie: "14"
collectivite: dep-35
${extra}equipements:
  - { categorie: portable, nombre: 10, annee_mise_en_service: 2020 }
`;

describe("configuration des règles", () => {
  it("l'âge de renouvellement de la collectivité l'emporte ; --rule change la sévérité ; off retire la règle", async () => {
    const base = await runText(COLLEGE(), { only: ["equipement-obsolete"] });
    expect(base.findings.map((f) => [f.ruleId, f.severity])).toEqual([["equipement-obsolete", "warning"]]);
    const err = await runText(COLLEGE(), { only: ["equipement-obsolete"], rules: { "equipement-obsolete": "error" } });
    expect(err.findings[0].severity).toBe("error");
    const off = await runText(COLLEGE(), { only: ["equipement-obsolete"], rules: { "equipement-obsolete": "off" } });
    expect(off.findings).toEqual([]);
  });

  it("options d'une règle depuis gouvnum.config.yaml ; option inconnue : erreur d'utilisation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-cfg-"));
    writeFileSync(join(dir, "t.yaml"), "kind: etablissement\nuai: \"0350017D\"\nnom: X\ntype: ecole\nacademie: \"14\"\ncollectivite: commune-35238\nreseau: { debit_mbps: 50 }\n---\nkind: collectivite\nid: commune-35238\ntype: commune\nnom: Ville de Rennes\ncode_insee: \"35238\"\nacademie: \"14\"\n");
    writeFileSync(join(dir, "gouvnum.config.yaml"), "auditDate: \"2026-09-01\"\nrules:\n  debit-insuffisant: [warning, { debit_min_mbps_ecole: 60 }]\n");
    const r = await cli(["audit", dir, "-f", "json", "--fail-on", "never"]);
    const out = JSON.parse(r.stdout);
    expect(out.date).toBe("2026-09-01");
    expect(out.findings.filter((f: { ruleId: string }) => f.ruleId === "debit-insuffisant").map((f: { severity: string }) => f.severity)).toEqual(["warning"]);
    writeFileSync(join(dir, "gouvnum.config.yaml"), "rules:\n  debit-insuffisant: [warning, { debit_minimum: 60 }]\n");
    const bad = await cli(["audit", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("debit_minimum");
    writeFileSync(join(dir, "gouvnum.config.yaml"), "rules:\n  debit-insufisant: off\n");
    const unknown = await cli(["audit", dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("debit-insuffisant");
  });
});

describe("suppressions", () => {
  it("un constat masqué reste visible en JSON avec sa raison et ne compte pas", async () => {
    const text = COLLEGE("# gouvnum-ignore equipement-obsolete -- renouvellement voté au budget 2027\n");
    const r = await runText(text, { only: ["equipement-obsolete"] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].suppressed).toEqual({ reason: "renouvellement voté au budget 2027" });
    expect(r.summary).toMatchObject({ warnings: 0, suppressed: 1 });
  });
  it("un commentaire ne masque que son document", async () => {
    const text = COLLEGE().replace("kind: collectivite", "# gouvnum-ignore equipement-obsolete -- pas ici\nkind: collectivite");
    const r = await runText(text, { only: ["equipement-obsolete", "suppression-inutile"] });
    expect(r.findings.map((f) => [f.ruleId, !!f.suppressed])).toEqual([
      ["suppression-inutile", false],
      ["equipement-obsolete", false],
    ]);
  });
});

describe("référence (baseline)", () => {
  it("--update-baseline écrit la référence ; les constats connus ne comptent plus, même déplacés ; un nouveau compte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-base-"));
    const file = join(dir, "t.yaml");
    writeFileSync(file, COLLEGE());
    const base = join(dir, "base.json");
    const first = await cli(["audit", file, "--date", FIXTURE_DATE, "--baseline", base, "--update-baseline"]);
    expect(first.code).toBe(0);
    const saved = JSON.parse(readFileSync(base, "utf8"));
    expect(saved.version).toBe(2);
    expect(saved.findings.length).toBeGreaterThan(0);
    // The same findings, three lines lower: still known.
    writeFileSync(file, "# a\n# b\n# c\n" + COLLEGE());
    const moved = await cli(["audit", file, "--date", FIXTURE_DATE, "--baseline", base, "-f", "json"]);
    expect(moved.code).toBe(0);
    const out = JSON.parse(moved.stdout);
    expect(out.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0, known: saved.findings.length });
    // A new gap is counted. (« pas de référent technique » → « poste vacant » is the same gap, changed: still known.)
    writeFileSync(file, COLLEGE().replace('nom: Collège du Querpon\n', "nom: Collège du Querpon\nreferent_technique: { vacant: true }\nsite_web: x\n"));
    const fresh = await cli(["audit", file, "--date", FIXTURE_DATE, "--baseline", base, "-f", "json", "--fail-on", "warning"]);
    expect(fresh.code).toBe(1);
    const unknown = JSON.parse(fresh.stdout).findings.filter((f: { known?: boolean }) => !f.known);
    expect(unknown.map((f: { ruleId: string; pointer: string }) => `${f.ruleId} ${f.pointer}`)).toEqual(["schema /site_web"]);
  });
  it("l'empreinte ne dépend pas de la ligne", async () => {
    const a = await runText(COLLEGE(), { only: ["equipement-obsolete"] });
    const b = await runText("\n\n\n" + COLLEGE(), { only: ["equipement-obsolete"] });
    expect(a.findings[0].line).not.toBe(b.findings[0].line);
    expect(fingerprint(a.findings[0])).toBe(fingerprint(b.findings[0]));
  });
  it("un constat connu corrigé et un nouveau de la même règle dans le même fichier ne s'annulent pas ; --update-baseline dit combien ont été corrigés", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-base-"));
    const file = join(dir, "t.yaml");
    const two = (a: string, b: string) => `kind: etablissement\nuai: "0350017D"\nnom: X\ntype: college\nacademie: "14"\n${a}: 1\n${b}: 2\n`;
    writeFileSync(file, two("cle_a", "cle_b"));
    const base = join(dir, "base.json");
    expect((await cli(["validate", file, "--baseline", base, "--update-baseline"])).code).toBe(0);
    // cle_a fixed, cle_c new: same rule, same file, same count — the new one counts.
    writeFileSync(file, two("cle_c", "cle_b"));
    const r = await cli(["validate", file, "--baseline", base, "-f", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.filter((f: { known?: boolean }) => !f.known).map((f: { pointer: string }) => f.pointer)).toEqual(["/cle_c"]);
    const u = await cli(["validate", file, "--baseline", base, "--update-baseline"]);
    expect(u.stderr.replace(/\s+/g, " ")).toContain("1 constat connu a été corrigé ; 2 restent.");
  });
  it("une référence de la version 1 est encore lue", async () => {
    const { legacyFingerprint } = await import("../src/audit/baseline.js");
    const r = await runText(COLLEGE(), { only: ["equipement-obsolete"] });
    const v1 = { version: 1 as const, findings: r.findings.map((f) => ({ fingerprint: legacyFingerprint(f), ruleId: f.ruleId, entity: f.entity, pointer: f.pointer, file: f.file })) };
    const again = await runAudit([{ name: "fixture.yaml", text: "\n" + COLLEGE() }], {
      date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT), baseline: v1,
      ruleSeverities: Object.fromEntries(rules.filter((x) => x.group !== "A" && x.id !== "equipement-obsolete").map((x) => [x.id, "off" as const])),
    });
    expect(again.findings.every((f) => f.known)).toBe(true);
  });
  it("référence illisible : code 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-base-"));
    writeFileSync(join(dir, "base.json"), "{ pas du json");
    const r = await cli(["audit", "examples/minimal", "--baseline", join(dir, "base.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("référence");
  });
});

describe("une règle qui échoue", () => {
  it("est signalée avec son identifiant et le fichier lu, jamais avalée", async () => {
    const boom = defineRule({
      id: "regle-cassee",
      group: "D",
      severity: "warning",
      appliesTo: ["etablissement"],
      check(ctx) {
        ctx.each(ctx.territory.etablissements, () => {
          throw new TypeError("x is undefined");
        });
      },
    });
    const err = await runAudit([{ name: "etab.yaml", text: COLLEGE() }], {
      today: FIXTURE_DATE,
      cwd: ROOT,
      config: emptyConfig(ROOT),
      rules: [...rules, boom],
    }).catch((e) => e);
    expect(err).toBeInstanceOf(GouvnumError);
    expect(err.message).toContain("regle-cassee");
    expect(err.message).toContain("etab.yaml");
  });
});
