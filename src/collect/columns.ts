// Collect: the topic sheets of a collection workbook — rows, columns, allowed values (from the schemas) and the
// conversions between a YAML value and the text a cell shows.
import type { PathStep } from "../import/merge.js";
import { readSchema } from "../validate/ajv.js";
import { catalogue } from "../messages/index.js";

/** A text of the collection catalogue. */
export function txt(id: string): string {
  return catalogue.cli[`collecte.${id}`] ?? id;
}

export type ValueType =
  | { t: "text" }
  | { t: "bool" }
  | { t: "date" }
  | { t: "int"; min: number; max: number }
  | { t: "enum"; values: ReadonlyArray<readonly [string, string]> };

/** An editable column: where its value lives in the row's document. */
export interface Column {
  key: string;
  header: string;
  path: readonly PathStep[];
  type: ValueType;
  /** Column width in characters. */
  width: number;
  /** What it means, for the « Mode d'emploi » sheet. */
  help: string;
}

export type Topic = "roles" | "instances" | "maintenance" | "equipements" | "conventions";
export const TOPICS: readonly Topic[] = ["roles", "instances", "maintenance", "equipements", "conventions"];

/** The locked columns a topic shows before its editable ones. */
export function idHeaders(topic: Topic): string[] {
  const base = [txt("col.identifiant"), txt("col.unite")];
  if (topic === "equipements") return [...base, txt("col.categorie")];
  if (topic === "conventions") return [txt("col.identifiant"), txt("col.convention"), txt("col.partie")];
  return base;
}

function enumOf(schema: string, pointer: string[]): string[] {
  let node: unknown = readSchema(schema);
  for (const p of pointer) node = (node as Record<string, unknown>)[p];
  const values = (node as { enum?: string[] }).enum;
  if (!Array.isArray(values)) throw new Error(`énumération introuvable : ${schema}#/${pointer.join("/")}`);
  return values;
}

/** Allowed values of a schema enumeration, each with its French label (the raw value when none is written). */
function labelled(group: string, values: readonly string[]): ValueType {
  return { t: "enum", values: values.map((v) => [v, catalogue.cli[`collecte.valeur.${group}.${v}`] ?? v] as const) };
}

const TEXT: ValueType = { t: "text" };
const BOOL: ValueType = { t: "bool" };
const DATE: ValueType = { t: "date" };

let cache: Record<Topic, Column[]> | undefined;

/** The editable columns of every topic, built once. */
export function columns(): Record<Topic, Column[]> {
  if (cache) return cache;
  const employeur = labelled("employeur", enumOf("defs.schema.json", ["$defs", "Employeur"]));
  const acteur = labelled("acteur", enumOf("defs.schema.json", ["$defs", "Acteur"]));
  const role = labelled("role", enumOf("convention.schema.json", ["properties", "signatures", "items", "properties", "role"]));
  const col = (key: string, path: readonly PathStep[], type: ValueType, width: number, header = txt(`col.${key}`), help = txt(`aide.${key}`)): Column => ({ key, header, path, type, width, help });

  const roles: Column[] = [];
  for (const [r, path] of [
    ["chef", ["direction", "chef"]],
    ["referent_numerique", ["referent_numerique"]],
    ["referent_technique", ["referent_technique"]],
  ] as const) {
    const who = txt(`role.${r}`);
    for (const [f, type, width] of [
      ["nom", TEXT, 22],
      ["vacant", BOOL, 10],
      ["fonction", TEXT, 22],
      ["courriel", TEXT, 28],
      ["telephone", TEXT, 16],
      ["employeur", employeur, 16],
    ] as const) {
      roles.push(col(`${r}.${f}`, [...path, f], type, width, `${who} — ${txt(`champ.${f}`)}`, `${txt(`champ.${f}.aide`)} (${who.toLowerCase()})`));
    }
  }

  const instances: Column[] = [
    col("conseil_pedagogique", ["instances", "conseil_pedagogique", "existe"], BOOL, 14),
    col("conseil_pedagogique_numerique", ["instances", "conseil_pedagogique", "numerique_a_l_ordre_du_jour"], DATE, 16),
    col("conseil_administration", ["instances", "conseil_administration", "existe"], BOOL, 14),
    col("conseil_ecole", ["instances", "conseil_ecole", "existe"], BOOL, 12),
    col("filtrage", ["securite", "filtrage"], BOOL, 12),
    col("controle_acces_reseau", ["securite", "controle_acces_reseau"], BOOL, 14),
    col("registre_traitements", ["rgpd", "registre_traitements"], BOOL, 14),
    col("dpd_designe", ["rgpd", "dpd_designe"], BOOL, 12),
    col("reglement_adopte_le", ["reglement_interieur", "adopte_le"], DATE, 16),
    col("equipements_personnels", ["reglement_interieur", "equipements_personnels"], BOOL, 16),
    col("charte_usage", ["reglement_interieur", "charte_usage"], BOOL, 12),
    col("volet_numerique", ["projet_etablissement", "volet_numerique"], BOOL, 14),
    col("plan_formation", ["formation", "plan"], BOOL, 12),
    col("ent_utilise", ["ent", "utilise"], BOOL, 10),
  ];

  const maintenance: Column[] = [];
  for (const n of [0, 1, 2, 3]) {
    const niveau = `${txt("champ.niveau")} ${n}`;
    maintenance.push(col(`niveau_${n}.acteur`, ["maintenance", `niveau_${n}`, "acteur"], acteur, 24, `${niveau} — ${txt("champ.acteur")}`, `${txt("champ.acteur.aide")} (${txt(`aide.niveau_${n}`)})`));
    maintenance.push(col(`niveau_${n}.prestataire`, ["maintenance", `niveau_${n}`, "prestataire"], TEXT, 18, `${niveau} — ${txt("champ.prestataire")}`, txt("champ.prestataire.aide")));
    maintenance.push(col(`niveau_${n}.delai`, ["maintenance", `niveau_${n}`, "delai_intervention_heures"], { t: "int", min: 0, max: 10000 }, 14, `${niveau} — ${txt("champ.delai")}`, txt("champ.delai.aide")));
  }

  // Equipment and signature paths are relative to a list item chosen by the row (see `rowPath`).
  const equipements: Column[] = [
    col("nombre", ["nombre"], { t: "int", min: 0, max: 1_000_000 }, 12),
    col("annee_mise_en_service", ["annee_mise_en_service"], { t: "int", min: 1900, max: 2100 }, 16),
  ];
  const conventions: Column[] = [col("role_signataire", ["role"], role, 26), col("signataire", ["signataire"], TEXT, 24), col("date_signature", ["date"], DATE, 16)];
  cache = { roles, instances, maintenance, equipements, conventions };
  return cache;
}

/** The categories of equipment, from the schema, with their labels. */
export function categories(): ReadonlyArray<readonly [string, string]> {
  const values = enumOf("etablissement.schema.json", ["properties", "equipements", "items", "properties", "categorie"]);
  return values.map((v) => [v, catalogue.cli[`collecte.valeur.categorie.${v}`] ?? v] as const);
}

/** The sheet name of a topic. */
export function sheetName(topic: Topic): string {
  return txt(`feuille.${topic}`);
}

/** `oui`/`non`, the date as `AAAA-MM-JJ`, the label of an allowed value: the text a cell holds for a YAML value. */
export function toCell(type: ValueType, v: unknown): string {
  if (v === undefined || v === null) return "";
  switch (type.t) {
    case "bool":
      return v === true ? txt("oui") : v === false ? txt("non") : String(v);
    case "enum":
      return type.values.find(([k]) => k === v)?.[1] ?? String(v);
    default:
      return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
}

export type Parsed = { ok: true; value: string | number | boolean } | { ok: false; messageId: string; data?: Record<string, string> };

const FR_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isCalendar(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A cell's text (already trimmed, not empty) as the YAML value of a column, or why it cannot be one. */
export function fromCell(type: ValueType, text: string): Parsed {
  switch (type.t) {
    case "text":
      return { ok: true, value: text };
    case "bool": {
      const s = text.toLowerCase();
      if (["oui", "o", "vrai", "true", "yes", "1"].includes(s)) return { ok: true, value: true };
      if (["non", "n", "faux", "false", "no", "0"].includes(s)) return { ok: true, value: false };
      return { ok: false, messageId: "ouiNon", data: { valeur: text } };
    }
    case "date": {
      let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      let y: number, mo: number, d: number;
      if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if ((m = FR_DATE.exec(text))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
      else return { ok: false, messageId: "date", data: { valeur: text } };
      if (!isCalendar(y, mo, d)) return { ok: false, messageId: "date", data: { valeur: text } };
      return { ok: true, value: `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
    }
    case "int": {
      if (!/^-?\d+$/.test(text)) return { ok: false, messageId: "entier", data: { valeur: text } };
      const n = Number(text);
      if (n < type.min || n > type.max) return { ok: false, messageId: "bornes", data: { valeur: text, min: String(type.min), max: String(type.max) } };
      return { ok: true, value: n };
    }
    case "enum": {
      const norm = (s: string) => s.normalize("NFC").trim().toLowerCase();
      const hit = type.values.find(([k, label]) => norm(label) === norm(text) || k === text);
      if (!hit) return { ok: false, messageId: "liste", data: { valeur: text, valeurs: type.values.map(([, l]) => l).join(", ") } };
      return { ok: true, value: hit[0] };
    }
  }
}
