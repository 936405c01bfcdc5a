// Validate: the key tables of docs/format.md, generated from the JSON Schemas' French titles and descriptions
// (npm run gen:docs writes them; a test checks they have not drifted).

/** The part of a JSON Schema the tables read. */
interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  $defs?: Record<string, Schema>;
}

export const FORMAT_START = "<!-- format:debut (généré depuis schemas/*.schema.json par npm run gen:docs) -->";
export const FORMAT_END = "<!-- format:fin -->";

/** The kinds of document, in the order of the documentation. */
export const KINDS = ["academie", "collectivite", "etablissement", "convention"] as const;

const cell = (s: string) => s.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|").trim();
const code = (v: unknown) => "`" + (typeof v === "string" ? v : JSON.stringify(v)) + "`";
const defName = (ref: string) => ref.replace(/^.*\$defs\//, "");
const defLink = (name: string) => `[\`${name}\`](#type-${name.toLowerCase()})`;

/** A key's type in French: `Personne`, `ecole` \| `college`, liste de `Date`, entier ≥ 0… */
export function typeText(s: Schema): string {
  if (s.$ref) return defLink(defName(s.$ref));
  if (s.const !== undefined) return code(s.const);
  if (s.enum) return s.enum.map(code).join(" | ");
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeText).join(" ou ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const parts = types.map((t) => {
    switch (t) {
      case "string":
        return s.format === "date" ? defLink("Date") : "texte";
      case "integer":
      case "number": {
        const word = t === "integer" ? "entier" : "nombre";
        if (s.minimum !== undefined && s.maximum !== undefined) return `${word} de ${s.minimum} à ${s.maximum}`;
        return s.minimum !== undefined ? `${word} ≥ ${s.minimum}` : word;
      }
      case "boolean":
        return "booléen (`true`/`false`)";
      case "null":
        return "`null`";
      case "array":
        return `liste${s.minItems ? ` (${s.minItems} au moins)` : ""} ${s.items ? plural(typeText(s.items)) : "de valeurs"}`;
      case "object":
        if (s.properties) return "objet";
        if (typeof s.additionalProperties === "object") return `table de ${typeText(s.additionalProperties)}`;
        return "objet";
      default:
        return t;
    }
  });
  return parts.length ? parts.join(" ou ") : "valeur libre";
}

/** « de X » for a list's elements: « d'objets », « d'entiers de 0 à 3 », « de textes », « de `Personne` ». */
function plural(item: string): string {
  const m = /^(objet|entier|nombre|texte|booléen)\b(.*)$/.exec(item);
  if (!m) return `de ${item}`;
  const word = m[1] === "booléen" ? "booléens" : m[1] + "s";
  return (/^[aeéiouy]/.test(word) ? "d'" : "de ") + word + m[2];
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  default?: unknown;
  text: string;
}

/** One row per key, nested objects flattened (`commune.code_insee`, `equipements[].categorie`). */
function rows(s: Schema, prefix = ""): Row[] {
  const out: Row[] = [];
  const req = new Set(s.required ?? []);
  for (const [key, p] of Object.entries(s.properties ?? {})) {
    const path = prefix + key;
    const text = [p.title, p.description].filter(Boolean).join(" — ");
    out.push({ key: path, type: typeText(p), required: req.has(key), default: p.default, text });
    if (!p.$ref && p.properties) out.push(...rows(p, path + "."));
    if (!p.$ref && p.items && !p.items.$ref && p.items.properties) out.push(...rows(p.items, path + "[]."));
  }
  return out;
}

function table(s: Schema): string {
  const lines = ["| clé | type | obligatoire, défaut | sens |", "| --- | --- | --- | --- |"];
  for (const r of rows(s)) {
    const need = [r.required ? "**obligatoire**" : "", r.default !== undefined ? `défaut ${code(r.default)}` : ""].filter(Boolean).join(", ");
    lines.push(`| \`${r.key}\` | ${cell(r.type)} | ${need} | ${cell(r.text)} |`);
  }
  return lines.join("\n");
}

/**
 * The Markdown of every kind's keys and of the shared types, from the schemas by file name
 * (`academie.schema.json`…, `defs.schema.json`).
 */
export function formatTables(schemas: Record<string, Schema>): string {
  const out: string[] = [];
  for (const kind of KINDS) {
    const s = schemas[`${kind}.schema.json`];
    if (!s) continue;
    out.push(`### \`kind: ${kind}\``, "", cell(s.description ?? s.title ?? ""), "", table(s), "");
  }
  // Shared types, then the types a kind's schema keeps for itself (`#/$defs/...`).
  const defs: Record<string, Schema> = { ...(schemas["defs.schema.json"]?.$defs ?? {}) };
  for (const kind of KINDS) Object.assign(defs, schemas[`${kind}.schema.json`]?.$defs ?? {});
  out.push("### Types communs", "", "Les types nommés dans les tableaux ci-dessus (`defs.schema.json`, et ceux propres à un type de document).", "");
  for (const [name, d] of Object.entries(defs)) {
    out.push(`#### Type \`${name}\``, "", cell([d.title, d.description].filter(Boolean).join(" — ")), "");
    if (d.properties) out.push(table(d), "");
    else out.push(`Valeur : ${cell(typeText({ ...d, format: undefined }))}${d.format === "date" ? " `AAAA-MM-JJ`" : ""}.`, "");
  }
  return out.join("\n").trimEnd();
}

/** `text` with the part between FORMAT_START and FORMAT_END replaced by `tables`; unchanged without markers. */
export function withFormatTables(text: string, tables: string): string {
  const a = text.indexOf(FORMAT_START);
  const b = text.indexOf(FORMAT_END);
  if (a < 0 || b < a) return text;
  return text.slice(0, a + FORMAT_START.length) + "\n" + tables + "\n" + text.slice(b);
}
