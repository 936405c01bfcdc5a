// The block path and the reference parser give the same documents, values and positions on every file the block
// path takes: the repository's YAML files, snippets aimed at each construct, a generated
// territory, and random mutations of real documents.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseFile, parseWithReference, locate, joinPointer, reparseAsts, DEFAULT_LIMITS, type LoadedDocument } from "../src/load/document.js";
import { parseBlock, LogDocAst } from "../src/load/block-yaml.js";
import { runAudit } from "../src/audit/engine.js";
import { emptyConfig } from "../src/validate/config.js";
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { decode, makeSource } from "../src/load/source.js";
import { ROOT } from "./helpers.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === "node_modules" ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Every pointer of a value tree (objects and lists), the root included. */
function pointers(v: unknown, base: string[] = []): string[][] {
  const out = [base];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pointers(x, [...base, String(i)])));
  else if (v && typeof v === "object") for (const k of Object.keys(v)) out.push(...pointers((v as Record<string, unknown>)[k], [...base, k]));
  return out;
}

function describeDocs(docs: LoadedDocument[]) {
  return docs.map((d) => {
    const ptrs = pointers(d.value).map((segs) => joinPointer(...segs));
    return {
      index: d.index,
      span: d.span,
      entity: d.entity,
      value: JSON.stringify(d.value, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x)),
      positions: ptrs.map((p) => [p, locate(d, p, "value"), locate(d, p, "key")]),
      missing: [locate(d, "/absente"), locate(d, ptrs[ptrs.length - 1] + "/absente/encore")],
    };
  });
}

const SNIPPETS: Record<string, string> = {
  scalaires: `kind: etablissement\na: 035\nb: 0o17\nc: 0x1F\nd: 1e3\ne: .inf\nf: -.Inf\ng: .nan\nh: ~\ni: null\nj: True\nk: yes\nl: 2024-03-01\nm: 1_000\nn: +12\no: "035"\np: '0350017D'\nq:\nr: -0\ns: 12.50\nt: 99999999999999999999\n`,
  blocs: `kind: academie\nnom: |\n  ligne 1\n  ligne 2\nobjet: >\n  plié\n  ici\nlong: un texte\n  sur deux lignes\nliste:\n  - a\n  - { b: 1, c: [1, 2] }\n  -\n    - x\nvide: []\nobj: {}\n`,
  multi: `# tête\nkind: academie\ncode: "14"\n---\n# gouvnum-ignore schema -- raison\nkind: collectivite\nid: dep-35\n...\n---\n\n---\nkind: convention\nid: c\nparties: [a, b]\n`,
  crlf: "kind: academie\r\ncode: \"14\"\r\nnom: Rennes\r\nliste:\r\n  - a\r\n",
  accents: `kind: etablissement\nnom: "École élémentaire « Les Lucioles » 😀"\ncommune: { code_insee: "35016", nom: Baulon }\n`,
  cles: `kind: x\n"clé entre guillemets": 1\n'__proto__': 2\nconstructor: 3\n`,
  indentation: `kind: etablissement\ndirection:\n    chef:\n        nom: Marie\n        vacant: false\nequipements:\n- categorie: portable\n  nombre: 3\n`,
};


const BLOCK_SNIPPETS: Record<string, string> = {
  compact: "kind: etablissement\nequipements:\n- categorie: portable\n  nombre: 3\n  tags: [a, b]\n- { categorie: tni, nombre: 1 }\n-   categorie: x\n    nombre: 2\nfin: 1\n",
  imbrique: "kind: x\na:\n  b:\n    c:\n      - d: 1\n        e:\n          - 1\n          - 2\n      - [1, [2, 3], {x: y}]\n  f: ~\ng:\n",
  listeSousCleCompacte: "kind: x\nl:\n  - a:\n    - 1\n    - 2\n    b: 3\n  -\n    c: 4\n",
  commentaires: "# tête\n\n  # indenté\nkind: x # fin\na: 1 #c\nb: 'x' # c\nc: \"y\"   # c\nd: [1, 2]  # c\ne: {a: 1} # c\nf: a#b\ng:   # vide\n  - 1 # un\n  # entre\n  - 2\n# pied\n",
  guillemets: "kind: x\n\"a b\": 1\n'c''d': 'e''f'\ng: \"\\u00e9\\t\\\"q\\\\ \\x41 \\U0001F600 \\/ \\N\\_\\L\\P\\0\\e\"\nh: ''\ni: \"\"\nj: { \"k l\": 'm', n: \"o\" }\n\"kind2\" : 'x'\n",
  espaces: "kind: x   \na  : 1\nb:    deux mots   \nc: [ a ,b,  c ]\nd: {a: 1,b: 2}\ne: [ ]\nf: { }\n",
  racineIndentee: "  kind: x\n  a:\n    - 1\n  b: 2\n",
  separateurs: "--- # premier\nkind: a\n---\n\n# rien\n---\nkind: b\n--- \nkind: c\n",
  scalairesPlats: "kind: x\na: http://exemple.fr/a?b=c#d\nb: -12\nc: -.inf\nd: a, b, c\ne: a]b}\nf: -x\ng: x:y\nh: 12:30\ni: .5\nj: +1\nk: 0x1F\nl: 0o17\nm: 1e3\nn: True\no: NULL\np: 2024-03-01\nq: yes\nr: 007\ns: 123456789012345678\nt: ~\nu: Null\nv: FALSE\nw: 1_000\n",
  flux: "kind: x\na: [\"x, y\", 'z]', {b: [1, {c: d}]}, -1, http://h/p]\nb: {u: http://h:80/p, 'v': [], w: {}}\n",
  protos: "kind: x\n__proto__: 1\nconstructor: { __proto__: 2, toString: 3 }\nprototype: [1]\nhasOwnProperty: 4\n",
  grandeTable: "kind: x\n" + Array.from({ length: 40 }, (_, i) => `cle${i}: ${i % 3 === 0 ? `[${i}]` : i % 3 === 1 ? `{ v: ${i} }` : `"${i}"`}`).join("\n") + "\n",
  sansFinDeLigne: "kind: x\na: 1",
  cleIndice: "kind: x\nb: 1\n\"12\": a\nc: { \"3\": d, e: f }\n",
  crlfBlocs: "kind: x\r\n# c\r\n\r\na:\r\n  - b: 1 # c\r\n    c: [1, 2]\r\n  - 'd'\r\n---\r\nkind: y\r\ne:\r\n",
  vide: "",
  commentairesSeuls: "# rien\n\n# toujours rien\n",
};

/** Files outside the block path's subset: it must decline them (the other parsers decide what they are). */
const BLOCK_DECLINES: Record<string, string> = {
  tabulation: "kind: x\na:\t1\n",
  retourChariotDansUneLigne: "kind: x\na: 1\r2\n",
  finDeDocument: "kind: x\n...\n",
  contenuApresSeparateur: "--- kind: x\n",
  ancre: "kind: x\na: &a 1\n",
  alias: "kind: x\na: *a\n",
  etiquette: "kind: x\na: !t 1\n",
  etiquetteJs: "kind: x\na: !!js/function 'f'\n",
  blocLitteral: "kind: x\na: |\n  t\n",
  blocPlie: "kind: x\na: >\n  t\n",
  deuxPoints: "kind: x\na: b: c\n",
  multiLigne: "kind: x\na: b\n  c\n",
  fluxMultiLigne: "kind: x\na: [1,\n  2]\n",
  cleComplexe: "kind: x\n? a\n: 1\n",
  fusion: "kind: x\n<<: {a: 1}\n",
  doublon: "kind: x\na: 1\na: 2\n",
  doublonFlux: "kind: x\na: {b: 1, b: 2}\n",
  cleNombre: "kind: x\n1: a\n",
  cleBooleen: "kind: x\ntrue: a\n",
  cleNulle: "kind: x\n~: a\n",
  entreeVide: "kind: x\nl:\n  -\n  - a\n",
  listeDeListes: "kind: x\nl:\n  - - a\n",
  paireDansListe: "kind: x\nl: [a: 1]\n",
  cleSeuleFlux: "kind: x\nm: { a }\n",
  valeurVideFlux: "kind: x\nm: { a: }\n",
  virguleFinale: "kind: x\nl: [a, ]\n",
  racineTexte: "juste du texte\n",
  racineListe: "- a\n- b\n",
  mauvaiseIndentation: "kind: x\na:\n    b: 1\n  c: 2\n",
  surIndentation: "kind: x\n  a: 1\n",
  echappementInconnu: "kind: x\na: \"\\q\"\n",
  guillemetOuvert: "kind: x\na: \"abc\n",
  apresGuillemets: "kind: x\na: \"x\" y\n",
  directive: "%YAML 1.2\n---\nkind: x\n",
  arobase: "kind: x\na: @x\n",
  cleTropLongue: `kind: x\n${"k".repeat(1025)}: 1\n`,
  commentaireFlux: "kind: x\na: [1, # c\n  2]\n",
  scalaireSeulSousCle: "kind: x\na:\n  texte\n",
  nbsp: "kind: x\na: \u0085\n",
  bom: "kind: x\na: \ufeff1\n",
};

/**
 * Compares the block path with the reference parser, positions read again when needed and positions from the log
 * written on the first read; returns whether the block path took the file.
 */
function compare(name: string, text: string): boolean {
  const parsed = parseFile(makeSource(name, text), DEFAULT_LIMITS);
  if (parsed.parser === "reference") return false;
  const ref = parseWithReference(makeSource(name, text), DEFAULT_LIMITS);
  expect(ref.problems, "le chemin par blocs accepte un fichier que l'analyseur de référence refuse").toEqual([]);
  const expected = describeDocs(ref.documents);
  expect(describeDocs(parsed.documents), "positions relues").toEqual(expected);
  expect(describeDocs(parseFile(makeSource(name, text), DEFAULT_LIMITS, true, true).documents), "positions du journal").toEqual(expected);
  const withoutValues = reparseAsts(text, "block", DEFAULT_LIMITS.maxDepth);
  expect(describeDocs(parsed.documents.map((d, i) => ({ ...d, ast: withoutValues[i] }))), "positions relues sans les valeurs").toEqual(expected);
  return true;
}

describe("chemin par blocs ≡ analyseur de référence", () => {
  const files = [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test/fixtures")), ...yamlFiles(join(ROOT, "src/rules"))];
  const cases: Array<[string, string]> = [
    ...Object.entries(SNIPPETS),
    ...Object.entries(BLOCK_SNIPPETS),
    ...files.flatMap((f): Array<[string, string]> => {
      const d = decode(readFileSync(f));
      return d.ok ? [[f.slice(ROOT.length + 1), d.text]] : [];
    }),
  ];
  let count = 0;
  for (const [name, text] of cases) {
    it(name, () => {
      if (compare(name, text)) count++;
      // Reading again for positions takes the same files and finds the same documents.
      const withPositions = parseBlock(text, DEFAULT_LIMITS.maxDepth, { values: false, log: true });
      expect(withPositions?.map((d) => d.contentStart)).toEqual(parseBlock(text, DEFAULT_LIMITS.maxDepth)?.map((d) => d.contentStart));
    });
  }
  for (const name of Object.keys(BLOCK_SNIPPETS)) {
    it(`le chemin par blocs prend « ${name} »`, () => {
      expect(parseBlock(BLOCK_SNIPPETS[name], DEFAULT_LIMITS.maxDepth)).toBeDefined();
    });
  }
  for (const [name, text] of Object.entries(BLOCK_DECLINES)) {
    it(`le chemin par blocs laisse « ${name} » aux autres analyseurs`, () => {
      expect(parseBlock(text, DEFAULT_LIMITS.maxDepth)).toBeUndefined();
      expect(parseBlock(text, DEFAULT_LIMITS.maxDepth, { values: false, log: true })).toBeUndefined();
    });
  }
  it("le chemin par blocs prend la grande majorité des fichiers", () => {
    expect(count).toBeGreaterThan(cases.length * 0.7);
  });
  it("journal des positions : écrit avec les valeurs, sauf quand l'ordre des clés JS diffère de celui du fichier", () => {
    expect(parseBlock(BLOCK_SNIPPETS.compact, DEFAULT_LIMITS.maxDepth, { log: true })![0].log).toBeInstanceOf(Int32Array);
    expect(parseBlock(BLOCK_SNIPPETS.compact, DEFAULT_LIMITS.maxDepth)![0].log).toBeUndefined();
    // "12" comes before "b" in a JS object: such a document is located by reading the file again.
    expect(parseBlock(BLOCK_SNIPPETS.cleIndice, DEFAULT_LIMITS.maxDepth, { log: true })![0].log).toBeUndefined();
  });
  it("la profondeur limite est respectée : au-delà, le fichier va à l'analyseur de référence", () => {
    let text = "kind: x\n";
    for (let i = 0; i < 12; i++) text += `${"  ".repeat(i)}n${i}:\n`;
    text += `${"  ".repeat(12)}fin: 1\n`;
    expect(parseBlock(text, 20)).toBeDefined();
    expect(parseBlock(text, 10)).toBeUndefined();
  });
});

interface FuzzModule {
  loadSeeds(root?: string): Array<{ path: string; text: string }>;
  mutate(text: string, mutations: unknown[]): string;
  caseArbitrary(seeds: unknown[]): fc.Arbitrary<{ seed: number; mutations: unknown[] }>;
}

describe("mutations aléatoires : ce que le chemin par blocs accepte, il le lit comme la référence", () => {
  it("600 documents réels mutés (graine fixe)", async () => {
    const fuzz = (await import(pathToFileURL(join(ROOT, "bench/fuzz.mjs")).href)) as FuzzModule;
    const seeds = fuzz.loadSeeds(ROOT);
    let accepted = 0;
    fc.assert(
      fc.property(fuzz.caseArbitrary(seeds), ({ seed, mutations }) => {
        const text = fuzz.mutate(seeds[seed].text, mutations);
        if (compare("fuzz.yaml", text)) accepted++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 600), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    // The property says something only if mutated files do reach the block path.
    expect(accepted).toBeGreaterThan(100);
  }, 120_000);
});

describe("territoire d'exemple et territoire généré : mêmes constats, positions comprises, avec et sans le chemin par blocs", () => {
  it("examples/academie-exemple : audit identique au constat près (journal des positions compris)", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    const run = (quickParser: boolean) => runAudit([dir], { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir), quickParser });
    const quick = await run(true);
    const reference = await run(false);
    expect(quick.findings.length).toBeGreaterThan(20);
    // The comparison is worth something only if the audit did locate through the position logs.
    expect(quick.documents.filter((d) => d.ast instanceof LogDocAst).length).toBeGreaterThan(quick.documents.length * 0.8);
    expect(quick.findings).toEqual(reference.findings);
  });

  it("corpus académique (graine 3) : audit identique au constat près", async () => {
    const corpus = (await import(pathToFileURL(join(ROOT, "bench/corpus.mjs")).href)) as { generate(o: { scale: string; seed: number; out: string }): unknown };
    const out = join(mkdtempSync(join(tmpdir(), "gouvnum-eq-")), "corpus");
    corpus.generate({ scale: "academie", seed: 3, out });
    const run = (quickParser: boolean) => runAudit([out], { today: "2026-09-01", date: "2026-09-01", cwd: out, config: emptyConfig(out), quickParser });
    const quick = await run(true);
    const reference = await run(false);
    expect(quick.summary.documents).toBeGreaterThan(4_000);
    expect(quick.findings.length).toBeGreaterThan(1_000);
    expect(quick.findings).toEqual(reference.findings);
  }, 180_000);
});

/** Random documents written with the constructs of the subset, in varied styles (spacing, comments, quotes, flows). */
describe("documents générés : le chemin par blocs lit comme la référence", () => {
  const word = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom("nom", "Rennes", "École Jean Macé", "ac-rennes.fr", "2024", "12.5") },
    fc.constantFrom("a", "nom", "kind", "x y", "é", "1", "035", "-2", "1e3", ".5", "true", "No", "null", "~", "a:b", "a#b", "http://h/p", "[x", "x]", "x,y", "'q'", "\"d\"", "__proto__", "-x", "a - b", ""),
    fc.string({ unit: fc.constantFrom("a", "b", " ", ":", "#", ",", "'", "\"", "\\", "-", "[", "{", "}", "é", "0", "!", "&", "*", "?", "|", ">"), maxLength: 6 }),
  );
  const scalar = fc.tuple(word, fc.constantFrom("plain", "single", "double")).map(([w, q]) =>
    q === "plain" ? w : q === "single" ? `'${w.replace(/'/g, "''")}'` : JSON.stringify(w),
  );
  /** Keys: distinct in a mapping (a duplicate is declined), in every quoting style. */
  const keys = (n: number) => fc.array(fc.tuple(fc.constantFrom("cle", "nom complet", "é", "a-b", "x_1", "__proto__", "kind", "1a", "a:b"), fc.constantFrom("plain", "single", "double")), { minLength: n, maxLength: n })
    .map((ks) => ks.map(([k, q], i) => (q === "plain" ? `${k}${i}` : q === "single" ? `'${k}${i}'` : `"${k}${i}"`)));
  type Tree = string | { map: Array<[string, Tree]> } | { seq: Tree[] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(tie("t"), { minLength: 1, maxLength: 4 }).chain((vals) => keys(vals.length).map((ks) => ({ map: vals.map((v, i) => [ks[i], v] as [string, Tree]) }))),
      fc.record({ seq: fc.array(tie("t"), { minLength: 1, maxLength: 3 }) }),
    ),
  })).t;
  const style = fc.record({ indent: fc.constantFrom(1, 2, 4), flow: fc.boolean(), comment: fc.boolean(), pad: fc.constantFrom("", " ", "  "), compact: fc.boolean() });

  function flow(t: Tree, s: { pad: string }): string {
    if (typeof t === "string") return t;
    if ("map" in t) return `{${s.pad}${t.map.map(([k, v]) => `${k}: ${flow(v, s)}`).join(`,${s.pad || " "}`)}${s.pad}}`;
    return `[${s.pad}${t.seq.map((v) => flow(v, s)).join(`,${s.pad}`)}${s.pad}]`;
  }
  function block(t: Tree, ind: number, s: { indent: number; flow: boolean; comment: boolean; pad: string; compact: boolean }): string[] {
    const sp = " ".repeat(ind);
    const c = s.comment ? "  # c" : "";
    if (typeof t === "string") return [`${sp}${t}${c}`];
    if ("map" in t) {
      return t.map.flatMap(([k, v]) => {
        if (typeof v === "string" || s.flow) return [`${sp}${k}${s.pad}: ${typeof v === "string" ? v : flow(v, s)}${c}`];
        const inner = "seq" in v && s.compact ? ind : ind + s.indent;
        return [`${sp}${k}:${c}`, ...(s.comment ? [`${" ".repeat(inner)}# entre`] : []), ...block(v, inner, s)];
      });
    }
    return t.seq.flatMap((v) => {
      if (typeof v === "string" || s.flow) return [`${sp}- ${typeof v === "string" ? v : flow(v, s)}${c}`];
      if ("map" in v && s.compact) {
        const lines = block(v, ind + 2, s);
        return [`${sp}- ${lines[0].slice(ind + 2)}`, ...lines.slice(1)];
      }
      return [`${sp}-${c}`, ...block(v, ind + s.indent, s)];
    });
  }

  it("3 000 documents (graine fixe)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(tree.filter((t) => typeof t !== "string" && "map" in t), style), { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs.map(([root, s]) => block(root, 0, s).join("\n")).join("\n---\n") + "\n";
        if (compare("genere.yaml", text)) accepted++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 11) },
    );
    expect(accepted).toBeGreaterThan(300);
  }, 120_000);
});
