// docs/api.md: its example runs as written, through the package's own name (`import … from "gouvnum"`), and
// prints what the library computes.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { audit } from "../src/index.js";
import { ROOT } from "./helpers.js";

const page = readFileSync(join(ROOT, "docs/api.md"), "utf8");

/** The code block between the example's markers. */
function example(): string {
  const m = /<!-- exemple-api:debut -->\s*```js\n([\s\S]*?)```\s*<!-- exemple-api:fin -->/.exec(page);
  if (!m) throw new Error("docs/api.md : exemple introuvable");
  return m[1];
}

describe("docs/api.md", () => {
  it("l'exemple s'exécute et affiche ce que calcule la bibliothèque", async () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", example()], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    const r = await audit(["examples/academie-exemple"], { date: "2026-09-01", cwd: ROOT });
    const { files, errors, warnings, infos } = r.summary;
    expect(out).toContain("validate : 0 erreur(s)\n");
    expect(out).toContain(`audit : ${files} fichiers, ${errors} erreurs, ${warnings} avertissements, ${infos} infos\n`);
    const errorLines = out.split("\n").filter((l) => l.startsWith("  examples/"));
    expect(errorLines).toHaveLength(errors);
    expect(out).toMatch(/^sarif : \d+ résultats$/m);
    // The local rule reports every établissement without `contact`, with its own message.
    const sansContact = r.territory.etablissements.filter((e) => (e.data as { contact?: unknown }).contact === undefined).length;
    expect(sansContact).toBeGreaterThan(0);
    expect(out).toContain(`contact-absent : ${sansContact} constat(s)\n`);
    // The session sees the unsaved buffer: a wrong check letter, and nothing written on disk.
    expect(out).toMatch(/^session : \d+ constat\(s\) de plus \([^)]*uai-invalide[^)]*\), \d+ de moins$/m);
    expect(readFileSync(join(ROOT, "examples/academie-exemple/etablissements/0350896J.yaml"), "utf8")).not.toContain("0350896K");
  });

  it("la sortie montrée dans la page est celle de l'exemple", () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", example()], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    const shown = /Il affiche :\s*```text\n([\s\S]*?)```/.exec(page)![1].split("\n").filter((l) => l && !l.startsWith("  "));
    const real = out.split("\n").filter((l) => l && !l.startsWith("  "));
    expect(shown).toEqual(real);
  });
});
