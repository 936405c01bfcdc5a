// Reports at the scale of an académie: the generated académie corpus (about 5,000 documents) with établissements placed
// on the map. The main report stays a synthesis (size, charts of at most 25 bars, a map, no YAML vocabulary in the body);
// the detail goes to --split-by and to one-page sheets.
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HtmlValidate } from "html-validate";
import { lint } from "markdownlint/promise";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { emptyConfig } from "../src/validate/config.js";
import { buildViewModel, type RapportVM } from "../src/report/view-model.js";
import { renderReport } from "../src/report/render.js";
import { bodyVocabulary, placeEtablissements } from "./report-scale-helpers.js";

let dir: string;
let result: AuditResult;
let vm: RapportVM;
let html: string;
let md: string;
let placed: number;

beforeAll(async () => {
  const corpus = (await import(pathToFileURL(join(ROOT, "bench/corpus.mjs")).href)) as { generate(o: { scale: string; seed: number; out: string }): unknown };
  dir = join(mkdtempSync(join(tmpdir(), "gouvnum-echelle-")), "corpus");
  corpus.generate({ scale: "academie", seed: 5, out: dir });
  placed = placeEtablissements(dir);
  result = await runAudit([dir], { date: "2026-09-01", today: "2026-09-01", cwd: dir, config: emptyConfig(dir) });
  vm = buildViewModel(result, { version: "test" });
  html = renderReport(vm, "html");
  md = renderReport(vm, "md");
}, 240_000);

describe("rapport d'une académie générée (≈ 5 000 documents)", () => {
  it("une synthèse : HTML de moins de 2 Mo, détail renvoyé aux rapports séparés", () => {
    expect(vm.synthese.etablissements).toBeGreaterThan(1000);
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
    expect(vm.details.inclus).toBe(false);
    expect(vm.details.texte).toContain("--split-by collectivite");
    // The table of contents stays short: no entry per collectivité.
    expect(vm.sommaire.flatMap((s) => [s, ...s.enfants]).length).toBeLessThan(20);
    // The rules cited: one table row each (summary, references, fix), their « Pourquoi » left to their pages.
    expect(vm.regles.length).toBeGreaterThan(20);
    expect(html.match(/<table class="regles">[\s\S]*?<\/table>/)?.[0].match(/<tr>\n<th scope="row"/g)?.length).toBe(vm.regles.length);
    expect(html).not.toContain('<p class="etiquette">Pourquoi</p>');
    expect(md).not.toContain("Pourquoi :");
  });

  it("une carte : chaque établissement localisé y est, par statut (forme et couleur), avec légende, échelle et source", () => {
    expect(placed).toBe(vm.synthese.etablissements);
    expect(vm.carte.localises).toBe(placed);
    const svg = vm.carte.svg;
    const uses = [...svg.matchAll(/<use href="#carte-(sansEcart|avertissements|erreurs)" x="[\d.-]+" y="[\d.-]+"\/>/g)];
    // Every établissement plus the three legend symbols.
    expect(uses.length).toBe(placed + 3);
    for (const s of ["sansEcart", "avertissements", "erreurs"] as const) {
      const n = vm.carte.legende.find((l) => l.statut === s)!.nombre;
      expect(uses.filter((u) => u[1] === s).length).toBe(n + 1);
    }
    expect(svg).toMatch(/>\d+ km</);
    expect(html).toContain("IGN – Admin Express, Licence Ouverte");
    // Text alternative: the same counts by département.
    const total = vm.carte.departements.reduce((n, d) => n + d.total, 0);
    expect(total).toBe(vm.synthese.etablissements);
    expect(vm.carte.departements.length).toBeGreaterThan(1);
    // Points are inside the drawing.
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map(Number);
    for (const u of uses) {
      const [x, y] = /x="([\d.-]+)" y="([\d.-]+)"/.exec(u[0])!.slice(1).map(Number);
      expect(x >= 0 && x <= (w || 720) && y >= 0 && y <= (h || 2000)).toBe(true);
    }
  });

  it("des graphiques lisibles : au plus 25 barres, chacun suivi de son tableau de données", () => {
    for (const [id, g] of Object.entries(vm.graphiques)) {
      const bars = (g.svg.match(/<text text-anchor="end"/g) ?? []).length;
      expect(bars, id).toBeLessThanOrEqual(25);
      expect(g.svg, id).not.toContain("…");
      if (g.svg !== "") {
        const after = html.slice(html.indexOf(`id="${g.id}-titre"`));
        expect(after.indexOf("<table"), id).toBeGreaterThan(-1);
      }
    }
    expect(vm.classement.premieres.length).toBe(15);
    expect(vm.ecartsFrequents.length).toBe(10);
    expect(vm.indicateursPar.map((t) => t.id)).toEqual(["departement", "typeEtablissement", "typeCollectivite"]);
  });

  it("le corps du rapport ne montre aucun vocabulaire YAML (clés, kind:, null, identifiants internes)", () => {
    expect(bodyVocabulary(html)).toEqual([]);
    // The technical locations stay in « Pour corriger » and in « Pour l'équipe ».
    expect(html).toMatch(/<section id="equipe" class="technique">/);
  });

  it("html-validate et markdownlint passent sur le grand rapport", async () => {
    const r = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } }).validateString(html);
    expect(r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const l = await lint({ strings: { rapport: md }, config: { default: true, MD013: false } });
    expect(l.rapport.map((e) => `${e.ruleNames.join("/")} l.${e.lineNumber}: ${e.errorDetail ?? ""}`)).toEqual([]);
  });

  it("--split-by departement : un rapport par département, chacun avec sa carte, et un index", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gouvnum-split-")), "rapports");
    const r = await cli(["report", dir, "--split-by", "departement", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(["index.html", ...vm.carte.departements.map((d) => `departement-${d.code}.html`)].sort());
    const first = readFileSync(join(out, files.find((f) => f.startsWith("departement-"))!), "utf8");
    expect(first).toContain('class="carte"');
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('href="departement-');
    // Each file stands alone but carries only what it needs: the rules its findings cite, one table row each (no
    // « Pourquoi », on the rule's page), a minified stylesheet, and map outlines cut to its frame.
    for (const f of files.filter((x) => x !== "index.html")) {
      const text = readFileSync(join(out, f), "utf8");
      const cited = new Set([...text.matchAll(/Règle <a href="#regle-([a-z0-9-]+)"/g)].map((m) => m[1]));
      const rows = new Set([...text.matchAll(/<th scope="row" id="regle-([a-z0-9-]+)">/g)].map((m) => m[1]));
      expect(cited.size).toBeGreaterThan(0);
      for (const id of cited) expect(rows.has(id), `${f} : ${id}`).toBe(true);
      expect(text).not.toContain('<p class="etiquette">Pourquoi</p>');
      expect(text).toMatch(/<style>\n[^\n]+\n<\/style>/);
      const path = [...text.matchAll(/<path d="M(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(path.every(([x, y]) => x >= 0 && y >= 0 && x <= 730 && y <= 1000), f).toBe(true);
    }
  }, 120_000);

  it("--scope etablissement:<UAI> : la fiche d'un établissement, courte", async () => {
    const e = vm.collectivites.flatMap((c) => c.etablissements).find((x) => x.constats.length > 2 && x.type === "college")!;
    const out = join(mkdtempSync(join(tmpdir(), "gouvnum-fiche-")), "fiche.html");
    const r = await cli(["report", dir, "--scope", `etablissement:${e.uai}`, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const fiche = readFileSync(out, "utf8");
    expect(fiche).toContain(`<h1>${e.titre.replace(/'/g, "&#x27;")}</h1>`);
    for (const h of ["Identité", "Rôles", "Conventions", "Maintenance", "Écarts et comment les corriger"]) expect(fiche).toContain(h);
    expect(fiche.length).toBeLessThan(60_000);
    expect(bodyVocabulary(fiche)).toEqual([]);
  }, 60_000);
});
