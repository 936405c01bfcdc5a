// Output safety: hostile values that reach the messages (a `nom` echoed by a rule, an unknown key, an unknown
// `kind`, a wrong enum value, a suppression reason, the file name itself) go through every format of the CLI,
// in process, and come out inert — no markup, no forged GitHub workflow command, no terminal escape.
import { describe, expect, it, beforeAll } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { cli, type CliRun } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

const T = 2000;
const FIXTURE = join(ROOT, "test/fixtures/hostile/charges-sorties.yaml");

// The payloads of test/fixtures/hostile/charges-sorties.yaml, as the YAML parser reads them.
const NOM_ETABLISSEMENT =
  '<script>alert(1)</script>"><img src=x onerror=alert(1)>{{constructor}}[x](javascript:alert(1))\n::error::forged%0A::warning file=x::forged\u001b[31m\u0007\u009b\r\n::notice::forged|';
const CLE_INCONNUE = "<script>alert(2)</script>\n::error::forged\u001b[2J";
const KIND = '"><img src=x onerror=alert(3)>\n::error::forged\u001b[31m';
const NOM_COLLECTIVITE = "<script>alert(4)</script>](javascript:alert(4))\r\n::error::forged\u001b]0;titre\u0007{{constructor.constructor}}";
const TYPE = "<img src=x onerror=alert(5)>\n::error::forged";
const RAISON = "<script>alert(6)</script> ](javascript:alert(6)) :: %0A";
/** A file name is a value too: newline, ESC, quotes, markup, `%`, `:` and `,` (GitHub property separators). */
const FICHIER = '"><img src=x onerror=alert(7)>\n::error::forged\u001b[31m %0A,x:y é.yaml';

const FORMATS = ["text", "json", "sarif", "junit", "github", "markdown", "gitlab"] as const;
type Format = (typeof FORMATS)[number];

let dir: string;
const out: Partial<Record<Format | "html" | "md", string>> = {};
const runs: Partial<Record<Format | "html" | "md", CliRun>> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gouvnum-sorties-"));
  copyFileSync(FIXTURE, join(dir, "charges.yaml"));
  copyFileSync(FIXTURE, join(dir, FICHIER));
  writeFileSync(join(dir, "gouvnum.config.yaml"), 'auditDate: "2026-09-01"\n');
  for (const f of FORMATS) {
    // --fail-on info: every counted finding is a failing JUnit testcase, whose message is then checked.
    const r = await cli(["audit", ".", "-f", f, "--fail-on", "info"], { cwd: dir });
    runs[f] = r;
    out[f] = r.stdout;
  }
  for (const f of ["html", "md"] as const) {
    const file = `rapport.${f}`;
    const r = await cli(["report", ".", "--format", f, "-o", file, "--force"], { cwd: dir });
    runs[f] = r;
    out[f] = r.code === 0 ? readFileSync(join(dir, file), "utf8") : "";
  }
}, 60_000);

/** C0 controls other than LF (and tab), DEL: never raw in a line-oriented output. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const RAW_C1 = /[\u0080-\u009f]/;

function lines(s: string): string[] {
  return s.split("\n").filter((l) => l !== "");
}

describe("sorties : les valeurs hostiles sont inertes dans chaque format", () => {
  it("chaque format sort sans erreur, sans pile d'appels, et contient bien les constats attendus", () => {
    for (const f of FORMATS) {
      const r = runs[f]!;
      expect(r.code, `${f} : ${r.stderr}`).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
    const json = JSON.parse(out.json!);
    const ids = new Set(json.findings.map((x: { ruleId: string }) => x.ruleId));
    for (const id of ["schema", "kind-inconnu", "contrat-objectifs-absent", "convention-non-signee", "convention-sans-echeance"]) expect(ids).toContain(id);
  }, T);

  it("json : se relit et restitue chaque valeur à l'identique", () => {
    const json = JSON.parse(out.json!);
    const messages: string[] = json.findings.map((x: { message: string }) => x.message);
    const files: string[] = json.findings.map((x: { file: string }) => x.file);
    expect(messages.some((m) => m.includes(NOM_ETABLISSEMENT))).toBe(true);
    expect(messages.some((m) => m.includes(CLE_INCONNUE))).toBe(true);
    expect(messages.some((m) => m.includes(KIND))).toBe(true);
    expect(messages.some((m) => m.includes(NOM_COLLECTIVITE))).toBe(true);
    expect(messages.some((m) => m.includes(TYPE))).toBe(true);
    expect(json.findings.some((x: { suppressed?: { reason: string } }) => x.suppressed?.reason === RAISON)).toBe(true);
    expect(files).toContain(FICHIER);
    // JSON.stringify escapes every C0 control: a raw one would be invalid JSON anyway.
    expect(out.json).not.toMatch(RAW_CONTROL);
  }, T);

  it("sarif : JSON valide, valeurs restituées, chemin encodé en URI", () => {
    const sarif = JSON.parse(out.sarif!);
    const results = sarif.runs[0].results as Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; suppressions?: Array<{ justification: string }> }>;
    expect(results.some((r) => r.message.text.includes(NOM_ETABLISSEMENT))).toBe(true);
    expect(results.some((r) => r.message.text.includes(CLE_INCONNUE))).toBe(true);
    expect(results.some((r) => r.suppressions?.[0].justification === RAISON)).toBe(true);
    const uris = new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect(uris).toContain(encodeURIComponent(FICHIER));
    for (const u of uris) expect(u).toMatch(/^[A-Za-z0-9%._~!'()*\-/]+$/);
    expect(out.sarif).not.toMatch(RAW_CONTROL);
  }, T);

  it("junit : XML bien formé, valeurs restituées une fois décodées, aucune balise injectée", () => {
    const xml = out.junit!;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script/i);
    expect(xml).not.toMatch(/<img/i);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", processEntities: true, htmlEntities: true }).parse(xml);
    const suites = [doc.testsuites.testsuite].flat() as Array<{ name: string; testcase: unknown }>;
    expect(suites.map((s) => s.name)).toContain(FICHIER.replace(/\u001b/g, ""));
    const messages = suites.flatMap((s) => [s.testcase].flat() as Array<{ failure?: { message: string } }>).map((c) => c.failure?.message ?? "");
    // XML 1.0 cannot carry ESC or BEL: they are dropped, the rest of the value is intact.
    expect(messages.some((m) => m.includes(NOM_ETABLISSEMENT.replace(/[\u001b\u0007]/g, "")))).toBe(true);
    expect(messages.some((m) => m.includes(CLE_INCONNUE.replace(/\u001b/g, "")))).toBe(true);
  }, T);

  it("github : chaque ligne est une commande d'annotation légitime, aucune commande forgée", () => {
    const gh = out.github!;
    const ls = lines(gh);
    expect(ls.length).toBeGreaterThan(5);
    for (const l of ls) {
      expect(l.startsWith("::"), l).toBe(true);
      // Command, then properties whose values hold no raw `:` or `,` (escaped %3A, %2C), then `::`.
      expect(l, l).toMatch(/^::(error|warning|notice) [a-zA-Z]+=[^:,]*(,[a-zA-Z]+=[^:,]*)*::/);
      expect(l).not.toMatch(/^::(error|warning|notice)::forged/);
      expect(l).not.toContain("\r");
    }
    expect(ls).not.toContain("::error::forged");
    // The file property is escaped: `%`, `:`, `,` and the newline never cut the value.
    expect(gh).toContain('file="><img src=x onerror=alert(7)>%0A%3A%3Aerror%3A%3Aforged');
    expect(gh).toContain("%250A%2Cx%3Ay");
    // `%0A` written in a value is data, not an escaped newline: its `%` is escaped.
    expect(gh).toContain("forged%250A::warning file=x::forged");
  }, T);

  // Regression (found here, fixed before commit): the github formatter escapes only %, CR and LF: ESC (\u001b), BEL
  // (\u0007) and CSI (\u009b) from the input reach the workflow log raw, where the log viewer interprets them (colours,
  // hidden text).
  it("github : aucun caractère de contrôle brut (ESC, BEL, CSI) dans les annotations", () => {
    expect(out.github).not.toMatch(RAW_CONTROL);
    expect(out.github).not.toMatch(RAW_C1);
  }, T);

  it("text : aucune séquence d'échappement de terminal, aucun retour chariot, valeurs visibles sous forme échappée", () => {
    const text = out.text!;
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).not.toMatch(RAW_C1);
    expect(text).toContain("\\x1b[31m");
    expect(text).toContain("<script>alert(1)</script>");
  }, T);

  it("markdown : aucune balise, aucun lien javascript:, aucune cellule qui déborde", () => {
    const md = out.markdown!;
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
    expect(md).not.toMatch(RAW_CONTROL);
    expect(md).toContain("&lt;script&gt;");
    // Rows of the findings table: four cells, so exactly five unescaped pipes.
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && /\.yaml:\d+:\d+/.test(l));
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.replace(/\\\|/g, "").split("|").length - 1, r).toBe(5);
  }, T);

  // Regression (found here, fixed before commit): the junit formatter writes message text content with raw newlines, so
  // a value containing "\n::error::forged" puts a line starting with `::error::forged` in the report. Printed to a CI
  // log (`gouvnum audit -f junit` writes to stdout by default), GitHub Actions runs it as a workflow command. The HTML
  // report does the same with a file name containing a newline (`…, ligne 19</p>` on a line that starts with
  // `::error::forged`). Expected: newlines inside values written as `&#10;` (XML) or `<br>` / a space (HTML), so no
  // output line other than the github format's own ever starts with `::`.
  it("aucun format autre que github ne contient une ligne qui commence par « :: » (commande de workflow forgée)", () => {
    for (const f of [...FORMATS.filter((x) => x !== "github"), "html", "md"] as const) {
      for (const l of out[f]!.split("\n")) expect(l, `${f} : ${l}`).not.toMatch(/^\s*::/);
    }
  }, T);

  it("text, json, sarif, markdown, github et rapport Markdown : aucune ligne « ::error::forged »", () => {
    for (const f of ["text", "json", "sarif", "markdown", "github", "md"] as const) {
      for (const l of out[f]!.split("\n")) expect(l, `${f} : ${l}`).not.toMatch(/^\s*::(error|warning|notice)::forged/);
    }
  }, T);

  it("rapport HTML : aucune balise ni attribut injecté, aucun lien javascript:", () => {
    expect(runs.html!.code, runs.html!.stderr).toBe(0);
    const html = out.html!;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\son\w+\s*=/i); // no event-handler attribute anywhere
    expect(html).not.toMatch(/(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  }, T);

  it("rapport Markdown : aucune balise ni lien javascript: non échappé", () => {
    expect(runs.md!.code, runs.md!.stderr).toBe(0);
    const md = out.md!;
    expect(md).not.toMatch(/(?<![\\])<script/i);
    expect(md).not.toMatch(/(?<![\\])<img/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
    expect(md).not.toMatch(RAW_CONTROL);
  }, T);

  it("grep de tous les formats : les charges n'apparaissent que sous forme échappée", () => {
    // The forms an attacker needs raw, per kind of consumer. JSON and SARIF are data: `<script>` inside a JSON
    // string is inert, but their control characters must be escaped (checked above).
    const markup: Array<Format | "html" | "md"> = ["junit", "markdown", "html"];
    for (const f of markup) {
      expect(out[f], f).not.toMatch(/<script|<img|onerror=alert\(\d\)>/i);
    }
    // Terminal escapes (in HTML a raw ESC is inert for a browser).
    for (const f of ["text", "github", "markdown", "md"] as const) {
      expect(out[f], f).not.toContain("\u001b[");
    }
    // `{{constructor}}` is never evaluated by a template engine: no function source in any output.
    for (const f of [...FORMATS, "html", "md"] as const) {
      expect(out[f], f).not.toMatch(/\[native code\]|function Object\(/);
    }
  }, T);
});
