// The validators generated at build time give exactly the findings of Ajv compiling the schemas at run time.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { join } from "node:path";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

const TARGETS = ["src/rules/schema/fixtures", "src/rules/kind-inconnu/fixtures", "src/rules/yaml-syntaxe/fixtures", "examples"];

describe("validateurs précompilés ≡ validateurs compilés à l'exécution", () => {
  for (const target of TARGETS) {
    it(target, async () => {
      const args = ["validate", target, "-f", "json", "--fail-on", "never"];
      const built = await execa("node", [join(ROOT, "bin/gouvnum.js"), ...args], { cwd: ROOT });
      const inProcess = await cli(args);
      expect(JSON.parse(built.stdout).findings.length).toBeGreaterThanOrEqual(0);
      // execa strips the final newline; the date is today in one and the fixed test clock in the other.
      const norm = (s: string) => s.trim().replace(/"date": "[^"]+"/, "");
      expect(norm(built.stdout)).toBe(norm(inProcess.stdout));
    }, 30_000);
  }
});
