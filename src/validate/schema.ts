// Validate: schema violations of a document, turned into plain-French findings at the offending node.
import type { ErrorObject } from "ajv";
import { closest } from "../core/similar.js";
import type { Kind } from "../core/domain.js";
import { joinPointer, pointerSegments, sourceText, type LoadedDocument } from "../load/document.js";
import { validatorFor } from "./ajv.js";
import { keyHomes } from "./key-homes.js";

export interface Violation {
  pointer: string;
  at: "value" | "key";
  messageId: string;
  data: Record<string, string | number>;
}

const TYPE_NAMES: Record<string, string> = {
  string: "du texte",
  integer: "un nombre entier",
  number: "un nombre",
  boolean: "true ou false",
  object: "un ensemble de clés",
  array: "une liste",
  null: "vide",
};

/** Every schema violation of a document (its kind is known), plus numbers too large to be read exactly. */
export function validateDocument(doc: LoadedDocument): Violation[] {
  const validate = validatorFor(doc.kind as Kind);
  const out = validate(doc.value) ? [] : toViolations(validate.errors ?? [], doc);
  inexactNumbers(doc.value, [], doc, out);
  return out;
}

/** 99999999999999999999999 is read as 1e23 and 1e400 as Infinity: the value written is not the value read. */
function inexactNumbers(v: unknown, path: Array<string | number>, doc: LoadedDocument, out: Violation[]): void {
  // One path array, pushed and popped: this walk visits every value of every document.
  if (typeof v === "number") {
    if (!Number.isFinite(v) ? !Number.isNaN(v) : Number.isInteger(v) && !Number.isSafeInteger(v)) {
      const pointer = joinPointer(...path);
      out.push({ pointer, at: "value", messageId: "nombreInexact", data: { cle: keyName(pointer), trouve: sourceText(doc, pointer) ?? String(v) } });
    }
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === "number" || (x !== null && typeof x === "object")) {
        path.push(i);
        inexactNumbers(x, path, doc, out);
        path.pop();
      }
    }
  } else if (v !== null && typeof v === "object") {
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (typeof x === "number" || (x !== null && typeof x === "object")) {
        path.push(k);
        inexactNumbers(x, path, doc, out);
        path.pop();
      }
    }
  }
}

export function toViolations(errors: readonly ErrorObject[], doc: LoadedDocument | undefined, label = doc ? `le document ${doc.kind}` : "la configuration"): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  // A wrong type makes every other keyword at the same place noise.
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === "if" || e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "not") continue;
    if (e.keyword !== "type" && typed.has(e.instancePath)) continue;
    const v = toViolation(e, doc, label);
    let key = `${v.pointer}\u0000${v.messageId}`;
    for (const k in v.data) key += `\u0000${v.data[k]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** `/direction/chef/nom` → `direction.chef.nom`; "" → the label of the document. */
function where(pointer: string, label: string): string {
  return pointer === "" ? label : `« ${keyName(pointer)} »`;
}

/** `/equipements/0` → `equipements[]`: a block's place as key-homes.ts writes it. */
function blockPath(pointer: string): string {
  const out: string[] = [];
  for (const s of pointerSegments(pointer)) {
    if (/^\d+$/.test(s) && out.length > 0) out[out.length - 1] += "[]";
    else out.push(s);
  }
  return out.join(".");
}

function keyName(pointer: string): string {
  const segs = pointerSegments(pointer);
  if (segs.length === 0) return "document";
  return segs.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : (i > 0 ? "." : "") + s)).join("");
}

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "une valeur vide";
  if (Array.isArray(v)) return "une liste";
  if (ArrayBuffer.isView(v)) return "des données binaires (!!binary)";
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "la valeur .nan (pas un nombre)" : "un nombre hors limites";
  if (typeof v === "object") return "un ensemble de clés";
  if (typeof v === "string") return `le texte « ${v.length > 60 ? v.slice(0, 60) + "…" : v} »`;
  if (typeof v === "boolean") return `la valeur ${v}`;
  return `le nombre ${v}`;
}

function short(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 60) + "…" : s;
}

function suggestion(word: string, candidates: readonly string[]): string {
  const s = closest(word, candidates);
  return s ? ` ; vouliez-vous dire « ${s} » ?` : ".";
}

/** The keys a schema node declares, computed once per node (a document may have thousands of unknown keys). */
const declared = new WeakMap<object, string[]>();
function propertyNames(schema: Record<string, unknown> | undefined): string[] {
  if (!schema) return [];
  let names = declared.get(schema);
  if (!names) declared.set(schema, (names = Object.keys((schema.properties as Record<string, unknown>) ?? {})));
  return names;
}

function toViolation(e: ErrorObject, doc: LoadedDocument | undefined, label: string): Violation {
  const p = e.instancePath;
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = propertyNames(parent);
      const near = suggestion(key, allowed);
      // No key of that spelling here, but the schema knows it in another block: say where it belongs.
      const home = near === "." && doc?.kind ? keyHomes(doc.kind, key, blockPath(p))[0] : undefined;
      if (home !== undefined) {
        const data = { cle: key, ou: where(p, label), place: home, bloc: home.split(".").pop()!.replace(/\[\]$/, "") };
        return { pointer: p + joinPointer(key), at: "key", messageId: home === "" ? "cleRacine" : "cleAilleurs", data };
      }
      return {
        pointer: p + joinPointer(key),
        at: "key",
        messageId: "cleInconnue",
        data: { cle: key, ou: where(p, label), suggestion: near },
      };
    }
    case "required": {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      return { pointer: p + joinPointer(key), at: "value", messageId: "cleManquante", data: { cle: key, ou: where(p, label) } };
    }
    case "type": {
      const expected = String((e.params as { type: string | string[] }).type).split(",");
      if (expected.includes("string") && typeof e.data === "number" && typeof parent?.pattern === "string") {
        const raw = (doc && sourceText(doc, p)) ?? String(e.data);
        return { pointer: p, at: "value", messageId: "typeCode", data: { cle: keyName(p), trouve: raw, exemple: `"${raw.replace(/^["']|["']$/g, "")}"` } };
      }
      return {
        pointer: p,
        at: "value",
        messageId: "type",
        data: { cle: keyName(p), attendu: expected.map((t) => TYPE_NAMES[t] ?? t).join(" ou "), trouve: describeValue(e.data) },
      };
    }
    case "enum": {
      const values = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      return {
        pointer: p,
        at: "value",
        messageId: "enum",
        data: { cle: keyName(p), trouve: short(e.data), valeurs: values.join(", "), suggestion: typeof e.data === "string" ? suggestion(e.data, values) : "." },
      };
    }
    case "const":
      return { pointer: p, at: "value", messageId: "const", data: { cle: keyName(p), attendu: short((e.params as { allowedValue: unknown }).allowedValue), trouve: short(e.data) } };
    case "format":
      return { pointer: p, at: "value", messageId: "date", data: { cle: keyName(p), trouve: short(e.data) } };
    case "pattern": {
      const title = typeof parent?.title === "string" ? parent.title : undefined;
      const ex = Array.isArray(parent?.examples) && parent.examples.length > 0 ? ` (ex. « ${String(parent.examples[0])} »)` : "";
      return {
        pointer: p,
        at: "value",
        messageId: "pattern",
        data: { cle: keyName(p), attendu: (title ?? `motif ${String((e.params as { pattern: string }).pattern)}`) + ex, trouve: short(e.data) },
      };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { pointer: p, at: "value", messageId: e.keyword.includes("inimum") ? "minimum" : "maximum", data: { cle: keyName(p), limite: String((e.params as { limit: number }).limit), trouve: short(e.data) } };
    case "minItems":
    case "maxItems":
      return { pointer: p, at: "value", messageId: e.keyword, data: { cle: keyName(p), limite: String((e.params as { limit: number }).limit), trouve: Array.isArray(e.data) ? e.data.length : 0 } };
    case "minLength":
      return { pointer: p, at: "value", messageId: "minLength", data: { cle: keyName(p) } };
    case "uniqueItems":
      return { pointer: p, at: "value", messageId: "uniqueItems", data: { cle: keyName(p) } };
    default:
      return { pointer: p, at: "value", messageId: "autre", data: { cle: keyName(p), detail: e.message ?? e.keyword } };
  }
}
