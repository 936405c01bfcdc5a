// Reports: snapshots of both formats, indicators on a hand-made territory, validity (html-validate, markdownlint),
// hostile values, anonymisation, custom templates, split, scope, atomic writes and the PDF's missing-Chromium message.
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { lint } from "markdownlint/promise";
import { micromark } from "micromark";
import { gfmTable, gfmTableHtml } from "micromark-extension-gfm-table";
import { parseAllDocuments } from "yaml";
import { cli } from "./cli-helpers.js";
import { FIXTURE_DATE, ROOT, runText } from "./helpers.js";
import { runAudit } from "../src/audit/engine.js";
import { emptyConfig } from "../src/validate/config.js";
import { buildViewModel, type IndicateurVM, type RapportVM } from "../src/report/view-model.js";
import { renderReport, escapeMd, githubSlug } from "../src/report/render.js";
import { VERSION } from "../src/cli/version.js";

const EXAMPLE = "examples/academie-exemple";

function tmp(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-rapport-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The version changes with releases; snapshots should not. */
function stable(text: string): string {
  return text.split(VERSION).join("<version>");
}

/** Runs `gouvnum report` on the example into a fresh folder and returns the file's text. */
async function report(args: string[], file: string, paths = [EXAMPLE]): Promise<{ text: string; dir: string; stderr: string }> {
  const dir = tmp();
  const r = await cli(["report", ...paths, "--date", FIXTURE_DATE, "-o", join(dir, file), ...args]);
  expect(r.stderr).toContain(file);
  expect(r.code).toBe(0);
  return { text: readFileSync(join(dir, file), "utf8"), dir, stderr: r.stderr };
}

const htmlValidate = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // The report's title comes from the user (--title, config) and may be long.
    "long-title": "off",
  },
});

async function htmlProblems(html: string): Promise<string[]> {
  const r = await htmlValidate.validateString(html);
  const problems = r.results.flatMap((res) => res.messages.map((m) => `${m.ruleId} l.${m.line}: ${m.message}`));
  // Headings never skip a level (WCAG 1.3.1, RGAA 9.1).
  const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
  levels.forEach((l, i) => i > 0 && l - levels[i - 1] > 1 && problems.push(`titres : h${levels[i - 1]} suivi de h${l}`));
  return problems;
}

/** markdownlint's defaults, without the line length (tables and generated paragraphs are long by nature). */
const MARKDOWNLINT = { default: true, MD013: false } as const;

async function markdownProblems(md: string): Promise<string[]> {
  const r = await lint({ strings: { rapport: md }, config: MARKDOWNLINT });
  return r.rapport.map((e) => `${e.ruleNames.join("/")} l.${e.lineNumber}: ${e.ruleDescription} ${e.errorDetail ?? ""} ${e.errorContext ?? ""}`);
}

/** CommonMark + GFM tables → HTML, as GitHub and GitLab would render the Markdown report (raw HTML kept, to catch injections). */
function renderMarkdown(md: string): string {
  return micromark(md, { allowDangerousHtml: true, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
}

describe("rapport de l'exemple (instantanés)", () => {
  it("HTML : instantané, valide (html-validate), autonome, accessible dans sa structure", async () => {
    const { text } = await report([], "rapport.html");
    await expect(stable(text)).toMatchFileSnapshot("__snapshots__/rapport-academie-exemple.html");
    expect(await htmlProblems(text)).toEqual([]);
    expect(text).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    // Self-contained: no script, no external resource (the map's clip-path points inside the page: url(#…)).
    expect(text).not.toMatch(/<script|<link|<img|<iframe|src=|url\((?!#)/i);
    for (const landmark of ["<header", "<nav", "<main", "<footer"]) expect(text).toContain(landmark);
    expect(text.match(/<h1[ >]/g)).toHaveLength(1);
    // Every table has a caption and column headers with a scope.
    const tables = text.split("<table").slice(1);
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      expect(t).toMatch(/^[^>]*>\s*<caption>/);
      expect(t).toMatch(/<th scope="col"/);
      expect(t).not.toMatch(/<th(?=[ >])(?! scope=)/);
    }
    // Charts: inline SVG, role img, a title and a description they point to, followed by a data table.
    const svgs = [...text.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
    // The map of the 12 établissements (their localisation from the annuaire), then themes, conformity, ranking of
    // collectivités, maintenance coverage.
    expect(svgs).toHaveLength(5);
    expect(svgs[0]).toMatch(/class="[^"]*carte/);
    for (const s of svgs) {
      expect(s).toContain('role="img"');
      const id = /aria-labelledby="([^"]+)"/.exec(s)![1];
      expect(text).toContain(`<title id="${id}">`);
      const desc = /aria-describedby="([^"]+)"/.exec(s)![1];
      expect(text).toContain(`<desc id="${desc}">`);
    }
    // Print: A4, repeated table headers, rows never cut.
    expect(text).toContain("@page{size:A4;");
    expect(text).toContain("thead{display:table-header-group}");
  });

  it("Markdown : instantané, sans erreur markdownlint, sans HTML brut, liens internes valides", async () => {
    const { text } = await report(["--format", "md"], "rapport.md");
    await expect(stable(text)).toMatchFileSnapshot("__snapshots__/rapport-academie-exemple.md");
    expect(await markdownProblems(text)).toEqual([]);
    const html = renderMarkdown(text);
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/<svg|<script/);
    // Same content as the HTML report, without charts.
    for (const s of ["Synthèse", "Indicateurs", "Maintenance : qui fait quoi", "Constats par collectivité et par établissement", "Méthode"]) {
      expect(text).toContain(`## ${s}`);
    }
  });

  it("le rapport reprend les constats de l'audit, l'explication, le fondement et la correction des règles", async () => {
    const result = await runAudit([EXAMPLE], { date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT) });
    const vm = buildViewModel(result, { version: VERSION });
    const counted = result.findings.filter((f) => !f.suppressed && !f.known);
    expect(vm.synthese.total).toBe(counted.length);
    expect(vm.synthese.erreurs).toBe(result.summary.errors);
    expect(vm.synthese.avertissements).toBe(result.summary.warnings);
    expect(vm.synthese.infos).toBe(result.summary.infos);
    expect(vm.masques).toHaveLength(result.summary.suppressed);
    // Every counted finding is placed exactly once in the report (académie, collectivité, établissement or others)…
    const placed = [
      ...vm.academies.flatMap((a) => a.constats),
      ...vm.collectivites.flatMap((c) => [...c.constats, ...c.constatsConventions, ...c.etablissements.flatMap((e) => e.constats)]),
      ...vm.sansCollectivite.flatMap((e) => e.constats),
      ...vm.autresConstats,
    ];
    const keys = new Set(placed.map((c) => `${c.regle.id}|${c.fichier}|${c.ligne}|${c.colonne}|${c.message}`));
    for (const f of counted) expect(keys.has(`${f.ruleId}|${f.file}|${f.line}|${f.column}|${f.message}`), f.ruleId).toBe(true);
    // …with its rule's explanation, legal basis and fix when the rule is documented.
    for (const r of vm.regles) {
      expect(r.resume.length).toBeGreaterThan(10);
      if (r.documentee) {
        expect(r.fondement.length, r.id).toBeGreaterThan(0);
        expect(r.correction.length, r.id).toBeGreaterThan(0);
        expect(JSON.stringify(r.fondement)).not.toContain("Pour corriger");
      }
    }
    const referent = vm.regles.find((r) => r.id === "referent-technique-manquant");
    if (referent) expect(JSON.stringify(referent.fondement)).toContain("L.213-2");
  });
});

// ---------------------------------------------------------------------------------------------

/** A small territory whose indicators are known by hand (audit date 2026-09-01). */
const PETIT = `kind: academie
code: "14"
nom: Académie de Rennes
instances:
  - { id: comite-actif, nom: Comité actif, portee: transversale, membres: ["academie:14", "collectivite:dep-35"], reunions: ["2026-03-01"] }
  - { id: comite-ancien, nom: Comité ancien, portee: projet, membres: ["academie:14", "collectivite:region-bretagne"], reunions: ["2025-08-31"] }
---
kind: collectivite
id: dep-35
type: departement
nom: Département d'Ille-et-Vilaine
code_insee: "35"
academie: "14"
organisation: dsi
renouvellement: { mode: systematique, age_max_ans: 5 }
maintenance:
  niveau_0: { acteur: agent_batiment }
  niveau_1: { acteur: referent_technique }
  niveau_2: { acteur: technicien_collectivite }
  niveau_3: { acteur: dsi_collectivite }
---
kind: collectivite
id: region-bretagne
type: region
nom: Région Bretagne
code_insee: "53"
academie: "14"
---
kind: collectivite
id: commune-35238
type: commune
nom: Ville de Rennes
code_insee: "35238"
academie: "14"
organisation: service_education
maintenance:
  niveau_0: { acteur: usager }
  niveau_1: { acteur: technicien_collectivite }
  niveau_2: { acteur: technicien_collectivite }
  niveau_3: { acteur: prestataire, prestataire: Société Exemple }
---
kind: collectivite
id: commune-35288
type: commune
nom: Ville de Saint-Malo
code_insee: "35288"
academie: "14"
---
kind: etablissement
uai: "0358002H"
nom: Collège A
type: college
academie: "14"
collectivite: dep-35
referent_technique: { fonction: technicien }
referent_numerique: { fonction: professeur }
equipements:
  - { categorie: poste_fixe, nombre: 10, annee_mise_en_service: 2018 }
  - { categorie: portable, nombre: 10, annee_mise_en_service: 2024 }
---
kind: etablissement
uai: "0358033S"
nom: Collège B
type: college
academie: "14"
collectivite: dep-35
referent_technique: { vacant: true }
maintenance:
  niveau_1: { acteur: a_definir }
---
kind: etablissement
uai: "0358042B"
nom: Lycée C
type: lycee
academie: "14"
collectivite: region-bretagne
referent_technique: { fonction: technicien }
referent_numerique: { fonction: professeure }
equipements:
  - { categorie: tablette, nombre: 5, annee_mise_en_service: 2019 }
---
kind: etablissement
uai: "0358256J"
nom: École D
type: ecole
academie: "14"
collectivite: commune-35238
equipements:
  - { categorie: poste_fixe, nombre: 6, annee_mise_en_service: 2023 }
---
kind: etablissement
uai: "0358967G"
nom: Collège privé E
type: college
statut: prive
academie: "14"
equipements:
  - { categorie: poste_fixe, nombre: 4, annee_mise_en_service: 2010 }
---
kind: convention
id: conv-a
type: eple_collectivite
parties: ["collectivite:dep-35", "etablissement:0358002H"]
signatures:
  - { partie: "collectivite:dep-35", role: president_collectivite, date: "2024-01-10" }
  - { partie: "etablissement:0358002H", role: chef_etablissement, date: "2024-01-05" }
debut: "2024-01-10"
fin: "2028-08-31"
---
kind: convention
id: conv-b
type: eple_collectivite
parties: ["collectivite:dep-35", "etablissement:0358033S"]
signatures:
  - { partie: "collectivite:dep-35", role: president_collectivite, date: "2024-01-10" }
  - { partie: "etablissement:0358033S", role: chef_etablissement, date: null }
debut: "2024-01-10"
---
kind: convention
id: conv-c
type: eple_collectivite
parties: ["collectivite:region-bretagne", "etablissement:0358042B"]
signatures:
  - { partie: "collectivite:region-bretagne", role: president_collectivite, date: "2021-01-10" }
  - { partie: "etablissement:0358042B", role: chef_etablissement, date: "2021-01-05" }
debut: "2021-01-10"
fin: "2025-08-31"
`;

function byId(vm: RapportVM, id: string): IndicateurVM {
  const i = vm.indicateurs.find((x) => x.id === id);
  if (!i) throw new Error(`indicateur ${id} absent`);
  return i;
}

describe("indicateurs (numérateur / dénominateur) sur un petit territoire", () => {
  it("chaque indicateur, calculé à la main", async () => {
    const result = await runText(PETIT);
    expect(result.findings.filter((f) => ["schema", "yaml-syntaxe", "reference-inconnue", "uai-invalide"].includes(f.ruleId))).toEqual([]);
    const vm = buildViewModel(result, { version: VERSION });
    const got = Object.fromEntries(vm.indicateurs.map((i) => [i.id, [i.numerateur, i.denominateur]]));
    expect(got).toEqual({
      // EPLE publics: A, B, C (the private collège E and the école D do not count).
      "eple-referent-technique": [2, 3], // A, C (B's post is vacant)
      "eple-referent-numerique": [2, 3], // A, C
      "eple-convention": [1, 3], // A (B: the collège has not signed; C: expired)
      // Public établissements A, B, C, D: A (dep-35's maintenance) and D (the commune's) are clear;
      // B says a_definir for level 1, C has no layer at all.
      "maintenance-claire": [2, 4],
      // A: 10 of 20 older than dep-35's 5 years; C: 5 older than the default 6; D: 0 of 6; E is private: not counted, as the rule does not.
      "equipements-obsoletes": [15, 31],
      // Collectivités with établissements: dep-35, region-bretagne, commune-35238 (Saint-Malo has none).
      "collectivite-organisation": [2, 3], // dep-35, Rennes
      "collectivite-renouvellement": [1, 3], // dep-35
      "collectivite-concertation": [1, 3], // dep-35 (the Région's instance last met more than 12 months ago)
    });
    expect(byId(vm, "eple-convention").pourcentage).toBe(33.3);
    expect(byId(vm, "eple-convention").pourcentageTexte).toBe("33,3\u00a0%");
    expect(byId(vm, "eple-convention").fractionTexte).toBe("1 sur 3");
    expect(byId(vm, "equipements-obsoletes").sens).toBe("moins");
    for (const i of vm.indicateurs) {
      expect(i.definition).not.toMatch(/\{/);
      expect(i.pourcentage).toBe(Math.round((i.numerateur / i.denominateur) * 1000) / 10);
    }
  });

  it("l'âge de renouvellement par défaut vient de l'option de la règle equipement-obsolete", async () => {
    const config = { ...emptyConfig(ROOT), rules: { "equipement-obsolete": { options: { age_max_ans: 20 } } } };
    const result = await runAudit([{ name: "petit.yaml", text: PETIT }], { date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config });
    const vm = buildViewModel(result, { version: VERSION });
    // Only A's 10 (dep-35 says 5 years) remain obsolete.
    expect([byId(vm, "equipements-obsoletes").numerateur, byId(vm, "equipements-obsoletes").denominateur]).toEqual([10, 31]);
    expect(byId(vm, "equipements-obsoletes").definition).toContain("20 ans");
  });

  it("matrice de la maintenance, couverture, conformité et tableau de bord", async () => {
    const vm = buildViewModel(await runText(PETIT), { version: VERSION });
    const dep = vm.maintenance.lignes.find((l) => l.ref === "collectivite:dep-35")!;
    expect(dep.cellules.map((c) => c.texte)).toEqual(["Agent du bâtiment", "flou pour 1 établissement(s) sur 2", "Technicien de la collectivité", "DSI de la collectivité"]);
    expect(dep.cellules[1]).toMatchObject({ flou: true, flous: 1, total: 2, acteurs: [{ acteur: "referent_technique", nombre: 1 }] });
    const region = vm.maintenance.lignes.find((l) => l.ref === "collectivite:region-bretagne")!;
    expect(region.cellules.every((c) => c.flou && c.texte === "flou")).toBe(true);
    // Saint-Malo has no établissement: no row.
    expect(vm.maintenance.lignes.map((l) => l.ref)).not.toContain("collectivite:commune-35288");
    expect(vm.maintenance.couverture.map((c) => [c.clairs, c.total])).toEqual([
      [3, 4],
      [2, 4],
      [3, 4],
      [3, 4],
    ]);
    const a = vm.collectivites.find((c) => c.id === "dep-35")!.etablissements.find((e) => e.uai === "0358002H")!;
    expect([a.referentTechnique.valeur, a.referentNumerique.valeur, a.convention.valeur, a.maintenance.valeur]).toEqual([true, true, true, true]);
    expect(a.equipements).toMatchObject({ obsoletes: 10, total: 20 });
    const d = vm.collectivites.find((c) => c.id === "commune-35238")!.etablissements[0];
    // An école: no référent numérique nor EPLE convention to expect.
    expect([d.referentNumerique.valeur, d.convention.valeur]).toEqual([null, null]);
    expect(vm.sansCollectivite.map((e) => e.uai)).toEqual(["0358967G"]);
    for (const c of vm.conformite) expect(c.conformes).toBeLessThanOrEqual(c.etablissements);
  });

  it("un dénominateur nul donne « sans objet », jamais une division par zéro", async () => {
    const vm = buildViewModel(await runText(`kind: academie\ncode: "14"\nnom: Académie de Rennes\n`), { version: VERSION });
    for (const i of vm.indicateurs) {
      expect([i.numerateur, i.denominateur, i.pourcentage, i.pourcentageTexte]).toEqual([0, 0, null, "sans objet"]);
    }
    expect(renderReport(vm, "html")).toContain("Aucune collectivité dans le périmètre.");
    expect(await markdownProblems(renderReport(vm, "md"))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const LONG = "Établissement ".repeat(143).slice(0, 2000);
const HOSTILES = ["<script>alert(1)</script>", "{{x}}", "](javascript:alert(1))", '"><img src=x onerror=alert(1)>'];

/** A territory whose every free text is an attack or a 2,000-character name. */
const HOSTILE = `kind: academie
code: "14"
nom: "Académie <script>alert(1)</script>"
instances:
  - { id: i1, nom: "{{x}} [a](javascript:alert(1))", portee: transversale, membres: ["collectivite:dep-35"], reunions: ["2020-01-01"] }
---
kind: collectivite
id: dep-35
type: departement
nom: '"><img src=x onerror=alert(1)>'
code_insee: "35"
academie: "14"
---
kind: etablissement
uai: "0358002H"
nom: "${LONG}"
type: college
academie: "14"
collectivite: dep-35
commune: { code_insee: "35238", nom: "](javascript:alert(1))" }
direction:
  chef: { nom: "<script>alert(1)</script>", fonction: "{{x}}", courriel: "a@b.fr" }
referent_technique: { nom: "| pipe | ** # ~~ $x$ [^1] <!-- -->", fonction: "\`code\`" }
---
kind: etablissement
uai: "0358033S"
nom: "Collège {{x}} <script>alert(1)</script>"
type: college
academie: "14"
collectivite: dep-35
`;

describe("valeurs hostiles : du texte inerte dans les deux formats", () => {
  it("HTML : échappé, valide, sans balise ni script injectés", async () => {
    const dir = tmp({ "t/hostile.yaml": HOSTILE });
    const { text } = await report([], "r.html", [join(dir, "t")]);
    expect(await htmlProblems(text)).toEqual([]);
    expect(text).not.toMatch(/<script|<img|javascript:alert\(1\)\)"|onerror=alert\(1\)>/i);
    expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain("{{x}}");
    expect(text).toContain("&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;");
    expect(text).toContain(LONG.trim());
    // Attributes hold only computed anchors and the rules' documentation links.
    for (const m of text.matchAll(/ (href|id|class)="([^"]*)"/g)) expect(m[2]).toMatch(/^[#a-zA-Z0-9 _:/.-]*$/);
  });

  it("Markdown : échappé, rendu comme du texte par un moteur CommonMark + GFM, markdownlint sans erreur", async () => {
    const dir = tmp({ "t/hostile.yaml": HOSTILE });
    const { text } = await report(["--format", "md"], "r.md", [join(dir, "t")]);
    const html = renderMarkdown(text);
    expect(html).not.toMatch(/<script|<img|href="javascript|<!--/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("{{x}}");
    expect(html).toContain("](javascript:alert(1))");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(LONG.trim());
    // Pipes, emphasis, headings, strikethrough, math and footnotes stay text; tables keep their columns.
    expect(html).toContain("| pipe | ** # ~~ $x$ [^1] &lt;!-- --&gt;");
    expect(await markdownProblems(text)).toEqual([]);
  });

  it("escapeMd neutralise chaque construction Markdown", () => {
    for (const v of [...HOSTILES, "# titre", "- liste", "1. liste", "> citation", "===", "`code`", "*a* _b_", "https://exemple.fr", "a\nb\r\nc"]) {
      const rendered = renderMarkdown(`x ${escapeMd(v)} y\n\n${escapeMd(v)}\n`);
      expect(rendered, v).not.toMatch(/<(script|img|a |h1|ul|ol|li|blockquote|code|em|strong|hr)/);
    }
  });

  it("githubSlug suit l'algorithme de GitHub", () => {
    expect(githubSlug("Maintenance : qui fait quoi")).toBe("maintenance--qui-fait-quoi");
    expect(githubSlug("Département d'Ille-et-Vilaine (dep-35)")).toBe("département-dille-et-vilaine-dep-35");
  });
});

// ---------------------------------------------------------------------------------------------

/** Every personal name, e-mail and phone of the example, read straight from its YAML. */
function personalValues(dir: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string, person: boolean) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key, person));
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      const isPerson = "fonction" in o || "courriel" in o || "telephone" in o || "employeur" in o;
      for (const [k, x] of Object.entries(o)) walk(x, k, isPerson);
      return;
    }
    if (typeof v !== "string") return;
    if (key === "courriel" || key === "telephone" || (key === "nom" && person) || key === "signataire") out.add(v);
  };
  const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : f.endsWith(".yaml") ? [join(d, f)] : []));
  for (const f of files(dir)) for (const doc of parseAllDocuments(readFileSync(f, "utf8"))) walk(doc.toJS(), "", false);
  return [...out];
}

describe("--anonymize", () => {
  const values = personalValues(join(ROOT, EXAMPLE));

  it("a de quoi vérifier : noms, courriels et téléphones de l'exemple", () => {
    expect(values).toContain("François Le Corre");
    expect(values).toContain("dan@ac-rennes.fr");
    expect(values).toContain("02 23 21 77 00");
    expect(values.length).toBeGreaterThan(40);
  });

  for (const format of ["html", "md"] as const) {
    it(`${format} : aucun nom, courriel ni téléphone de l'entrée ; les rôles restent`, async () => {
      const plain = await report(["--format", format], `r.${format}`);
      const { text } = await report(["--format", format, "--anonymize"], `r.${format}`);
      expect(plain.text).toContain("François Le Corre");
      for (const v of values) expect(text, v).not.toContain(v);
      expect(text).not.toMatch(/@ac-rennes|@ille-et-vilaine|0[1-9]( \d\d){4}/);
      const q = format === "html" ? "&#x27;" : "'";
      expect(text).toContain(`Chef d${q}établissement`);
      expect(text).toContain("Référent technique");
      expect(text).toContain("Rapport anonymisé");
      // Établissements named after people keep their names.
      expect(text).toContain("Collège Pierre Brossolette");
    });
  }

  it("les courriels et téléphones inconnus sont aussi masqués, pas les noms d'établissement", async () => {
    const { makeScrubber, collectPersonalData } = await import("../src/report/anonymize.js");
    const scrub = makeScrubber({ values: new Map([["Jean Moulin", "Directeur ou directrice d'école"]]), protectedNames: ["École Jean Moulin"] });
    expect(scrub("École Jean Moulin : appeler Jean Moulin au 02 99 00 00 00 ou +33 6 12 34 56 78, x.y@z.fr")).toBe(
      "École Jean Moulin : appeler Directeur ou directrice d'école au [téléphone masqué] ou [téléphone masqué], [courriel masqué]",
    );
    expect(scrub("UAI 0358002H, 1 752 matériels, 2026-09-01")).toBe("UAI 0358002H, 1 752 matériels, 2026-09-01");
    expect(collectPersonalData([]).values.size).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe("options de gouvnum report", () => {
  it("--template : un gabarit de l'utilisateur reçoit le même modèle de vue", async () => {
    const dir = tmp({
      "mien.hbs": "{{titre}}|{{synthese.total}}|{{#each indicateurs}}{{id}}={{numerateur}}/{{denominateur}};{{/each}}|{{#each collectivites}}{{nom}};{{/each}}|{{regles.0.id}}|{{version}}\n",
    });
    const r = await cli(["report", EXAMPLE, "--date", FIXTURE_DATE, "--format", "md", "--template", join(dir, "mien.hbs"), "-o", join(dir, "out.md")]);
    expect(r.code).toBe(0);
    const result = await runAudit([EXAMPLE], { date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT) });
    const vm = buildViewModel(result, { version: VERSION, titre: "Audit du numérique éducatif — Académie de Rennes, Ille-et-Vilaine (rentrée 2026)" });
    const expected = [
      escapeMd(vm.titre),
      vm.synthese.total,
      vm.indicateurs.map((i) => `${i.id}=${i.numerateur}/${i.denominateur};`).join(""),
      vm.collectivites.map((c) => `${escapeMd(c.nom)};`).join(""),
      vm.regles[0].id.replace(/_/g, "\\_"),
      vm.version,
    ].join("|");
    expect(readFileSync(join(dir, "out.md"), "utf8")).toBe(expected + "\n");
  });

  it("--template : un champ inconnu ou un gabarit illisible est une erreur d'utilisation en français (code 2)", async () => {
    const dir = tmp({ "faux.hbs": "<p>{{titre}} {{champInexistant}}</p>" });
    const r = await cli(["report", EXAMPLE, "--template", join(dir, "faux.hbs"), "-o", join(dir, "out.html")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Le gabarit");
    expect(r.stderr).toContain("champInexistant");
    expect(r.stderr).toContain("rapport-modele-de-vue.md");
    expect(existsSync(join(dir, "out.html"))).toBe(false);
    const r2 = await cli(["report", EXAMPLE, "--template", join(dir, "absent.hbs"), "-o", join(dir, "out.html")]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("Impossible de lire le gabarit");
  });

  it("--split-by collectivite : un fichier par collectivité et un index qui les relie", async () => {
    const dir = tmp();
    const r = await cli(["report", EXAMPLE, "--date", FIXTURE_DATE, "--split-by", "collectivite", "-o", join(dir, "rapports")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("index.html");
    const files = readdirSync(join(dir, "rapports")).sort();
    expect(files).toEqual(["commune-35115.html", "commune-35238.html", "commune-35288.html", "dep-35.html", "index.html", "region-bretagne.html"]);
    const index = readFileSync(join(dir, "rapports", "index.html"), "utf8");
    for (const f of files.filter((f) => f !== "index.html")) expect(index).toContain(`href="${f}"`);
    expect(await htmlProblems(index)).toEqual([]);
    const dep = readFileSync(join(dir, "rapports", "dep-35.html"), "utf8");
    expect(dep).toContain("Département d&#x27;Ille-et-Vilaine et ses établissements");
    expect(dep).toContain("Collège Pierre Brossolette");
    expect(dep).not.toContain("Lycée Chateaubriand");
    expect(await htmlProblems(dep)).toEqual([]);
    // Markdown too.
    const r2 = await cli(["report", EXAMPLE, "--date", FIXTURE_DATE, "--split-by", "collectivite", "--format", "md", "-o", join(dir, "md")]);
    expect(r2.code).toBe(0);
    for (const f of readdirSync(join(dir, "md"))) expect(await markdownProblems(readFileSync(join(dir, "md", f), "utf8")), f).toEqual([]);
  });

  it("--scope : seulement une collectivité, ses établissements et ses conventions ; indicateurs recalculés", async () => {
    const result = await runAudit([EXAMPLE], { date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT) });
    const vm = buildViewModel(result, { version: VERSION, scope: "collectivite:dep-35" });
    expect(vm.collectivites.map((c) => c.id)).toEqual(["dep-35"]);
    expect(vm.perimetre).toEqual({ ref: "collectivite:dep-35", texte: "Département d'Ille-et-Vilaine et ses établissements" });
    // Four public collèges; the référent technique of les Ormeaux (0358033S) is vacant.
    expect([byId(vm, "eple-referent-technique").numerateur, byId(vm, "eple-referent-technique").denominateur]).toEqual([3, 4]);
    const entities = [...vm.collectivites.flatMap((c) => [...c.constats, ...c.constatsConventions, ...c.etablissements.flatMap((e) => e.constats)]), ...vm.academies.flatMap((a) => a.constats)];
    expect(entities.every((c) => !c.entite.includes("region-bretagne") && !c.entite.includes("commune-"))).toBe(true);
    const r = await cli(["report", EXAMPLE, "--scope", "collectivite:dep-35", "--date", FIXTURE_DATE, "-o", join(tmp(), "s.html")]);
    expect(r.code).toBe(0);
    const bad = await cli(["report", EXAMPLE, "--scope", "collectivite:dep-53", "-o", join(tmp(), "s.html")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("« collectivite:dep-53 » n'est ni une académie, ni une collectivité, ni un département, ni un établissement");
    expect(bad.stderr).toContain("collectivite:dep-35");
    const academie = buildViewModel(result, { version: VERSION, scope: "academie:14" });
    expect(academie.collectivites).toHaveLength(5);
  });

  it("--scope avec un identifiant nu, et suggestion de l'identifiant proche", async () => {
    expect((await cli(["report", EXAMPLE, "--scope", "dep-35", "-o", join(tmp(), "s.html")])).code).toBe(0);
    const bad = await cli(["report", EXAMPLE, "--scope", "dep-3", "-o", join(tmp(), "s.html")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("vouliez-vous dire « dep-35 »");
  });

  it("fichiers illisibles, kinds inconnus et règles sans documentation : rendus comme les autres constats", async () => {
    const dir = tmp({
      "t/casse.yaml": "kind: etablissement\nuai: [\n",
      "t/inconnu.yaml": "kind: ecole\nnom: x\n",
      "t/e.yaml": 'kind: etablissement\nuai: "0358002H"\nnom: Collège A\ntype: college\nacademie: "14"\ncollectivite: dep-99\n',
    });
    for (const format of ["html", "md"] as const) {
      const { text } = await report(["--format", format], `r.${format}`, [join(dir, "t")]);
      expect(text).toContain(format === "html" ? 'id="autres"' : "## Autres constats");
      expect(text).toMatch(/yaml-syntaxe/);
      expect(text).toMatch(/kind-inconnu/);
      if (format === "html") expect(await htmlProblems(text)).toEqual([]);
      else expect(await markdownProblems(text)).toEqual([]);
    }
  });

  it("sortie par défaut rapport-<date>.<ext> dans le dossier courant ; alias rapport ; code 0 malgré les constats", async () => {
    const dir = tmp();
    cpSync(join(ROOT, EXAMPLE), join(dir, "territoire"), { recursive: true });
    const r = await cli(["rapport", "territoire"], { cwd: dir });
    expect(r.code).toBe(0);
    // The example's config sets auditDate 2026-09-01 and the title.
    expect(r.stderr).toBe("Rapport écrit dans « rapport-2026-09-01.html ».\n");
    const html = readFileSync(join(dir, "rapport-2026-09-01.html"), "utf8");
    expect(html).toContain("<title>Audit du numérique éducatif — Académie de Rennes, Ille-et-Vilaine (rentrée 2026)</title>");
    expect(html).toContain("DRANE Bretagne — site de Rennes");
  });

  it("réglages report: de la configuration (format, titre, auteur, anonymisation, sortie) ; --title l'emporte", async () => {
    const dir = tmp();
    cpSync(join(ROOT, EXAMPLE), join(dir, "t"), { recursive: true });
    writeFileSync(
      join(dir, "t", "gouvnum.config.yaml"),
      'auditDate: "2026-09-01"\nreport: { title: "Titre de la configuration", author: "DANE", format: md, anonymize: true, output: sortie.md }\n',
    );
    const r = await cli(["report", "t"], { cwd: dir });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "sortie.md"), "utf8");
    expect(md).toMatch(/^# Titre de la configuration\n/);
    expect(md).toContain("Auteur : DANE");
    expect(md).not.toContain("François Le Corre");
    const r2 = await cli(["report", "t", "--title", "Titre de la ligne de commande", "--force"], { cwd: dir });
    expect(r2.code).toBe(0);
    expect(readFileSync(join(dir, "sortie.md"), "utf8")).toMatch(/^# Titre de la ligne de commande\n/);
  });

  it("n'écrase rien sans --force, n'écrit jamais sur une entrée, et rien à moitié", async () => {
    const dir = tmp();
    const out = join(dir, "r.html");
    expect((await cli(["report", EXAMPLE, "-o", out])).code).toBe(0);
    writeFileSync(out, "ancien");
    const again = await cli(["report", EXAMPLE, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("existe déjà : ajoutez --force");
    expect(readFileSync(out, "utf8")).toBe("ancien");
    expect((await cli(["report", EXAMPLE, "-o", out, "--force"])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
    // Split: an existing index stops everything before the first page is written.
    mkdirSync(join(dir, "split"));
    writeFileSync(join(dir, "split", "index.html"), "ancien");
    const split = await cli(["report", EXAMPLE, "--split-by", "collectivite", "-o", join(dir, "split")]);
    expect(split.code).toBe(2);
    expect(readdirSync(join(dir, "split"))).toEqual(["index.html"]);
    // Never over a file that was read.
    const copy = tmp();
    cpSync(join(ROOT, EXAMPLE), copy, { recursive: true });
    const over = await cli(["report", copy, "-o", join(copy, "academie.yaml"), "--force"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("est aussi un fichier lu");
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("-o - écrit le rapport sur la sortie standard", async () => {
    const r = await cli(["report", EXAMPLE, "--format", "md", "-o", "-"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Audit du numérique éducatif/);
    expect(r.stderr).toBe("");
  });

  it("erreurs d'utilisation en français, code 2", async () => {
    const cases: Array<[string[], string]> = [
      [["--format", "pdf"], "Format inconnu « pdf »"],
      [["--split-by", "commune"], "--split-by accepte « collectivite », « departement » ou « etablissement »"],
      [["--scope", "convention:co-1"], "--scope attend « academie:<code> »"],
      [["--scope", "etablissement:9999999Z"], "n'est ni une académie"],
      [["--split-by", "collectivite", "-o", "-"], "donnez un dossier"],
      [["--date", "2026-02-30"], "Date d'audit invalide"],
    ];
    for (const [args, message] of cases) {
      const r = await cli(["report", EXAMPLE, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it("--pdf sans Chromium : message clair en français, code 2, aucun fichier écrit", async () => {
    const dir = tmp();
    const r = await cli(["report", EXAMPLE, "--pdf", "-o", join(dir, "r.html")], { env: { GOUVNUM_CHROMIUM: join(dir, "pas-de-chromium") } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("aucun Chromium trouvé");
    expect(r.stderr).toContain("GOUVNUM_CHROMIUM");
    expect(r.stderr).toContain("apt-get install -y chromium");
    expect(readdirSync(dir)).toEqual([]);
  });
});
