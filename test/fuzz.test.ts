// Fuzzing: mutated valid territory documents never make the engine throw, findings stay inside the file,
// messages are their filled templates, and two runs agree. The generators and the properties live in
// bench/fuzz.mjs, shared with the long run (`npm run fuzz`, 10,000 cases on dist/); here they run on the
// sources, about 200 cases with a fixed seed (FUZZ_SEED and FUZZ_RUNS override it).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runAudit } from "../src/audit/engine.js";
import { emptyConfig } from "../src/validate/config.js";
import { format as formatJson } from "../src/report/formatters/json.js";
import { format as text } from "../src/report/formatters/text.js";
import { format as sarif } from "../src/report/formatters/sarif.js";
import { format as junit } from "../src/report/formatters/junit.js";
import { format as github } from "../src/report/formatters/github.js";
import { format as markdown } from "../src/report/formatters/markdown.js";
import { XMLValidator } from "fast-xml-parser";
import { catalogue } from "../src/messages/index.js";
import { formatMessage } from "../src/core/format-message.js";
import { ROOT } from "./helpers.js";

interface Seed {
  path: string;
  text: string;
}
interface Mutation {
  t: string;
  [k: string]: unknown;
}
interface FuzzModule {
  loadSeeds(root?: string): Seed[];
  mutate(text: string, mutations: Mutation[]): string;
  check(engine: Engine, path: string, text: string): Promise<string[]>;
  property(engine: Engine, seeds: Seed[], filter?: (problem: string, text: string) => boolean): fc.IAsyncProperty<[unknown]>;
  SIGNIFICANT: string[];
  VALUES: string[];
}
type Engine = {
  runAudit: typeof runAudit;
  emptyConfig: typeof emptyConfig;
  formatJson: typeof formatJson;
  catalogue: typeof catalogue;
  formatMessage: typeof formatMessage;
  formats: Record<string, typeof formatJson>;
  xmlValid: (xml: string) => unknown;
};

// A computed specifier: bench/fuzz.mjs is plain JavaScript outside the typed sources.
const fuzz = (await import(pathToFileURL(join(ROOT, "bench/fuzz.mjs")).href)) as FuzzModule;
const engine: Engine = {
  runAudit,
  emptyConfig,
  formatJson,
  catalogue,
  formatMessage,
  formats: { text, sarif, junit, github, markdown },
  xmlValid: (xml) => XMLValidator.validate(xml),
};

/**
 * Violations of bugs already reported (each with its `it.fails` counter-example below): the main property skips
 * them so that it keeps catching new ones. Empty now that the counter-examples below pass; add an entry while
 * a newly found bug is being fixed, remove it with the fix.
 */
const KNOWN_BUGS: Array<[string, RegExp]> = [];
const notKnown = (problem: string) => !KNOWN_BUGS.some(([, re]) => re.test(problem));
const seeds = fuzz.loadSeeds(ROOT);

const SEED = Number(process.env.FUZZ_SEED ?? 20260901);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe("fuzzing du moteur (fast-check)", () => {
  it("les documents de départ sont valides et respectent déjà les propriétés", async () => {
    expect(seeds.length).toBeGreaterThan(50);
    for (const s of seeds) expect(await fuzz.check(engine, s.path, s.text), s.path).toEqual([]);
  }, 20_000);

  it("les mutations produisent bien des textes différents, y compris des YAML invalides", () => {
    const s = seeds[0].text;
    expect(fuzz.mutate(s, [{ t: "tronquer", at: 10 }])).toBe(s.slice(0, 10));
    expect(fuzz.mutate(s, [{ t: "inserer", at: 0, s: "[" }])).toBe("[" + s);
    expect(fuzz.mutate("kind: academie\ncode: \"14\"\n", [{ t: "changerType", ligne: 1, v: "[a, 1]" }])).toBe("kind: academie\ncode: [a, 1]\n");
    expect(fuzz.mutate("kind: academie\ncode: \"14\"\n", [{ t: "dupliquerCle", ligne: 1 }])).toBe("kind: academie\ncode: \"14\"\ncode: \"14\"\n");
    expect(fuzz.mutate("a: 1\nb: 2\n", [{ t: "indenter", ligne: 1, d: "tab" }])).toBe("a: 1\n\tb: 2\n");
    expect(fuzz.mutate("a: 1\nb: 2\n", [{ t: "echangerLignes", a: 0, b: 1 }])).toBe("b: 2\na: 1\n");
    expect(fuzz.mutate("a: 1\nb:\n  c: 2\n  d: 3\n", [{ t: "melangerCles", a: 2, b: 1 }])).toBe("a: 1\nb:\n  d: 3\n  c: 2\n");
  });

  it(`${RUNS} documents mutés : aucune exception, positions dans le fichier, messages remplis, résultat déterministe, formats rendus (graine ${SEED})`, async () => {
    await fc.assert(fuzz.property(engine, seeds, notKnown), { numRuns: RUNS, seed: SEED });
  }, 60_000);
});

// Counter-examples found by the fuzzer (bench/fuzz.mjs and this file), minimised by hand: each was a precise,
// replayable bug report and stays as a regression test.
describe("contre-exemples trouvés par le fuzzing", () => {
  // Regression (found by the fuzzer, fixed before commit): encodage findings give the column in bytes (source.ts
  // firstBadByte and the NUL scan count bytes), every other finding in UTF-16 code units (SARIF says columnKind
  // utf16CodeUnits). With accented letters before the bad byte the column points past it, here past the end of the line
  // (column 16 on an 11-character line). Expected: the column of the bad character in UTF-16 units (12 here).
  it("octet nul après des lettres accentuées : colonne en caractères, dans la ligne", async () => {
    const problems = await fuzz.check(engine, "accents.yaml", "nom: ééééé\u0000\n");
    expect(problems).toEqual([]);
  });

  it("octet invalide (Windows-1252) après des lettres accentuées UTF-8 : colonne en caractères (ou début de ligne), jamais en octets", async () => {
    const bytes = Buffer.concat([Buffer.from('kind: academie\ncode: "14"\nnom: Académie de Rennes – '), Buffer.from([0x96]), Buffer.from("\n")]);
    const r = await runAudit([{ name: "melange.yaml", text: bytes }], { mode: "validate", today: "2026-09-01", cwd: ROOT, config: emptyConfig(ROOT) });
    // « nom: Académie de Rennes – » is 26 characters (29 bytes): the bad byte is character 27 (byte 30).
    expect(r.findings[0]).toMatchObject({ ruleId: "encodage", line: 3 });
    expect([1, 27]).toContain(r.findings[0].column);
  });

  // Regression (found by the fuzzer, fixed before commit): a key that is a collection (`{ nom: X }: 1`, `? [a, b]`)
  // makes the yaml package call process.emitWarning: « (node) Warning: Keys with collection values will be stringified
  // due to JS Object restrictions … Set mapAsMap: true … (Use `node --trace-warnings …`) » on the user's stderr, in
  // English. See test/hostile.test.ts for the expected finding.
  it("clé qui est une table : aucun avertissement de Node.js", async () => {
    const problems = await fuzz.check(engine, "cle-table.yaml", 'kind: academie\ncode: "14"\nnom: A\n{ nom: X }: 1\n');
    expect(problems.filter((p) => p.startsWith("avertissement"))).toEqual([]);
  });

  // Regression (found by the fuzzer, fixed before commit): a `kind` that is not a string is turned into text with
  // String(): `kind: { a: 1 }` gives « « kind: [object Object] » est inconnu », `kind: [etablissement]` gives « « kind:
  // etablissement » est inconnu (vouliez-vous dire « etablissement » ?) ». Expected: a message saying kind must be text
  // and what was found (« une liste », « un ensemble de clés »), as the schema messages do.
  it("kind d'un autre type (table, liste) : le message décrit le type trouvé", async () => {
    const table = await fuzz.check(engine, "kind-table.yaml", "kind: { a: 1 }\n");
    expect(table).toEqual([]);
    const r = await runAudit([{ name: "kind-liste.yaml", text: "kind: [etablissement]\n" }], { mode: "validate", today: "2026-09-01", cwd: ROOT, config: emptyConfig(ROOT) });
    expect(r.findings[0].message).not.toContain("vouliez-vous dire « etablissement »");
  });
});
