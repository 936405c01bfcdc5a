// The « Évolution » section at académie scale: compared with a generated académie (≈ 5,000 documents), every one of
// its findings is « corrigé » and every one of the example's is « nouveau » — the section stays short (20 findings
// listed each way, the rest counted; 15 collectivités named, the rest added up) and names entities in French.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compareWith, toSaved } from "../src/audit/compare.js";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { buildEvolution, indicatorsOf } from "../src/report/sections/evolution.js";
import { buildViewModel } from "../src/report/view-model.js";
import { renderReport } from "../src/report/render.js";
import { emptyConfig } from "../src/validate/config.js";
import { ROOT } from "./helpers.js";

const DATE = "2026-12-07";

function audit(dir: string): Promise<AuditResult> {
  return runAudit([dir], { mode: "audit", date: DATE, today: DATE, cwd: ROOT, config: emptyConfig(ROOT), ruleSeverities: {} });
}

describe("section « Évolution » face à une académie", () => {
  it("listes bornées, collectivités bornées, noms en français, dans le sommaire", async () => {
    const corpus = (await import(pathToFileURL(join(ROOT, "bench/corpus.mjs")).href)) as { generate(o: { scale: string; seed: number; out: string }): unknown };
    const out = join(mkdtempSync(join(tmpdir(), "gouvnum-evo-")), "corpus");
    corpus.generate({ scale: "academie", seed: 3, out });
    const before = await audit(out);
    const now = await audit(join(ROOT, "examples/academie-exemple"));
    const previous = { kind: "git" as const, ref: "audit-2026", date: DATE, findings: before.findings.map(toSaved), indicators: indicatorsOf(before), result: before };
    const comparison = compareWith(now, previous);
    expect(comparison.fixed.length).toBeGreaterThan(1000);
    const evo = buildEvolution(now, comparison, "0.0.0");

    expect(evo.corriges).toBe(comparison.fixed.length);
    expect(evo.listeCorriges).toHaveLength(20);
    expect(evo.autresCorriges).toBe(comparison.fixed.length - 20);
    expect(evo.autresCorrigesTexte).toBe(`… et ${comparison.fixed.length - 20} autres (tous : gouvnum audit --compare audit-2026 -f json).`);
    const fresh = now.findings.filter((f) => f.status === "new").length;
    expect(evo.listeNouveaux).toHaveLength(Math.min(20, fresh));
    expect(evo.autresNouveaux).toBe(Math.max(0, fresh - 20));

    // 15 collectivités and one row adding up the others: the totals are every finding's.
    expect(evo.parCollectivite).toHaveLength(16);
    const last = evo.parCollectivite[15];
    expect(last.ref).toBe("autres");
    expect(last.libelle).toMatch(/^Autres collectivités \(\d+\)$/);
    const sum = (k: "corriges" | "nouveaux") => evo.parCollectivite.reduce((n, g) => n + g[k], 0);
    const perGroup = evo.parTheme.reduce((n, g) => n + g.corriges, 0);
    expect(sum("corriges")).toBeGreaterThanOrEqual(perGroup);
    // The kept collectivités change at least as much as any in « autres ».
    const kept = evo.parCollectivite.slice(0, 15).map((g) => g.corriges + g.nouveaux);
    expect(Math.min(...kept)).toBeGreaterThan(0);

    // Names in French, from the territory the finding was in (here the previous one): no internal ref in the body.
    for (const c of evo.listeCorriges) {
      expect(c.entiteLibelle).not.toBe(c.entite);
      expect(c.entiteLibelle).not.toMatch(/^(etablissement|collectivite|convention|academie):/);
    }

    const vm = buildViewModel(now, { version: "0.0.0", evolution: evo });
    expect(vm.sommaire.map((s) => s.ancre)).toContain("evolution");
    const html = renderReport(vm, "html");
    const section = html.slice(html.indexOf('<section aria-labelledby="evolution">'), html.indexOf("</section>", html.indexOf('<section aria-labelledby="evolution">')));
    expect(section).toContain("<h3>Constats corrigés</h3>");
    expect(section).toContain("<h3>Nouveaux constats</h3>");
    expect((section.match(/<li>/g) ?? []).length).toBeLessThanOrEqual(40);
    expect(section).not.toMatch(/\((etablissement|collectivite|convention):[^)]*\)/);
    expect(section).toContain(evo.autresCorrigesTexte);
    // No YAML vocabulary in the section's text (snake_case keys, `null`).
    const text = section.replace(/<[^>]+>/g, " ");
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\bnull\b/);
  }, 120_000);
});
