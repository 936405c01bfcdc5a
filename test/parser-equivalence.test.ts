// The fast parser and the reference parser give the same documents, values and positions on every file they both take.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseFile, parseWithReference, locate, joinPointer, DEFAULT_LIMITS, type LoadedDocument } from "../src/load/document.js";
import { parseFast } from "../src/load/fast-ast.js";
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

describe("analyseur rapide ≡ analyseur de référence", () => {
  const files = [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test/fixtures"))];
  const cases: Array<[string, string]> = [
    ...Object.entries(SNIPPETS),
    ...files.flatMap((f): Array<[string, string]> => {
      const d = decode(readFileSync(f));
      return d.ok ? [[f.slice(ROOT.length + 1), d.text]] : [];
    }),
  ];
  let fastCount = 0;
  for (const [name, text] of cases) {
    it(name, () => {
      const src = makeSource(name, text);
      const ref = parseWithReference(src, DEFAULT_LIMITS);
      const parsed = parseFile(src, DEFAULT_LIMITS);
      if (parsed.parser === "reference") {
        expect(parseFast(text, DEFAULT_LIMITS.maxDepth)).toBeUndefined();
        return;
      }
      fastCount++;
      expect(ref.problems).toEqual([]);
      expect(describeDocs(parsed.documents)).toEqual(describeDocs(ref.documents));
    });
  }
  it("le chemin rapide prend la grande majorité des fichiers", () => {
    expect(fastCount).toBeGreaterThan(cases.length * 0.7);
  });
});
