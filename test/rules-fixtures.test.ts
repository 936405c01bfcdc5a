// Every rule's fixtures (src/rules/<id>/fixtures/): the findings of the rule under test sit exactly on the lines
// marked `# attendu: <id>/<messageId>`, each with the message its marker names; and every message of every rule is
// exercised by at least one such marker (the few that are not yet are listed below, each with its reason).
import { describe, expect, it } from "vitest";
import { readdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, markers, runText } from "./helpers.js";
import { rules } from "../src/rules/index.js";

const base = join(ROOT, "src/rules");
const ids = readdirSync(base).filter((id) => existsSync(join(base, id, "fixtures"))).sort();
const fixtures = ids.flatMap((id) =>
  readdirSync(join(base, id, "fixtures"))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ id, f, path: join(base, id, "fixtures", f) })),
);
// Markers are ASCII; the engine gets the file's bytes (an encoding fixture must stay what it is), the markers are
// read in UTF-16 when the file starts with its byte order mark.
const text = (path: string) => {
  const b = readFileSync(path);
  const utf16 = b[0] === 0xff && b[1] === 0xfe ? "utf-16le" : b[0] === 0xfe && b[1] === 0xff ? "utf-16be" : undefined;
  return new TextDecoder(utf16 ?? "utf-8").decode(b);
};

describe("fixtures des règles", () => {
  for (const { id, f, path } of fixtures) {
    it(`${id} / ${f}`, async () => {
      const bytes = readFileSync(path);
      const source = text(path);
      const rule = rules.find((r) => r.id === id);
      expect(rule, `règle ${id}`).toBeDefined();
      const marked = markers(source);
      for (const m of marked) expect(m.messageId, `ligne ${m.line} : « # attendu: ${m.ruleId}/<message> » — le repère nomme le message`).toBeDefined();
      for (const m of marked) expect(rule!.messages?.[m.messageId!], `ligne ${m.line} : ${m.ruleId} n'a pas de message « ${m.messageId} »`).toBeDefined();
      const result = await runText(bytes, {}, `${id}/${f}`);
      const got = result.findings.filter((x) => x.ruleId === id).map((x) => `${x.line}:${x.ruleId}/${x.messageId}`).sort();
      const want = marked.filter((m) => m.ruleId === id).map((m) => `${m.line}:${m.ruleId}/${m.messageId}`).sort();
      if (f.startsWith("valide")) expect(want).toEqual([]);
      if (f.startsWith("invalide")) expect(want.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
      // Every finding of every rule carries a filled message and a position inside the file.
      const lines = source.split("\n").length;
      for (const x of result.findings) {
        expect(x.message).not.toMatch(/\{[a-zA-Z_]+\}/);
        expect(x.line).toBeGreaterThanOrEqual(1);
        expect(x.line).toBeLessThanOrEqual(lines);
      }
    });
  }
});

/**
 * Message ids no fixture exercises yet, and why. The test below fails when one of them gets a marker (remove it
 * from here) as when any other message has none.
 */
const NOT_YET: Record<string, string> = {
  // Pieces of text that maintenance-niveau-flou puts inside its messages (the reason, the source of a level, the
  // list of a conflict's parties): they are never reported alone, so no marker can name them.
  ...Object.fromEntries(
    ["raison.indefini", "raison.indefinis", "raison.a_definir", "raison.conflit", "conflit.partie", "source.etablissement", "source.convention", "source.collectivite", "source.academie", "liste"].map((m) => [
      `maintenance-niveau-flou/${m}`,
      "fragment",
    ]),
  ),
  // Schema messages no territory document can produce: `kind` selects the schema, so its `const` never fails (the
  // other `const`s are conditions); `maxItems` is used only by the configuration's schema (its errors stop the run,
  // they are not findings); `autre` is the fallback for a keyword without a text of its own.
  "schema/const": "inatteignable",
  "schema/maxItems": "configuration",
  "schema/autre": "repli",
  // The YAML parser's own errors, limits and unreadable files: one fixture each is still to write
  // (indentation.pasAssez, .entre and .double are exercised by test/fixtures/indentation/, test/indentation.test.ts).
  ...Object.fromEntries(
    [
      "yaml.TAB_AS_INDENT", "yaml.MISSING_CHAR", "yaml.UNEXPECTED_TOKEN", "yaml.BAD_ALIAS", "yaml.BAD_DQ_ESCAPE", "yaml.BAD_SCALAR_START",
      "yaml.BLOCK_AS_IMPLICIT_KEY", "yaml.MULTILINE_IMPLICIT_KEY", "yaml.KEY_OVER_1024_CHARS", "yaml.MULTIPLE_ANCHORS", "yaml.MULTIPLE_TAGS",
      "yaml.BAD_DIRECTIVE", "yaml.BLOCK_IN_FLOW", "yaml.IMPOSSIBLE", "yaml.ALIAS_PROPS", "yaml.BAD_COLLECTION_TYPE", "yaml.NON_STRING_KEY",
      "yaml.MULTIPLE_DOCS", "yaml.BAD_INDENT_TAB", "autre", "tropDeValeurs", "tropProfond", "tropDeDocuments", "tropGros", "illisible",
      "indentation.tropPremiere", "indentation.pasAssez", "indentation.entre", "indentation.double",
    ].map((m) => [`yaml-syntaxe/${m}`, "lecture"]),
  ),
};

describe("chaque message de chaque règle", () => {
  it("est exercé par au moins un repère « # attendu: <règle>/<message> » des fixtures de sa règle", () => {
    const exercised = new Set<string>();
    for (const { id, path } of fixtures) for (const m of markers(text(path))) if (m.ruleId === id) exercised.add(`${m.ruleId}/${m.messageId}`);
    const missing: string[] = [];
    const stale: string[] = [];
    for (const r of rules) {
      for (const m of Object.keys(r.messages ?? {})) {
        const key = `${r.id}/${m}`;
        if (exercised.has(key) && NOT_YET[key]) stale.push(key);
        if (!exercised.has(key) && !NOT_YET[key]) missing.push(key);
      }
    }
    expect(missing, "messages sans repère dans les fixtures").toEqual([]);
    expect(stale, "exercés désormais : retirez-les de NOT_YET").toEqual([]);
  });
});
