// The built binary, spawned as users and CI run it.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "gouvnum.js");

describe("bin/gouvnum.js", () => {
  it("validate examples/minimal : code 0", async () => {
    const r = await execa("node", [BIN, "validate", "examples/minimal"], { cwd: ROOT, reject: false, env: { NO_COLOR: "1" } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("0 constat");
  });
  it("chemin introuvable : code 2, message français sans pile", async () => {
    const r = await execa("node", [BIN, "validate", "absent/"], { cwd: ROOT, reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("Chemin introuvable");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it("entrée standard", async () => {
    const r = await execa("node", [BIN, "validate", "-", "-f", "json"], { cwd: ROOT, reject: false, input: "kind: academie\ncode: \"14\"\nnom: Rennes\nx: 1\n" });
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ ruleId: "schema", file: "<stdin>", line: 4 });
  });
  it("audit de l'exemple avec --fail-on never : code 0", async () => {
    const r = await execa("node", [BIN, "audit", "examples/academie-exemple", "--fail-on", "never"], { cwd: ROOT, reject: false });
    expect(r.exitCode).toBe(0);
  });
});
