// Workers change nothing: the built binary gives byte-identical JSON with one thread and with two workers.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.js";
import { uaiCheckLetter } from "../src/core/domain.js";

/** The Rennes example plus 600 variants of its établissements (new UAIs, some with a typo'd key). */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-par-"));
  cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
  const etabDir = join(ROOT, "examples/academie-exemple/etablissements");
  const models = readdirSync(etabDir).map((f) => [f.replace(".yaml", ""), readFileSync(join(etabDir, f), "utf8")] as const);
  mkdirSync(join(dir, "generes"));
  for (let i = 0; i < 600; i++) {
    const [uai, text] = models[i % models.length];
    const digits = String(350000 + 13 * i + 1).padStart(7, "0");
    const next = digits + uaiCheckLetter(digits);
    let out = text.split(uai).join(next);
    if (i % 50 === 0) out = out.replace("\nnom:", "\nnon:");
    writeFileSync(join(dir, "generes", `${next}.yaml`), out);
  }
  return dir;
}

describe("exécution parallèle", () => {
  it("--jobs 2 donne exactement les mêmes constats, positions comprises, que --jobs 1", async () => {
    const dir = corpus();
    const run = (jobs: string) =>
      execa("node", [join(ROOT, "bin/gouvnum.js"), "audit", dir, "-f", "json", "--jobs", jobs, "--fail-on", "never", "--date", "2026-09-01"], { cwd: dir });
    const [one, two] = await Promise.all([run("1"), run("2")]);
    const a = JSON.parse(one.stdout);
    expect(a.summary.documents).toBeGreaterThan(600);
    // Each typo gives two findings: the unknown key `non` and the missing `nom`.
    expect(a.findings.filter((f: { ruleId: string }) => f.ruleId === "schema").length).toBe(24);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);
});
