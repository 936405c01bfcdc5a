// The bundled examples: the minimal territory is clean; the Rennes territory reports exactly its deliberate gaps.
import { describe, expect, it } from "vitest";
import { audit, validate } from "../src/index.js";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

describe("examples/minimal", () => {
  it("validate et audit : aucun constat", async () => {
    for (const run of [validate, audit]) {
      const r = await run(["examples/minimal"], { cwd: ROOT });
      expect(r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
      expect(r.summary.documents).toBe(6);
    }
  });
});

describe("examples/academie-exemple", () => {
  it("audit au 2026-09-01 : les écarts construits, à la bonne entité et à la bonne ligne", async () => {
    const r = await audit(["examples/academie-exemple"], { cwd: ROOT, date: "2026-09-01" });
    const rows = r.findings.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      entity: f.entity,
      at: `${f.file}:${f.line}:${f.column}`,
      pointer: f.pointer,
      message: f.message,
      ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
    }));
    await expect(JSON.stringify(rows, null, 2) + "\n").toMatchFileSnapshot("__snapshots__/academie-exemple.audit.json");
    expect(r.summary).toMatchObject({ errors: 3, warnings: 12, infos: 8, suppressed: 1 });
  });

  it("validate : aucun constat de lecture ni de structure", async () => {
    const r = await validate(["examples/academie-exemple"], { cwd: ROOT });
    expect(r.findings.filter((f) => !f.suppressed)).toEqual([]);
  });

  it("gouvnum audit sort en 1 ; --fail-on never sort en 0", async () => {
    expect((await cli(["audit", "examples/academie-exemple", "--date", "2026-09-01"])).code).toBe(1);
    expect((await cli(["audit", "examples/academie-exemple", "--date", "2026-09-01", "--fail-on", "never"])).code).toBe(0);
    expect((await cli(["auditer", "examples/academie-exemple", "--rule", "convention-manquante=off", "--rule", "convention-non-signee=warning", "--rule", "academie-dpd-absent=warning"])).code).toBe(0);
  });

  it("les constats sur ce qui manque pointent la clé qui devrait le contenir", async () => {
    const r = await audit(["examples/academie-exemple"], { cwd: ROOT, date: "2026-09-01" });
    const dpd = r.findings.find((f) => f.ruleId === "academie-dpd-absent")!;
    expect(dpd.pointer).toBe("/dpd");
    expect(dpd.line).toBe(4); // the académie document's `kind:` line
    expect(dpd.entity).toBe("academie:14");
  });
});
