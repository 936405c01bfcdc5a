// The indicators a saved `-f json` result records (`indicatorsOf`, computed from the few facts they read) are exactly
// the report's (`buildViewModel(…).indicateurs`): on every example territory, at two dates, and on a generated académie.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { indicatorsOf } from "../src/report/sections/evolution.js";
import { buildViewModel } from "../src/report/view-model.js";
import { emptyConfig } from "../src/validate/config.js";
import { ROOT } from "./helpers.js";

function audit(dir: string, date: string): Promise<AuditResult> {
  return runAudit([dir], { mode: "audit", date, today: date, cwd: ROOT, config: emptyConfig(ROOT), ruleSeverities: {} });
}

function fromViewModel(result: AuditResult) {
  return buildViewModel(result, { version: "0.0.0" }).indicateurs.map((i) => ({ id: i.id, numerateur: i.numerateur, denominateur: i.denominateur, sens: i.sens }));
}

const territories = [join(ROOT, "examples/academie-exemple"), ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d))];

describe("indicateurs d'un résultat enregistré", () => {
  for (const dir of territories)
    for (const date of ["2026-09-01", "2028-03-15"])
      it(`${dir.slice(ROOT.length + 1)} au ${date} : ceux du rapport`, async () => {
        const result = await audit(dir, date);
        const mine = indicatorsOf(result);
        expect(mine).toHaveLength(8);
        expect(mine.some((i) => i.denominateur > 0)).toBe(true);
        expect(mine).toEqual(fromViewModel(result));
      });

  it("académie générée (graine 5) : ceux du rapport", async () => {
    const corpus = (await import(pathToFileURL(join(ROOT, "bench/corpus.mjs")).href)) as { generate(o: { scale: string; seed: number; out: string }): unknown };
    const out = join(mkdtempSync(join(tmpdir(), "gouvnum-ind-")), "corpus");
    corpus.generate({ scale: "academie", seed: 5, out });
    const result = await audit(out, "2026-12-07");
    const mine = indicatorsOf(result);
    expect(mine.every((i) => i.denominateur > 100)).toBe(true);
    expect(mine).toEqual(fromViewModel(result));
  }, 60_000);
});
