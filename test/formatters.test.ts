// Formatters checked against their real consumers: SARIF against the official 2.1.0 schema, JUnit parsed as XML,
// GitHub workflow commands as the runner splits them, Markdown for injection; hostile YAML values throughout.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as ajvDraft04 from "ajv-draft-04";
import * as ajvFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ROOT, FIXTURE_DATE, runPaths, runText } from "./helpers.js";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { makeBaseline } from "../src/audit/baseline.js";
import { emptyConfig } from "../src/validate/config.js";
import { failing, isCounted } from "../src/report/counted.js";
import { getFormatter, FORMATS, type FailOn, type FormatContext } from "../src/report/index.js";
import { format as sarif, pathToUri } from "../src/report/formatters/sarif.js";
import { format as junit, xmlAttr } from "../src/report/formatters/junit.js";
import { format as github, escapeData, escapeProperty } from "../src/report/formatters/github.js";
import { format as markdown, MAX_ROWS } from "../src/report/formatters/markdown.js";

const ctx = (failOn: FailOn = "error"): FormatContext => ({ version: "0.1.0-test", failOn, color: false });

/** Values an attacker could write in a YAML file; unknown keys end up verbatim in schema messages. */
const HOSTILE_VALUES = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=x>',
  "{{x}}",
  "](javascript:alert(1))",
  "100% a:b, c",
  "ligne\n::error::forged",
  "ctl\u0001\u001b[31m\u007f",
  "back`tick` *gras* _souligné_ \\ | tube ~barré~ $x$ &amp; &#60;",
];

function yamlKey(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}

/** An établissement with a wrong UAI letter (uai-invalide) and hostile unknown keys (schema). */
const HOSTILE = [
  "kind: etablissement",
  'uai: "0350002A"',
  'nom: "<script>alert(1)</script>"',
  "type: college",
  "statut: public",
  'academie: "14"',
  'commune: { code_insee: "35047", nom: "\\"><img onerror=x>" }',
  ...HOSTILE_VALUES.map((v) => `${yamlKey(v)}: 1`),
  "",
].join("\n");

/** A file name that needs escaping in every format. */
const HOSTILE_NAME = 'dossier "é" <&>/fich ier%:,#.yaml';

/** Group A only: those findings do not move while the other groups are being written. */
const A = { only: [] as string[] };

function unknownKeys(n: number): string {
  const lines = ["kind: etablissement", 'uai: "0350002M"', "nom: Collège", "type: college", "statut: public", 'academie: "14"'];
  for (let i = 0; i < n; i++) lines.push(`cle_inconnue_${i}: 1`);
  return lines.join("\n") + "\n";
}

describe("registre des formats", () => {
  it("chaque format de CLI.md est branché et rend du texte", async () => {
    const r = await runText(HOSTILE, A);
    for (const name of FORMATS) {
      const f = await getFormatter(name);
      expect(typeof f(r, ctx()), name).toBe("string");
    }
  });
});

describe("sarif", () => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  const Ajv04 = ((ajvDraft04 as unknown as { default?: unknown }).default ?? ajvDraft04) as new (o: object) => {
    compile(s: object): ((d: unknown) => boolean) & { errors?: unknown };
  };
  const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (a: unknown) => void;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Log = any;
  const parse = (r: AuditResult, failOn: FailOn = "error"): Log => JSON.parse(sarif(r, ctx(failOn)));
  const expectValid = (log: Log) => {
    const ok = validate(log);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  };

  it("est valide selon le schéma officiel, sur l'exemple et sur un fichier hostile", async () => {
    expectValid(parse(await runPaths(["examples/academie-exemple"])));
    expectValid(parse(await runText(HOSTILE, A, HOSTILE_NAME)));
    expectValid(parse(await runText("a: [\n", A)));
  });

  it("décrit chaque règle active, avec aide et helpUri ; pas une règle désactivée", async () => {
    const r = await runPaths(["examples/academie-exemple"], { rules: { "uai-invalide": "warning" } });
    const log = parse(r);
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("gouvnum");
    expect(driver.version).toBe("0.1.0-test");
    const active = r.rules.filter((x) => x.severity !== "off").map((x) => x.rule.id);
    expect(driver.rules.map((x: Log) => x.id)).toEqual(active);
    for (const rule of driver.rules) {
      expect(rule.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*/${rule.id}/doc\\.md$`));
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    expect(driver.rules.find((x: Log) => x.id === "uai-invalide").name).toBe("uaiInvalide");
    expect(driver.rules.find((x: Log) => x.id === "uai-invalide").defaultConfiguration.level).toBe("warning");

    const off = await runText(HOSTILE, { only: [] });
    const offIds = off.rules.filter((x) => x.severity === "off").map((x) => x.rule.id);
    const offLog = parse(off);
    for (const id of offIds) expect(offLog.runs[0].tool.driver.rules.map((x: Log) => x.id)).not.toContain(id);
  });

  it("résultats : ruleIndex, niveau, URI relatives encodées, régions à partir de 1, entité logique", async () => {
    const r = await runText(HOSTILE, A, HOSTILE_NAME);
    const log = parse(r);
    const run = log.runs[0];
    expect(run.results).toHaveLength(r.findings.length);
    const out = JSON.stringify(log);
    expect(out).not.toContain(ROOT);
    expect(out).not.toContain("file:");
    for (const [i, res] of run.results.entries()) {
      const f = r.findings[i];
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.level).toBe({ error: "error", warning: "warning", info: "note" }[f.severity]);
      expect(res.message.text).toBe(f.message);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(loc.artifactLocation.uri).toBe("dossier%20%22%C3%A9%22%20%3C%26%3E/fich%20ier%25%3A%2C%23.yaml");
      expect(decodeURIComponent(loc.artifactLocation.uri)).toBe(HOSTILE_NAME);
      expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(res.locations[0].logicalLocations).toEqual([{ name: f.entity, fullyQualifiedName: f.entity, kind: "object" }]);
      expect(res.partialFingerprints["gouvnum/v2"]).toMatch(/^[0-9a-f]{32}$/);
      expect(res.baselineState).toBeUndefined();
      expect(res.suppressions).toBeUndefined();
    }
    const uai = run.results.find((x: Log) => x.ruleId === "uai-invalide");
    expect(uai.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 6 });
  });

  it("les chemins ordinaires restent lisibles", () => {
    expect(pathToUri("etablissements/0350002M.yaml")).toBe("etablissements/0350002M.yaml");
    expect(pathToUri("../autre dépôt/a.yaml")).toBe("../autre%20d%C3%A9p%C3%B4t/a.yaml");
  });

  it("empreintes identiques quand le constat descend de 3 lignes", async () => {
    const before = parse(await runText(HOSTILE, A)).runs[0].results;
    const after = parse(await runText("# un\n# deux\n# trois\n" + HOSTILE, A)).runs[0].results;
    expect(after).toHaveLength(before.length);
    for (const [i, b] of before.entries()) {
      const a = after[i];
      expect(a.ruleId).toBe(b.ruleId);
      expect(a.locations[0].physicalLocation.region.startLine).toBe(b.locations[0].physicalLocation.region.startLine + 3);
      expect(a.partialFingerprints).toEqual(b.partialFingerprints);
    }
  });

  it("un constat masqué porte une suppression « inSource » avec sa justification", async () => {
    const r = await runText(HOSTILE.replace('uai: "0350002A"', 'uai: "0350002A" # gouvnum-ignore uai-invalide -- UAI provisoire <b>'), A);
    const log = parse(r);
    expectValid(log);
    const uai = log.runs[0].results.find((x: Log) => x.ruleId === "uai-invalide");
    expect(uai.suppressions).toEqual([{ kind: "inSource", justification: "UAI provisoire <b>" }]);
    for (const res of log.runs[0].results.filter((x: Log) => x.ruleId !== "uai-invalide")) expect(res.suppressions).toBeUndefined();
  });

  it("avec une référence : constats connus « unchanged », nouveaux « new »", async () => {
    const opts = { mode: "audit" as const, date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT) };
    const first = await runAudit([{ name: "f.yaml", text: unknownKeys(2) }], opts);
    const baseline = makeBaseline(first.findings);
    const second = await runAudit([{ name: "f.yaml", text: unknownKeys(3) }], { ...opts, baseline });
    const log = parse(second);
    expectValid(log);
    const states = log.runs[0].results.map((x: Log) => `${x.baselineState} ${x.message.text.includes("cle_inconnue_2") ? "nouveau" : "ancien"}`);
    expect(states.filter((s: string) => s.endsWith("nouveau"))).toEqual(["new nouveau"]);
    expect(states.filter((s: string) => s.endsWith("ancien")).every((s: string) => s === "unchanged ancien")).toBe(true);
  });

  it("sortie déterministe", async () => {
    const a = sarif(await runPaths(["examples/academie-exemple"]), ctx());
    const b = sarif(await runPaths(["examples/academie-exemple"]), ctx());
    expect(a).toBe(b);
  });
});

describe("junit", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    htmlEntities: true, // numeric character references (`&#10;`) decoded, as any XML parser does
    isArray: (name) => ["testsuite", "testcase"].includes(name),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Xml = any;
  const parse = (xml: string): Xml => {
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml);
  };
  const all = (doc: Xml): Xml[] => doc.testsuites.testsuite.flatMap((s: Xml) => s.testcase);

  it("XML valide, même avec des valeurs hostiles et des caractères interdits", async () => {
    const r = await runText(HOSTILE, A, HOSTILE_NAME);
    const xml = junit(r, ctx());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<img");
    const doc = parse(xml);
    const failures = all(doc).filter((t: Xml) => t.failure);
    // Attribute values come back exactly (but for the characters XML cannot carry).
    const legal = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
    const failed = failing(r.findings, "error");
    expect(failures.map((t: Xml) => t.failure.message)).toEqual(failed.map((f) => legal(f.message)));
    expect(failures.map((t: Xml) => t.failure.type)).toEqual(failed.map((f) => f.ruleId));
    expect(doc.testsuites.testsuite[0].name).toBe(HOSTILE_NAME);
  });

  it("une suite par fichier, un cas en échec par constat au seuil, un cas réussi pour un fichier sans constat bloquant", async () => {
    const r = await runText(HOSTILE, { only: [], rules: { "uai-invalide": "warning" } });
    const counted = r.findings.filter(isCounted);
    const errors = counted.filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(3);

    for (const [failOn, expected] of [
      ["error", errors],
      ["warning", errors + 1],
      ["info", errors + 1],
    ] as const) {
      const doc = parse(junit(r, ctx(failOn)));
      expect(doc.testsuites.name).toBe("gouvnum");
      expect(doc.testsuites.failures).toBe(String(expected));
      expect(doc.testsuites.testsuite).toHaveLength(1);
      const suite = doc.testsuites.testsuite[0];
      expect(suite.name).toBe("fixture.yaml");
      expect(suite.failures).toBe(String(expected));
      expect(suite.errors).toBe("0");
      expect(suite.tests).toBe(String(suite.testcase.length));
      expect(suite.testcase.filter((t: Xml) => t.failure)).toHaveLength(expected);
      for (const t of suite.testcase) {
        expect(t.classname).toBe("fixture.yaml");
        expect(t.name).toMatch(/^fixture\.yaml:\d+:\d+ [a-z0-9-]+$/);
        expect(t.file).toBe("fixture.yaml");
      }
    }
    const uai = parse(junit(r, ctx("error"))).testsuites.testsuite[0];
    expect(uai["system-out"]).toContain("uai-invalide");

    const never = parse(junit(r, ctx("never")));
    expect(never.testsuites.failures).toBe("0");
    expect(never.testsuites.testsuite[0].testcase).toHaveLength(1);
    expect(never.testsuites.testsuite[0].testcase[0].failure).toBeUndefined();
  });

  it("fichiers sans constat : un cas réussi ; constats masqués : cas ignorés", async () => {
    const r = await runPaths(["examples/academie-exemple"]);
    const doc = parse(junit(r, ctx("error")));
    const files = [...new Set([...r.sources.keys(), ...r.findings.map((f) => f.file)])].sort();
    expect(doc.testsuites.testsuite.map((s: Xml) => s.name)).toEqual(files);
    const failed = failing(r.findings, "error");
    expect(Number(doc.testsuites.failures)).toBe(failed.length);
    for (const s of doc.testsuites.testsuite) {
      const bad = failed.filter((f) => f.file === s.name).length;
      expect(Number(s.failures), s.name).toBe(bad);
      if (bad === 0) expect(s.testcase.filter((t: Xml) => !t.failure && !t.skipped), s.name).toHaveLength(1);
    }
    const suppressed = r.findings.filter((f) => f.suppressed).length;
    expect(Number(doc.testsuites.skipped)).toBe(suppressed);
    expect(Number(doc.testsuites.tests)).toBe(all(doc).length);

    const masked = await runText(HOSTILE.replace('uai: "0350002A"', 'uai: "0350002A" # gouvnum-ignore uai-invalide -- "provisoire" & <b>'), A);
    const m = parse(junit(masked, ctx()));
    const skipped = all(m).filter((t: Xml) => t.skipped !== undefined);
    expect(skipped).toHaveLength(1);
    expect(skipped[0].name).toMatch(/^fixture\.yaml:\d+:\d+ uai-invalide$/);
    expect(skipped[0].skipped.message).toContain('"provisoire" & <b>');
    expect(all(m).some((t: Xml) => t.failure?.type === "uai-invalide")).toBe(false);
  });

  it("échappement des attributs", () => {
    expect(xmlAttr(`a&b<c>d"e'f\ng\u0000h`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f&#10;gh");
  });
});

describe("github", () => {
  const COMMAND = /^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::[^\r\n]*$/;
  const lines = (s: string) => s.split("\n").filter((l, i, a) => !(l === "" && i === a.length - 1));

  it("chaque ligne est une commande, aucune n'est forgée, l'échappement est celui de @actions/core", async () => {
    const out = github(await runText(HOSTILE, A, "a%b:c,d.yaml"), ctx());
    const ls = lines(out);
    expect(ls.length).toBeGreaterThan(0);
    for (const l of ls) expect(l).toMatch(COMMAND);
    expect(ls.some((l) => l.startsWith("::error::forged"))).toBe(false);
    const forged = ls.find((l) => l.includes("forged"))!;
    expect(forged).toContain("ligne%0A::error::forged");
    expect(out).toContain("file=a%25b%3Ac%2Cd.yaml,");
    expect(out).toContain("100%25 a:b, c");
    expect(ls.find((l) => l.includes("title=uai-invalide"))).toMatch(
      /^::error file=a%25b%3Ac%2Cd\.yaml,line=2,col=6,endLine=2,endColumn=\d+,title=uai-invalide::L'UAI « 0350002A »/,
    );
    expect(escapeData("a%b\r\nc:d,e")).toBe("a%25b%0D%0Ac:d,e");
    expect(escapeProperty("a%b\r\nc:d,e")).toBe("a%25b%0D%0Ac%3Ad%2Ce");
  });

  it("constats comptés seulement, erreurs d'abord, puis avertissements, puis notes", async () => {
    // Infos first in the file, then a masked error, then warnings and an error.
    const text = [
      "kind: truc",
      "---",
      unknownKeys(1).replace('uai: "0350002M"', 'uai: "0350002A" # gouvnum-ignore uai-invalide -- provisoire'),
      "---",
      unknownKeys(2).replace('uai: "0350002M"', 'uai: "0350011A"'),
    ].join("\n");
    const r = await runText(text, { only: [], rules: { schema: "warning", "kind-inconnu": "info" } });
    const ls = lines(github(r, ctx()));
    expect(r.findings.some((f) => f.suppressed)).toBe(true);
    expect(ls).toHaveLength(r.findings.filter(isCounted).length);
    expect(ls.filter((l) => l.includes("title=uai-invalide"))).toHaveLength(1);
    expect(ls[0]).toMatch(/^::error .*title=uai-invalide::L'UAI « 0350011A »/);
    const rank = (l: string) => (l.startsWith("::error") ? 3 : l.startsWith("::warning") ? 2 : 1);
    const ranks = ls.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks)).toEqual(new Set([3, 2, 1]));

    const ex = lines(github(await runPaths(["examples/academie-exemple"]), ctx()));
    const exRanks = ex.filter((l) => !l.includes("title=gouvnum::")).map(rank);
    expect(exRanks).toEqual([...exRanks].sort((a, b) => b - a));
  });

  it("au-delà de 10 erreurs, tout est imprimé et une dernière note dit combien ne seront pas annotées", async () => {
    const r = await runText(unknownKeys(13), A);
    const errors = r.findings.filter((f) => isCounted(f) && f.severity === "error").length;
    expect(errors).toBeGreaterThan(10);
    const ls = lines(github(r, ctx()));
    expect(ls).toHaveLength(errors + 1);
    const last = ls[ls.length - 1];
    expect(last).toMatch(/^::notice title=gouvnum::/);
    expect(last).toContain(`${errors - 10} constats`);
    expect(last).toMatch(/SARIF/);

    const few = lines(github(await runText(unknownKeys(3), A), ctx()));
    expect(few.some((l) => l.startsWith("::notice"))).toBe(false);
  });

  it("rien à annoter : sortie vide", async () => {
    expect(github(await runPaths(["examples/minimal"], A), ctx())).toBe("");
  });
});

describe("markdown", () => {
  /** Unescaped pipes, i.e. table cell separators. */
  const pipes = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length;
  /** The output with our own rule links removed: what remains comes from the input or from fixed labels. */
  const withoutLinks = (s: string) => s.replace(/\[`[a-z0-9-]+`\]\(https:\/\/[^\s()]+\.md\)/g, "LIEN");

  it("les valeurs hostiles n'apparaissent qu'échappées", async () => {
    const r = await runText(HOSTILE, A, HOSTILE_NAME);
    const md = markdown(r, ctx());
    expect(md.startsWith("## Audit gouvnum\n")).toBe(true);
    for (const raw of ["<script", "<img", "](javascript", "{{x}}", "\n::error::forged", "&amp;", "\u0001", "\u001b", "</b"]) {
      // "&amp;" from the input must come out as "&amp;amp;"
      if (raw === "&amp;") expect(md).toContain("&amp;amp;");
      else expect(md).not.toContain(raw);
    }
    expect(md).toContain("&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
    expect(md).toContain("\\]\\(javascript:alert\\(1\\)\\)");
    expect(md).toContain("\\{\\{x\\}\\}");
    expect(md).toContain("ligne<br>::error::forged");
    // In the findings table, every bracket, parenthesis, emphasis or code mark left comes escaped.
    const rows = withoutLinks(md.split("### Constats\n\n")[1]);
    expect(rows.replace(/\\[\\`*_{}[\]()#+!|~$"]/g, "")).not.toMatch(/[`*_[\]()\\{}~$]/);
    // Tables keep their shape: the same number of separators on every row.
    const tables = md.split("\n\n").filter((b) => b.startsWith("|"));
    expect(tables.length).toBe(3);
    for (const t of tables) {
      const rows = t.split("\n").filter(Boolean);
      for (const row of rows) expect(pipes(row), row).toBe(pipes(rows[0]));
    }
  });

  it("résumé, tableau par sévérité, par règle, constats liés à leur documentation", async () => {
    const r = await runText(HOSTILE, A);
    const md = markdown(r, ctx());
    expect(md).toContain("### Par sévérité");
    expect(md).toContain("### Par règle");
    expect(md).toContain("| [`uai-invalide`](https://github.com/gouvnum/gouvnum/blob/main/src/rules/uai-invalide/doc.md) | erreur | 1 |");
    expect(md).toMatch(/\| fixture\.yaml:2:6 \| erreur \| \[`uai-invalide`\]\(https:[^)]+\) \| L'UAI « 0350002A »/);
  });

  it(`au plus ${MAX_ROWS} constats, avec le nombre de constats omis`, async () => {
    const r = await runText(unknownKeys(MAX_ROWS + 5), A);
    const counted = r.findings.filter(isCounted).length;
    const md = markdown(r, ctx());
    const findingsTable = md.split("### Constats\n\n")[1].split("\n\n")[0].split("\n");
    expect(findingsTable).toHaveLength(MAX_ROWS + 2);
    expect(md).toContain(`${counted - MAX_ROWS} constats de plus ne sont pas affichés`);
  });

  it("sans constat : une phrase", async () => {
    const md = markdown(await runPaths(["examples/minimal"], A), ctx());
    expect(md).toContain("Aucun constat.");
    expect(md).not.toContain("|");
  });
});
