// One `--scope` selection (src/audit/scope.ts) behind audit, report and collect export: on every example territory and
// every unit of it, the three commands select the same établissements; they differ only where they say so (a
// département's collectivités: located in it for audit, those its établissements are attached to for the report).
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { resolveAuditScope, resolveScope, selectScope, normalizeDepartement } from "../src/audit/scope.js";
import { planExport } from "../src/collect/build.js";
import { departementOf } from "../src/model/facts.js";
import { buildScope, resolveScopeRef } from "../src/report/scope.js";
import { emptyConfig } from "../src/validate/config.js";
import { ROOT } from "./helpers.js";

const DATE = "2026-09-01";
const territories = [join(ROOT, "examples/academie-exemple"), ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d))];

function audit(dir: string): Promise<AuditResult> {
  return runAudit([dir], { mode: "audit", date: DATE, today: DATE, cwd: ROOT, config: emptyConfig(ROOT), ruleSeverities: {} });
}

/** The UAIs collect export writes a workbook for, one per établissement. */
function collected(result: AuditResult, scope: string): string[] {
  return planExport(result.territory, { by: "etablissement", scope, exportId: "x", today: DATE })
    .workbooks.map((w) => w.unit.slice("etablissement:".length))
    .sort();
}

const uais = (es: Array<{ id: string }>) => es.map((e) => e.id).sort();

describe("--scope : une sélection pour audit, report et collect", () => {
  for (const dir of territories)
    it(`${dir.slice(ROOT.length + 1)} : mêmes établissements pour chaque unité`, async () => {
      const result = await audit(dir);
      const t = result.territory;
      const departements = [...new Set(t.etablissements.map(departementOf).filter((d): d is string => d !== undefined))];
      expect(departements.length).toBeGreaterThan(0);
      const scopes = [
        ...departements.map((d) => `departement:${d}`),
        ...t.collectivites.filter((c) => t.etablissementsOf(c).length > 0).map((c) => `collectivite:${c.id}`),
        ...t.academies.map((a) => `academie:${a.id}`),
        ...t.etablissements.slice(0, 5).map((e) => `etablissement:${e.id}`),
      ];
      for (const scope of scopes) {
        const a = resolveAuditScope(t, scope);
        const ref = resolveScopeRef(t, scope);
        expect(a, scope).toBeDefined();
        expect(ref, scope).toBe(a!.ref);
        const r = buildScope(t, ref, (c) => c);
        expect(uais(r.etablissements), scope).toEqual(uais(a!.etablissements));
        expect(uais(r.etablissements).length, scope).toBeGreaterThan(0);
        expect(collected(result, scope), scope).toEqual(uais(a!.etablissements));
      }
      // A département: its établissements are those the map places in it (commune, else UAI), each in exactly one.
      const counted = departements.reduce((n, d) => n + selectScope(t, "departement", d)!.etablissements.length, 0);
      expect(counted).toBe(t.etablissements.filter((e) => departementOf(e) !== undefined).length);
    });

  it("un département : l'audit garde les collectivités qui y sont situées, le rapport celles de rattachement (la région des lycées)", async () => {
    const t = (await audit(join(ROOT, "examples/academie-exemple"))).territory;
    const situees = resolveScope(t, "departement:35", { departement: "situees" })!;
    const rattachement = resolveScope(t, "departement:35", { departement: "rattachement" })!;
    expect(uais(situees.etablissements)).toEqual(uais(rattachement.etablissements));
    expect(situees.collectivites.some((c) => c.data.type === "region")).toBe(false);
    const attached = new Set(rattachement.etablissements.map((e) => e.data.collectivite));
    expect(rattachement.collectivites.map((c) => c.id).sort()).toEqual([...attached].filter(Boolean).sort());
    expect(rattachement.collectivites.some((c) => c.data.type === "region")).toBe(true);
  });

  it("un code de département s'écrit de plusieurs façons ; ce qui n'existe pas ne sélectionne rien", async () => {
    const t = (await audit(join(ROOT, "examples/territoires/corse"))).territory;
    expect(normalizeDepartement("035")).toBe("35");
    expect(normalizeDepartement("5")).toBe("05");
    expect(normalizeDepartement("2a")).toBe("2A");
    expect(resolveScopeRef(t, "departement:2a")).toBe("departement:2A");
    expect(resolveScope(t, "departement:99")).toBeUndefined();
    expect(resolveScope(t, "collectivite:inconnue")).toBeUndefined();
    const result = await audit(join(ROOT, "examples/territoires/corse"));
    expect(collected(result, "departement:99")).toEqual([]);
  });
});
