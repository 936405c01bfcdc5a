// Honest examples: no page, example, template or test gives a real UAI to an invented établissement.
// Every UAI written in the project is looked up in the annuaire extract of Ille-et-Vilaine (open data, Licence
// Ouverte, copied in test/fixtures/annuaire/). A UAI the annuaire knows may appear only where the text names that
// établissement as the annuaire does (same name, same type, same statut); an invented établissement takes an
// invented UAI (one the annuaire does not know, with a valid check letter).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { isUaiValid } from "../src/core/domain.js";
import { ROOT } from "./helpers.js";

interface AnnuaireRow {
  nom: string;
  type: string;
  statut: string;
}

const ANNUAIRE = "test/fixtures/annuaire/fr-en-annuaire-education-035.csv";

/** Every row of the extract by UAI: 996 rows, 993 UAIs (a lycée and its annexe may share one under two names). */
function readAnnuaire(): Map<string, AnnuaireRow[]> {
  const text = readFileSync(join(ROOT, ANNUAIRE), "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = text.split(/\r?\n/).filter(Boolean);
  const cols = header.split(";");
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`colonne ${name} absente de ${ANNUAIRE}`);
    return i;
  };
  const [iUai, iNom, iType, iStatut] = [at("Identifiant_de_l_etablissement"), at("Nom_etablissement"), at("Type_etablissement"), at("Statut_public_prive")];
  const out = new Map<string, AnnuaireRow[]>();
  for (const l of lines) {
    const c = l.split(";");
    out.set(c[iUai], [...(out.get(c[iUai]) ?? []), { nom: c[iNom], type: c[iType], statut: c[iStatut] }]);
  }
  return out;
}

/** Words that say what kind of place it is rather than which one: left out when names are compared. */
const GENERIC = new Set(
  "ecole college lycee professionnel polyvalent general technologique elementaire maternelle primaire publique public privee prive de du des la le les l d et a en"
    .split(" "),
);

/** The words that name the place: « École maternelle Camille Claudel » and « Ecole maternelle publique Camille Claudel » agree. */
function nameWords(nom: string): string {
  return nom
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w && !GENERIC.has(w))
    .join(" ");
}

/** The annuaire's Type_etablissement a gouvnum `type` belongs to. */
const TYPE_ANNUAIRE: Record<string, string> = {
  ecole: "Ecole",
  college: "Collège",
  lycee: "Lycée",
  lycee_professionnel: "Lycée",
  erea: "EREA",
};

const UAI = /\b\d{7}[A-Z]\b/g;

/** A UAI written beside an établissement's name in prose: « Collège Saint-Joseph (0350017D) », « 0350017D (Collège Saint-Joseph) », « 0350017D — Lycée X » */
const TYPE = "(?:[ÉE]cole|Coll[èe]ge|Lyc[ée]e|EREA)";
const NEAR = new RegExp(
  `${TYPE}[^«»()\\n,;:|]{1,60}?»?\\s*\\(\\s*\`?(\\d{7}[A-Z])\`?\\s*\\)|\`?(\\d{7}[A-Z])\`?\\s*(?:\\(|—|–|:)\\s*«?\\s*${TYPE}[^»()\\n,;|]{1,60}`,
  "g",
);

/** Where UAIs are written for people to read or copy: docs, examples, templates, rule pages, README, test data. */
function projectFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir))) {
      const p = join(dir, e);
      if (e === "node_modules" || e === "dist" || e.startsWith(".")) continue;
      if (p === "test/fixtures/annuaire") continue; // the open data itself (and import fixtures derived from it)
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else if (/\.(md|ya?ml|hbs|ts|json|html)$/.test(e)) out.push(p);
    }
  };
  for (const d of ["docs", "examples", "templates", "src", "schemas", "test"]) walk(d);
  out.push("README.md");
  return out.sort();
}

interface Named {
  uai: string;
  nom?: string;
  type?: string;
  statut?: string;
  line: number;
}

/** The établissements (and circonscriptions) a YAML text describes: each mapping with a `uai` key. */
function namedInYaml(text: string, lineOffset = 0): Named[] {
  const out: Named[] = [];
  const lineOf = (offset: number) => lineOffset + text.slice(0, offset).split("\n").length;
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return out;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const visit = (node: unknown) => {
      if (!node || typeof node !== "object") return;
      const n = node as { items?: unknown[]; get?: (k: string, keep?: boolean) => unknown; range?: [number, number] };
      if (n.items && typeof n.get === "function" && "items" in n) {
        const uai = n.get("uai");
        if (typeof uai === "string" && /^\d{7}[A-Z]$/.test(uai)) {
          const str = (k: string) => (typeof n.get!(k) === "string" ? (n.get!(k) as string) : undefined);
          out.push({ uai, nom: str("nom"), type: str("type"), statut: str("statut"), line: lineOf(n.range?.[0] ?? 0) });
        }
      }
      for (const item of n.items ?? []) {
        const pair = item as { key?: unknown; value?: unknown };
        if (pair && typeof pair === "object" && "value" in pair) visit(pair.value);
        else visit(item);
      }
    };
    visit(doc.contents);
  }
  return out;
}

/** What is wrong with naming `n` (a UAI the annuaire knows under the rows `rows`), or undefined when it is honest. */
function dishonesty(n: Named, rows: AnnuaireRow[]): string | undefined {
  const reasons = rows.map((a) => dishonestyRow(n, a));
  return reasons.includes(undefined) ? undefined : reasons[0];
}

function dishonestyRow(n: Named, a: AnnuaireRow): string | undefined {
  if (n.nom !== undefined && nameWords(n.nom) !== nameWords(a.nom)) return `nommé « ${n.nom} », l'annuaire dit « ${a.nom} » (${a.type})`;
  // a misspelt type (a schema fixture) says nothing about the établissement: only the types of the format count
  if (n.type !== undefined && n.type in TYPE_ANNUAIRE && TYPE_ANNUAIRE[n.type] !== a.type) return `de type ${n.type}, l'annuaire dit « ${a.type} » (${a.nom})`;
  const statut = a.statut === "Privé" ? "prive" : "public";
  if (n.type !== undefined && n.type in TYPE_ANNUAIRE && (n.statut ?? "public") !== statut) return `statut ${n.statut ?? "public"}, l'annuaire dit « ${a.statut} » (${a.nom})`;
  return undefined;
}

describe("exemples honnêtes : aucun UAI réel donné à un établissement inventé", () => {
  const annuaire = readAnnuaire();
  const files = projectFiles();

  it("l'extrait de l'annuaire est lu (996 lignes d'Ille-et-Vilaine)", () => {
    expect([...annuaire.values()].flat()).toHaveLength(996);
    expect(annuaire.get("0350017D")).toEqual([{ nom: "Collège du Querpon", type: "Collège", statut: "Public" }]);
    expect(nameWords("École maternelle Camille Claudel")).toBe(nameWords("Ecole maternelle publique Camille Claudel"));
    expect(nameWords("Lycée Victor et Hélène Basch")).not.toBe(nameWords("Ecole primaire publique les Lucioles"));
    expect([..."le Collège Saint-Joseph (`0350017D`) et 0350002M — Lycée Bréquigny".matchAll(NEAR)].map((m) => m[1] ?? m[2])).toEqual(["0350017D", "0350002M"]);
  });

  it("chaque établissement décrit en YAML (fichiers, blocs ```yaml des pages, textes des tests) porte le nom et le type que l'annuaire donne à son UAI", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), "utf8");
      if (!UAI.test(text)) continue;
      UAI.lastIndex = 0;
      const blocks: { text: string; offset: number }[] = [];
      if (/\.ya?ml$/.test(file)) blocks.push({ text, offset: 0 });
      else if (file.endsWith(".md") || file.endsWith(".hbs")) {
        for (const m of text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) blocks.push({ text: m[1], offset: text.slice(0, m.index).split("\n").length });
      } else if (file.endsWith(".ts")) {
        // YAML written inside the tests' template strings
        for (const m of text.matchAll(/`([^`]*\buai:[^`]*)`/g)) blocks.push({ text: m[1].replace(/\$\{[^}]*\}/g, "x"), offset: text.slice(0, m.index).split("\n").length - 1 });
      }
      for (const b of blocks) {
        for (const n of namedInYaml(b.text, b.offset)) {
          const a = annuaire.get(n.uai);
          const why = a && dishonesty(n, a);
          if (why) wrong.push(`${file}:${n.line} ${n.uai} ${why}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("un UAI réel écrit dans le texte d'une page à côté d'un nom d'établissement porte le nom que l'annuaire lui donne", () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".md") || f.endsWith(".hbs"))) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(NEAR)) {
        const uai = m[1] ?? m[2];
        const rows = annuaire.get(uai);
        if (rows && !rows.some((a) => nameWords(m[0]).includes(nameWords(a.nom))))
          wrong.push(`${file}:${text.slice(0, m.index).split("\n").length} « ${m[0]} » : l'annuaire dit « ${rows[0].nom} »`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("les UAI inventés des exemples ont une lettre de contrôle valide (sauf là où une règle l'attend invalide)", () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => f.startsWith("examples/") && /\.ya?ml$/.test(f))) {
      for (const n of namedInYaml(readFileSync(join(ROOT, file), "utf8"))) if (!isUaiValid(n.uai)) wrong.push(`${file}:${n.line} ${n.uai}`);
    }
    expect(wrong).toEqual([]);
  });
});
