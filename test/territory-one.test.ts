// The territory of one document that `document`-phase rules read in the per-file stage (OneEntityTerritory,
// src/model/territory.ts) answers every member of the territory API exactly as `new Territory([doc])` does: on every
// document of the examples, the test fixtures and the rules' fixtures (invalid documents, duplicated ids, every kind),
// asked about every entity and reference of the whole territory.
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runAudit } from "../src/audit/engine.js";
import { OneEntityTerritory, Territory, type AnyEntity, type TerritoryApi } from "../src/model/territory.js";
import type { LoadedDocument } from "../src/load/document.js";
import { ROOT, FIXTURE_DATE } from "./helpers.js";

const refs = (list: readonly AnyEntity[]) => list.map((e) => `${e.ref}|${Object.keys(e).join(",")}|${e.id}|${e.kind}`);
const entity = (e: AnyEntity | undefined) => (e === undefined ? undefined : [...refs([e]), e.data === e.doc.value]);

/** Every answer of a territory about the document `doc` and the whole territory's entities and references. */
function answers(t: TerritoryApi, whole: Territory, doc: LoadedDocument, dates: readonly string[]): unknown[] {
  const out: unknown[] = [refs(t.academies), refs(t.collectivites), refs(t.etablissements), refs(t.conventions), [...t.byRef.keys()]];
  const named = new Set<string>([...whole.byRef.keys(), ...(doc.entity ? [doc.entity] : []), "collectivite:", "academie:x"]);
  for (const ref of named) out.push(entity(t.get(ref)), refs(t.conventionsOf(ref)));
  for (const a of whole.academies) out.push(entity(t.academie(a.data.code)));
  for (const c of whole.collectivites) out.push(entity(t.collectivite(c.id)), refs(t.etablissementsOf(c)));
  out.push(refs(t.collectivitesAvecEtablissements()));
  const etabs = [...whole.etablissements, ...t.etablissements];
  for (const e of etabs) {
    out.push(entity(t.collectiviteOf(e)));
    for (const date of dates) out.push(refs(t.maintenanceConventions(e, date)), t.resolveMaintenance(e, date));
  }
  const cols = [...t.collectivites];
  for (const c of cols) out.push(refs(t.etablissementsOf(c)));
  return out;
}

describe("territoire d'un seul document (règles de phase « document »)", () => {
  it("répond comme new Territory([doc]) sur chaque document des exemples et des fixtures, valide ou non", async () => {
    const dirs = [
      join(ROOT, "examples/academie-exemple"),
      join(ROOT, "examples/minimal"),
      ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)),
      join(ROOT, "test/fixtures"),
      join(ROOT, "src/rules"),
    ];
    const kinds = new Map<string, number>();
    let invalid = 0;
    for (const dir of dirs) {
      const res = await runAudit([dir], { today: FIXTURE_DATE, date: FIXTURE_DATE, cwd: dir, jobs: 1 });
      const dates = [res.date, "2000-01-01", "2099-12-31"];
      for (const doc of res.documents) {
        for (const valid of doc.valid ? [true, false] : [false]) {
          const was = doc.valid;
          doc.valid = valid;
          const one = new OneEntityTerritory(doc);
          const full = new Territory([doc]);
          expect(answers(one, res.territory, doc, dates), `${doc.source.file} (valid: ${valid})`).toEqual(answers(full, res.territory, doc, dates));
          doc.valid = was;
          if (valid && doc.kind) kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
          else invalid++;
        }
      }
    }
    // Every kind was seen as an entity, and documents without one too.
    expect([...kinds.keys()].sort()).toEqual(["academie", "collectivite", "convention", "etablissement"]);
    expect(invalid).toBeGreaterThan(0);
  }, 120_000);
});
