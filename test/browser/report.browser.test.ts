// The HTML report in a real browser: it renders, logs no error, fetches nothing, passes axe-core (WCAG 2.1 AA), prints on A4.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { HtmlValidate } from "html-validate";
import { lint } from "markdownlint/promise";
import { cli } from "../cli-helpers.js";
import { FIXTURE_DATE, ROOT } from "../helpers.js";
import { bodyVocabulary, placeEtablissements } from "../report-scale-helpers.js";

const CHROMIUM = process.env.GOUVNUM_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** A4 width minus the report's @page margins (210 mm − 2 × 14 mm) at 96 px per inch. */
const A4_CONTENT_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);

const dir = mkdtempSync(join(tmpdir(), "gouvnum-navigateur-"));
let browser: Browser;

const HOSTILE = `kind: academie
code: "14"
nom: "Académie <script>alert(1)</script>"
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
nom: "${"Collège{{x}}](javascript:alert(1))".repeat(60)}"
type: college
academie: "14"
collectivite: dep-35
direction: { chef: { nom: "<script>alert(1)</script>", fonction: "<b onmouseover=alert(1)>x</b>" } }
`;

async function report(name: string, args: string[], paths = ["examples/academie-exemple"]): Promise<string> {
  const out = join(dir, name);
  const r = await cli(["report", ...paths, "--date", FIXTURE_DATE, "-o", out, ...args]);
  expect(r.stderr).not.toContain("gouvnum :");
  expect(r.code).toBe(0);
  return out;
}

interface Visit {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(file: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const v: Visit = { page, consoleErrors: [], requests: [], dialogs: [] };
  page.on("console", (m) => m.type() === "error" && v.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => v.consoleErrors.push(String(e)));
  page.on("request", (r) => v.requests.push(r.url()));
  page.on("dialog", (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return v;
}

async function axe(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  await page.addScriptTag({ content: AXE });
  // Expressions are evaluated in the page (strings: the DOM's types are not part of this Node project).
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })`,
  )) as { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }> };
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
}

/** What every report page must satisfy in the browser. */
async function checkPage(file: string): Promise<Visit> {
  const v = await open(file);
  const { page } = v;
  expect(await page.locator("h1").count()).toBe(1);
  expect(await page.locator("h1").isVisible()).toBe(true);
  const h2 = page.locator("main h2");
  expect(await h2.count()).toBeGreaterThan(1);
  for (let i = 0; i < (await h2.count()); i++) expect(await h2.nth(i).isVisible()).toBe(true);
  expect(await page.evaluate("document.documentElement.lang")).toBe("fr");
  for (const sel of ["header", "nav", "main", "footer"]) expect(await page.locator(sel).count(), sel).toBe(1);
  // Nothing runs and nothing is fetched: the only request is the report itself.
  expect(await page.evaluate(`document.querySelectorAll("script, img, iframe, object, embed, link").length`)).toBe(0);
  expect(v.requests).toEqual([pathToFileURL(file).href]);
  expect(v.consoleErrors).toEqual([]);
  expect(v.dialogs).toEqual([]);
  const serious = (await axe(page)).filter((x) => x.impact === "serious" || x.impact === "critical");
  expect(serious).toEqual([]);
  return v;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : installez-le (apt-get install -y chromium) ou indiquez son chemin dans GOUVNUM_CHROMIUM.`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

describe("le rapport HTML dans Chromium", () => {
  it("rapport de l'exemple : s'affiche, aucune erreur, aucune requête, axe-core sans violation grave", async () => {
    const file = await report("rapport.html", []);
    const { page } = await checkPage(file);
    // The map (the example's établissements have their localisation) and the charts: visible images with an accessible name.
    const charts = page.locator("svg[role=img]");
    expect(await charts.count()).toBe(5);
    expect(await page.locator("svg.carte[role=img]").count()).toBe(1);
    for (let i = 0; i < 5; i++) {
      expect(await charts.nth(i).isVisible()).toBe(true);
      expect((await charts.nth(i).getAttribute("aria-labelledby"))?.length).toBeGreaterThan(0);
    }
    // Internal links all lead somewhere.
    const broken = await page.evaluate(`[...document.querySelectorAll("a[href^='#']")].map((a) => a.getAttribute("href").slice(1)).filter((id) => !document.getElementById(id))`);
    expect(broken).toEqual([]);
    const shot = join(dir, "rapport.png");
    await page.screenshot({ path: shot, fullPage: false });
    console.log(`capture : ${shot}`);
    await page.close();
  });

  it("imprimé sur A4 : règle @page A4, aucun tableau plus large que la page, PDF lisible", async () => {
    const file = await report("rapport-a4.html", []);
    const { page } = await open(file);
    const pageRule = await page.evaluate(`[...document.styleSheets].flatMap((s) => [...s.cssRules]).some((r) => r instanceof CSSPageRule && /size:\\s*A4/i.test(r.cssText))`);
    expect(pageRule).toBe(true);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1100 });
    const overflow = (await page.evaluate(`(() => {
      const wide = [...document.querySelectorAll("table, svg, pre, h1, h2, h3, h4, p")].filter((e) => e.getBoundingClientRect().right > ${A4_CONTENT_WIDTH} + 1);
      return { page: document.documentElement.scrollWidth, wide: wide.map((e) => e.tagName + ":" + (e.textContent ?? "").slice(0, 40)) };
    })()`)) as { page: number; wide: string[] };
    expect(overflow.wide).toEqual([]);
    expect(overflow.page).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("gouvnum report --pdf écrit un PDF A4 avec le Chromium local", async () => {
    const out = join(dir, "pdf");
    mkdirSync(out);
    const r = await cli(["report", "examples/academie-exemple", "--date", FIXTURE_DATE, "--pdf", "-o", join(out, "r.html")], { env: { GOUVNUM_CHROMIUM: CHROMIUM } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("PDF écrit dans");
    const pdf = readFileSync(join(out, "r.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 is 595 × 842 points (Chromium writes 594.96 × 841.92).
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    expect(boxes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
  });

  it("rapports par collectivité et index, rapport anonymisé : mêmes exigences", async () => {
    const split = join(dir, "split");
    const r = await cli(["report", "examples/academie-exemple", "--date", FIXTURE_DATE, "--split-by", "collectivite", "-o", split]);
    expect(r.code).toBe(0);
    for (const f of ["index.html", "dep-35.html", "commune-35115.html"]) (await checkPage(join(split, f))).page.close();
    (await checkPage(await report("anonyme.html", ["--anonymize"]))).page.close();
  });

  it("valeurs hostiles : rien ne s'exécute, tout s'affiche comme du texte", async () => {
    const t = join(dir, "hostile");
    mkdirSync(t);
    writeFileSync(join(t, "t.yaml"), HOSTILE);
    const file = await report("hostile.html", [], [t]);
    const { page } = await checkPage(file);
    const text = await page.locator("main").innerText();
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(text).toContain("{{x}}](javascript:alert(1))");
    expect(await page.evaluate(`document.querySelectorAll("[onerror], [onmouseover], b").length`)).toBe(0);
    // The very long name wraps instead of widening the page.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(1100);
    await page.close();
  });

  it("rapport d'une académie générée (≈ 5 000 documents, carte) : validité, axe-core, markdownlint, PDF borné (moins de 40 pages)", async () => {
    const corpus = (await import(pathToFileURL(join(ROOT, "bench/corpus.mjs")).href)) as { generate(o: { scale: string; seed: number; out: string }): unknown };
    const territoire = join(dir, "academie");
    corpus.generate({ scale: "academie", seed: 11, out: territoire });
    expect(placeEtablissements(territoire)).toBeGreaterThan(1000);
    const file = join(dir, "academie.html");
    const r = await cli(["report", territoire, "--date", FIXTURE_DATE, "--pdf", "-o", file], { env: { GOUVNUM_CHROMIUM: CHROMIUM } });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
    expect(bodyVocabulary(html)).toEqual([]);
    const v = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } }).validateString(html);
    expect(v.results.flatMap((x) => x.messages.map((m) => `${m.ruleId} l.${m.line}: ${m.message}`))).toEqual([]);
    const { page } = await checkPage(file);
    // It opens with the map: the first figure of the report, with a point per établissement.
    const map = page.locator("svg.carte");
    expect(await map.isVisible()).toBe(true);
    expect(await page.locator("svg.carte use").count()).toBeGreaterThan(1000);
    const shot = join(dir, "academie.png");
    await page.screenshot({ path: shot, fullPage: false });
    console.log(`capture : ${shot}`);
    await page.close();
    const pdf = readFileSync(join(dir, "academie.pdf")).toString("latin1");
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    console.log(`PDF du rapport d'académie : ${pages} pages`);
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThan(40);
    const md = join(dir, "academie.md");
    expect((await cli(["report", territoire, "--date", FIXTURE_DATE, "--format", "md", "-o", md])).code).toBe(0);
    const l = await lint({ strings: { rapport: readFileSync(md, "utf8") }, config: { default: true, MD013: false } });
    expect(l.rapport.map((e) => `${e.ruleNames.join("/")} l.${e.lineNumber}: ${e.errorDetail ?? ""}`)).toEqual([]);
  }, 300_000);

  it("fiche d'un établissement : une ou deux pages A4, mêmes exigences", async () => {
    // A collège of the example (its UAI read from the files, so that the test follows the example).
    const etabs = join(ROOT, "examples/academie-exemple/etablissements");
    const college = readdirSync(etabs)
      .map((f) => readFileSync(join(etabs, f), "utf8"))
      .find((t) => /^type: college/m.test(t))!;
    const uai = /^uai: "?([0-9A-Z]{8})"?/m.exec(college)![1];
    const file = await report("fiche.html", ["--scope", `etablissement:${uai}`, "--pdf"]);
    (await checkPage(file)).page.close();
    const pdf = readFileSync(file.replace(/\.html$/, ".pdf")).toString("latin1");
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });
  it("fiche d'un collège réel d'Ille-et-Vilaine aux nombreux écarts : deux pages A4 au plus, une ligne de correction par règle", async () => {
    // The real annuaire extract imported as is (nothing declared but identity), plus what a real collège often has:
    // an adjoint without a chef, four lots of old equipment and an expired, unsigned convention with the Département.
    const territoire = join(dir, "ille-et-vilaine");
    const imp = await cli(["import", "annuaire", join(ROOT, "test/fixtures/annuaire/fr-en-annuaire-education-035.csv"), "--academie", "14", "--out", territoire]);
    expect(imp.code, imp.stderr).toBe(0);
    const uai = "0350970P";
    const etab = join(territoire, "etablissements", `${uai}.yaml`);
    expect(readFileSync(etab, "utf8")).toMatch(/^type: college$/m);
    writeFileSync(
      etab,
      readFileSync(etab, "utf8") +
        `direction:
  adjoint: { fonction: principal adjoint }
equipements:
  - { categorie: poste_fixe, nombre: 60, annee_mise_en_service: 2012 }
  - { categorie: videoprojecteur, nombre: 18, annee_mise_en_service: 2010 }
  - { categorie: tablette, nombre: 90, annee_mise_en_service: 2015 }
  - { categorie: borne_wifi, nombre: 12, annee_mise_en_service: 2013 }
`,
    );
    mkdirSync(join(territoire, "conventions"), { recursive: true });
    writeFileSync(
      join(territoire, "conventions", "eple-0350970p.yaml"),
      `kind: convention
id: eple-0350970p-2019
type: eple_collectivite
objet: Convention collège – Département
parties: ["etablissement:${uai}", "collectivite:dep-35"]
debut: "2019-09-01"
fin: "2022-08-31"
clauses:
  maintenance: { niveau_0: { acteur: usager }, niveau_1: { acteur: a_definir } }
`,
    );
    const file = join(dir, "fiche-reelle.html");
    // Run from the territory's folder, as its team does (file paths as they read them).
    const r = await cli(["report", ".", "--date", FIXTURE_DATE, "--scope", `etablissement:${uai}`, "--pdf", "-o", file], { cwd: territoire, env: { GOUVNUM_CHROMIUM: CHROMIUM } });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, "utf8");
    const v = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } }).validateString(html);
    expect(v.results.flatMap((x) => x.messages.map((m) => `${m.ruleId} l.${m.line}: ${m.message}`))).toEqual([]);
    const { page } = await checkPage(file);
    // Many gaps, one row per rule, each with its fix in one sentence (the rule's whole text is on its page).
    const rows = page.locator("table.ecarts tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < (await rows.count()); i++) {
      const fix = rows.nth(i).locator("td.technique > p");
      expect(await fix.count()).toBeLessThanOrEqual(1);
      if ((await fix.count()) === 1) expect((await fix.innerText()).split(/[.!?](?:\s|$)/).filter((x) => x.trim()).length).toBe(1);
    }
    const shot = join(dir, "fiche-reelle.png");
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`capture : ${shot}`);
    await page.close();
    const pdf = readFileSync(file.replace(/\.html$/, ".pdf")).toString("latin1");
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    console.log(`PDF de la fiche : ${pages} pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const md = join(dir, "fiche-reelle.md");
    expect((await cli(["report", ".", "--date", FIXTURE_DATE, "--scope", `etablissement:${uai}`, "--format", "md", "-o", md], { cwd: territoire })).code).toBe(0);
    const l = await lint({ strings: { fiche: readFileSync(md, "utf8") }, config: { default: true, MD013: false } });
    expect(l.fiche.map((e) => `${e.ruleNames.join("/")} l.${e.lineNumber}: ${e.errorDetail ?? ""}`)).toEqual([]);
  }, 300_000);
});
