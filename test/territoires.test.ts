// Special territories (Mayotte, Ville de Paris, Métropole de Lyon, Collectivité européenne d'Alsace, Corse, Guyane,
// Saint-Martin, cité scolaire):
// each example territory audits with exactly its expected findings.
import { describe, expect, it } from "vitest";
import { audit } from "../src/index.js";
import { ROOT } from "./helpers.js";

/** `rule file:line`, for each example, at the audit date of its gouvnum.config.yaml (2026-09-01). */
const EXPECTED: Record<string, string[]> = {
  mayotte: ["maintenance-niveau-flou examples/territoires/mayotte/etablissements.yaml:3"],
  paris: [],
  lyon: [],
  corse: [],
  guyane: [],
  alsace: [],
  "saint-martin": [],
  "cite-scolaire": ["rattachement-derogatoire-sans-convention examples/territoires/cite-scolaire/etablissements.yaml:58"],
};

describe("territoires particuliers (examples/territoires)", () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} : exactement les constats attendus`, async () => {
      const r = await audit([`examples/territoires/${name}`], { cwd: ROOT, date: "2026-09-01" });
      expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(expected);
      expect(r.findings.every((f) => !f.suppressed)).toBe(true);
    });
  }

  it("Mayotte : ni convention-manquante ni rattachement-incompetent, et la maintenance de l'académie sert de couche par défaut", async () => {
    const r = await audit(["examples/territoires/mayotte"], { cwd: ROOT, date: "2026-09-01" });
    expect(r.findings.filter((f) => f.ruleId === "convention-manquante" || f.ruleId === "rattachement-incompetent")).toEqual([]);
    const flou = r.findings.find((f) => f.ruleId === "maintenance-niveau-flou")!;
    expect(flou.message).toContain("dans la maintenance de l'académie 43");
    const college = r.territory.etablissements.find((e) => e.data.type === "college")!;
    const levels = r.territory.resolveMaintenance(college, "2026-09-01");
    expect(levels.map((l) => l.source?.layer)).toEqual(["academie", "academie", "academie", "academie"]);
    const lycee = r.territory.etablissements.find((e) => e.data.type === "lycee")!;
    expect(r.territory.resolveMaintenance(lycee, "2026-09-01").map((l) => l.source?.layer)).toEqual(["academie", "academie", "academie", "etablissement"]);
  });

  it("Paris : sans « competences » explicites, les écoles de la Ville de Paris seraient hors compétence", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(ROOT, "examples/territoires/paris");
    const inputs = ["academie.yaml", "collectivites.yaml", "etablissements.yaml", "conventions.yaml"].map((f) => ({
      name: `paris/${f}`,
      text: readFileSync(join(dir, f), "utf8").replace("competences: [ecoles, colleges]\n", ""),
    }));
    const { runAudit } = await import("../src/audit/engine.js");
    const { emptyConfig } = await import("../src/validate/config.js");
    const r = await runAudit(inputs, { mode: "audit", date: "2026-09-01", today: "2026-09-01", cwd: ROOT, config: emptyConfig(ROOT) });
    expect(r.findings.map((f) => f.ruleId)).toEqual(["rattachement-incompetent"]);
  });
});
