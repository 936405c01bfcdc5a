// Import: update the annuaire-owned fields of an existing établissement document, leaving every other byte as the user wrote it.
import { parseAllDocuments, isMap, isScalar, isPair, isSeq, Scalar, YAMLMap, type YAMLSeq, type Document, type Pair } from "yaml";
import { quoted, scalar } from "./render.js";
import type { Statut } from "./classify.js";
import type { AnnuaireFields } from "./fields.js";

/**
 * The fields the annuaire owns (docs/import-annuaire.md, « Réimport »): always brought in line with the annuaire. The version 2
 * keys (`effectif`, `localisation`…) are written when the export gives them and left alone when it does not;
 * `education_prioritaire: null` removes the key (the export says the établissement is not in it).
 */
export interface OwnedFields extends AnnuaireFields {
  nom: string;
  type: string;
  statut: Statut;
  academie: string;
  commune?: { code_insee: string; nom?: string };
  /** Written only when the document has none: the rattachement is the user's to change afterwards. */
  collectivite?: string;
  tutelle?: string;
}

export type MergeResult =
  | { status: "unchanged" }
  | { status: "updated"; text: string; changed: string[] }
  | { status: "failed"; reason: "illisible" | "absent" | "structure"; detail?: string };

export const PARSE_OPTIONS = { version: "1.2", schema: "core", merge: true, uniqueKeys: true, prettyErrors: false } as const;

/** The top-level keys in the order gouvnum writes them: an added key goes after the nearest one before it. */
export const ORDER = [
  "kind",
  "uai",
  "nom",
  "type",
  "statut",
  "academie",
  "commune",
  "collectivite",
  "rattachement_derogatoire",
  "circonscription",
  "circonscription_nom",
  "tutelle",
  "effectif",
  "localisation",
  "contact",
  "education_prioritaire",
  "bassin",
] as const;
/** Values written double-quoted (codes must stay strings). */
const CODES = new Set(["uai", "academie", "code_insee", "telephone", "code"]);
/** Owned keys whose value is a mapping: updated key by key, so that a user's `x_` keys inside stay. */
const NESTED = ["commune", "localisation", "contact", "bassin"] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON-like values, key order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

/** One change to make: a top-level key, or a key of one of the mappings the annuaire owns. `undefined` removes the key. */
interface Change {
  path: [string, string] | [string];
  value: Json | undefined;
}

/**
 * What must change in `current` (a document's value) for it to agree with `f`. Shared by every importer
 * that owns some keys of a document: scalars compared as they are, mappings key by key.
 */
export function ownedChanges(current: Record<string, unknown>, f: OwnedFields): Change[] {
  const changes: Change[] = [];
  for (const key of ["nom", "type", "academie"] as const) if (current[key] !== f[key]) changes.push({ path: [key], value: f[key] });
  const statut = current.statut === undefined ? "public" : current.statut;
  if (statut !== f.statut) changes.push({ path: ["statut"], value: f.statut });
  for (const key of NESTED) {
    const wanted = (f as unknown as Record<string, Record<string, Json> | undefined>)[key];
    if (!wanted) continue;
    const c = current[key];
    if (isObject(c)) {
      for (const [k, v] of Object.entries(wanted)) if (v !== undefined && !sameValue(c[k], v)) changes.push({ path: [key, k], value: v });
    } else {
      changes.push({ path: [key], value: { ...wanted } });
    }
  }
  if (f.collectivite && (current.collectivite === undefined || current.collectivite === null)) {
    changes.push({ path: ["collectivite"], value: f.collectivite });
  }
  for (const key of ["circonscription_nom", "tutelle", "effectif"] as const) {
    const v = f[key];
    if (v !== undefined && current[key] !== v) changes.push({ path: [key], value: v });
  }
  if (f.education_prioritaire === null) {
    if (Object.prototype.hasOwnProperty.call(current, "education_prioritaire")) changes.push({ path: ["education_prioritaire"], value: undefined });
  } else if (f.education_prioritaire !== undefined && current.education_prioritaire !== f.education_prioritaire) {
    changes.push({ path: ["education_prioritaire"], value: f.education_prioritaire });
  }
  // Keys in the order gouvnum writes them, so that keys added together come out in that order.
  const rank = (c: Change) => ORDER.indexOf(c.path[0] as (typeof ORDER)[number]);
  return changes.sort((a, b) => rank(a) - rank(b));
}

function applyChanges(value: Record<string, unknown>, changes: readonly Change[]): Record<string, unknown> {
  const out = structuredClone(value);
  for (const c of changes) {
    if (c.path.length === 1) {
      if (c.value === undefined) delete out[c.path[0]];
      else out[c.path[0]] = structuredClone(c.value);
    } else (out[c.path[0]] as Record<string, unknown>)[c.path[1]] = c.value;
  }
  return out;
}

/** Label of a change for messages: `nom`, `commune.nom`… */
function label(c: Change): string {
  return c.path.join(".");
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** The text of a scalar for `key`, in the style the user chose when it can hold the value. */
function scalarText(key: string, value: string, style: Scalar["type"] | undefined, inFlow: boolean): string {
  if (style === Scalar.QUOTE_DOUBLE || (CODES.has(key) && style !== Scalar.QUOTE_SINGLE)) return quoted(value);
  if (style === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return scalar(value, inFlow);
}

/** Offset where a line inserted after this pair goes: the start of the line after its value. */
function afterPair(text: string, pair: Pair): number {
  const node = (pair.value ?? pair.key) as { range?: [number, number, number] | null };
  const end = node.range ? node.range[1] : 0;
  if (end > 0 && text[end - 1] === "\n") return end;
  const nl = text.indexOf("\n", end);
  return nl < 0 ? text.length : nl + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** The text of a scalar value: a number as JSON writes it, a string in the style chosen. */
function valueText(key: string, value: Json, style: Scalar["type"] | undefined, inFlow: boolean): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return scalarText(key, String(value), style, inFlow);
}

/** YAML lines for a new key at `indent`. */
function keyLines(key: string, value: Json, indent: string, eol: string): string {
  if (isObject(value)) {
    const inner = Object.entries(value)
      .map(([k, v]) => `${indent}  ${k}: ${valueText(k, v, undefined, false)}${eol}`)
      .join("");
    return `${indent}${key}:${eol}${inner}`;
  }
  return `${indent}${key}: ${valueText(key, value, undefined, false)}${eol}`;
}

interface Edit {
  at: number;
  end: number;
  text: string;
  /** Insertions at one offset are kept in this order. */
  order: number;
}

/** Text edits for the changes, or undefined when the document's shape needs the Document API. */
function spliceEdits(text: string, doc: Document.Parsed, changes: readonly Change[]): Edit[] | undefined {
  const top = doc.contents;
  if (!isMap(top)) return undefined;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const edits: Edit[] = [];
  const replace = (map: YAMLMap, key: string, value: Json): boolean => {
    const pair = findPair(map, key);
    const node = pair?.value;
    if (!isScalar(node) || !node.range || (typeof value !== "string" && typeof value !== "number")) return false;
    if (node.value === null || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return false;
    edits.push({ at: node.range[0], end: node.range[1], text: valueText(key, value, node.type, map.flow === true), order: 0 });
    return true;
  };
  for (const c of changes) {
    if (c.path.length === 2) {
      const [parent, key] = c.path;
      const inner = findPair(top, parent)?.value;
      if (!isMap(inner) || c.value === undefined) return undefined;
      if (findPair(inner, key)) {
        if (!replace(inner, key, c.value)) return undefined;
        continue;
      }
      // A key missing inside a mapping goes after its last key: `, key: value` in a flow mapping, a line at the same indentation in a block one.
      const last = inner.items[inner.items.length - 1];
      if (!isPair(last) || !isScalar(last.key) || !last.key.range) return undefined;
      if (inner.flow) {
        const end = (last.value as { range?: [number, number, number] | null } | null)?.range?.[1];
        if (end === undefined || isObject(c.value) || Array.isArray(c.value)) return undefined;
        edits.push({ at: end, end, text: `, ${key}: ${valueText(key, c.value, undefined, true)}`, order: 100 });
        continue;
      }
      const indent = " ".repeat(columnOf(text, last.key.range[0]));
      edits.push({ at: afterPair(text, last), end: afterPair(text, last), text: keyLines(key, c.value, indent, eol), order: 100 });
      continue;
    }
    const [key] = c.path;
    if (c.value === undefined) {
      // Removal: the key's lines, from the start of its line to the end of its value (the result is checked).
      const pair = findPair(top, key);
      if (!pair || top.flow || !isScalar(pair.key) || !pair.key.range) return undefined;
      const start = text.lastIndexOf("\n", pair.key.range[0] - 1) + 1;
      if (text.slice(start, pair.key.range[0]).trim() !== "") return undefined;
      edits.push({ at: start, end: afterPair(text, pair), text: "", order: 0 });
      continue;
    }
    if (findPair(top, key)) {
      if (!replace(top, key, c.value)) return undefined;
      continue;
    }
    if (top.flow) return undefined;
    const idx = ORDER.indexOf(key as (typeof ORDER)[number]);
    let anchor: Pair | undefined;
    for (let k = idx - 1; k >= 0 && !anchor; k--) anchor = findPair(top, ORDER[k]);
    if (!anchor || !isScalar(anchor.key) || !anchor.key.range) return undefined;
    const indent = " ".repeat(columnOf(text, anchor.key.range[0]));
    const at = afterPair(text, anchor);
    edits.push({ at, end: at, text: keyLines(key, c.value, indent, eol), order: idx });
  }
  return edits;
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.at - a.at || b.order - a.order);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

/** The Document API, for shapes the text edits do not handle (a single-document file only). */
function viaDocument(doc: Document.Parsed, changes: readonly Change[]): string | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  const top = contents as unknown as YAMLMap<unknown, unknown>;
  const make = (key: string, v: Json) => {
    if (typeof v === "string" || typeof v === "number") {
      const s = new Scalar(v);
      if (typeof v === "string" && CODES.has(key)) s.type = Scalar.QUOTE_DOUBLE;
      return s;
    }
    const m = new YAMLMap();
    for (const [k, x] of Object.entries(v as Record<string, Json>)) m.add(doc.createPair(k, make(k, x)));
    return m;
  };
  for (const c of changes) {
    if (c.path.length === 2) {
      const inner = top.get(c.path[0], true);
      if (!isMap(inner) || c.value === undefined) return undefined;
      const existing = inner.get(c.path[1], true);
      if (isScalar(existing)) existing.value = c.value;
      else inner.set(c.path[1], make(c.path[1], c.value));
      continue;
    }
    const key = c.path[0];
    if (c.value === undefined) {
      top.delete(key);
      continue;
    }
    const existing = top.get(key, true);
    if (isScalar(existing) && (typeof c.value === "string" || typeof c.value === "number") && existing.value !== null) {
      existing.value = c.value;
      continue;
    }
    if (existing !== undefined) {
      top.set(key, make(key, c.value));
      continue;
    }
    const idx = ORDER.indexOf(key as (typeof ORDER)[number]);
    let at = top.items.length;
    for (let k = idx - 1; k >= 0; k--) {
      const i = top.items.findIndex((p) => isScalar(p.key) && p.key.value === ORDER[k]);
      if (i >= 0) {
        at = i + 1;
        break;
      }
    }
    top.items.splice(at, 0, doc.createPair(key, make(key, c.value)) as never);
  }
  return doc.toString({ lineWidth: 0 });
}

/** Parses a whole file; undefined with the first error when it is not valid YAML. */
export function parseDocuments(text: string): { docs: Document.Parsed[] } | { error: string } {
  try {
    const docs = parseAllDocuments(text, PARSE_OPTIONS) as unknown as Document.Parsed[] | { errors: Array<{ message: string }> };
    if (!Array.isArray(docs)) return docs.errors.length ? { error: docs.errors[0].message } : { docs: [] };
    for (const d of docs) if (d.errors.length > 0) return { error: d.errors[0].message };
    return { docs };
  } catch (e) {
    return { error: String((e as Error)?.message ?? e) };
  }
}

function values(docs: readonly Document.Parsed[]): unknown[] {
  return docs.map((d) => d.toJS({ maxAliasCount: 1000 }));
}

/** Finds the document describing établissement `uai`. */
export function findEtablissement(docs: readonly Document.Parsed[], uai: string): number {
  return docs.findIndex((d) => {
    const v = d.contents as unknown;
    return isMap(v) && (v as YAMLMap<unknown, unknown>).get("kind") === "etablissement" && (v as YAMLMap<unknown, unknown>).get("uai") === uai;
  });
}

/**
 * Brings the annuaire-owned fields of établissement `uai` in `text` in line with `fields`. Changes
 * are made as text edits on the values concerned, so that every comment, blank line, quote style
 * and key order stays as the user left it; the result is parsed again and must hold exactly the
 * expected values, else the Document API is tried, else the file is left alone.
 */
export function mergeEtablissement(text: string, uai: string, fields: OwnedFields): MergeResult {
  const parsed = parseDocuments(text);
  if ("error" in parsed) return { status: "failed", reason: "illisible", detail: parsed.error };
  const { docs } = parsed;
  const i = findEtablissement(docs, uai);
  if (i < 0) return { status: "failed", reason: "absent" };
  const before = values(docs);
  const current = before[i] as Record<string, unknown>;
  const changes = ownedChanges(current, fields);
  if (changes.length === 0) return { status: "unchanged" };
  const expected = before.map((v, j) => (j === i ? applyChanges(current, changes) : v));
  const check = (candidate: string | undefined): boolean => {
    if (candidate === undefined) return false;
    const again = parseDocuments(candidate);
    if ("error" in again || again.docs.length !== docs.length) return false;
    return sameValue(values(again.docs), expected);
  };
  // Offsets stay valid when a final line break is added, and insertions after the last line need one.
  const base = text === "" || text.endsWith("\n") ? text : text + (text.includes("\r\n") ? "\r\n" : "\n");
  const edits = spliceEdits(base, docs[i], changes);
  const spliced = edits ? applyEdits(base, edits) : undefined;
  if (check(spliced)) return { status: "updated", text: spliced!, changed: changes.map(label) };
  if (docs.length === 1) {
    const rewritten = viaDocument(docs[0], changes);
    if (check(rewritten)) return { status: "updated", text: rewritten!, changed: changes.map(label) };
  }
  return { status: "failed", reason: "structure" };
}

// ---------------------------------------------------------------------------------------------------------
// Any value at any path: the same text-edit merge, for values that come from elsewhere (collect import).

/** A step of a path: a key, or the item of a list whose `key` equals `equals` (created when absent). */
export type PathStep = string | { key: string; equals: string };

/** One value to set in a document. */
export interface PathChange {
  path: readonly PathStep[];
  value: Json;
}

function stepLabel(s: PathStep): string {
  return typeof s === "string" ? s : `[${s.key}=${s.equals}]`;
}

/** `referent_technique.courriel`, `equipements[categorie=tablette].nombre`. */
export function pathLabel(path: readonly PathStep[]): string {
  return path.map((s, i) => (typeof s === "string" && i > 0 ? "." : "") + stepLabel(s)).join("");
}

/** What `path` holds in `value`, or undefined. */
export function getAtPath(value: unknown, path: readonly PathStep[]): unknown {
  let cur: unknown = value;
  for (const s of path) {
    if (typeof s === "string") {
      if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
      cur = cur[s];
    } else {
      if (!Array.isArray(cur)) return undefined;
      cur = cur.find((x) => isObject(x) && x[s.key] === s.equals);
    }
  }
  return cur;
}

/** The value a path creates when nothing of it exists yet (`{a: {b: v}}`, a list item with its selector). */
function build(path: readonly PathStep[], value: Json): Json {
  if (path.length === 0) return structuredClone(value);
  const [s, ...rest] = path;
  if (typeof s === "string") return { [s]: build(rest, value) };
  return [{ [s.key]: s.equals, ...(build(rest, value) as Record<string, Json>) }];
}

/** `value` with `change` made (a copy; an intermediate scalar or null is replaced by the keys the path needs). */
export function setAtPath(value: unknown, change: PathChange): unknown {
  const root = structuredClone(value) as Record<string, unknown>;
  let cur: unknown = root;
  const { path } = change;
  for (let k = 0; k < path.length; k++) {
    const s = path[k];
    const last = k === path.length - 1;
    if (typeof s === "string") {
      const obj = cur as Record<string, unknown>;
      if (last) {
        obj[s] = structuredClone(change.value);
        return root;
      }
      const next = obj[s];
      const wantList = typeof path[k + 1] !== "string";
      if (wantList ? !Array.isArray(next) : !isObject(next)) {
        obj[s] = build(path.slice(k + 1), change.value);
        return root;
      }
      cur = next;
    } else {
      const list = cur as unknown[];
      const item = list.find((x) => isObject(x) && x[s.key] === s.equals);
      if (!item) {
        list.push((build([s, ...path.slice(k + 1)], change.value) as Json[])[0]);
        return root;
      }
      cur = item;
    }
  }
  return root;
}

/** A value as YAML text on one line: scalars in the style `scalarText` picks, maps and lists in flow style. */
function flowText(key: string, v: Json, inFlow: boolean): string {
  if (v === null) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") return scalarText(key, v, undefined, inFlow);
  if (Array.isArray(v)) return `[${v.map((x) => flowText(key, x, true)).join(", ")}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flowText(k, x, true)}`).join(", ")} }`;
}

/** Lines `key: value` at `indent`, nested maps as indented blocks, lists of maps as flow items. */
function blockLines(key: string, v: Json, indent: string, eol: string): string {
  if (isObject(v)) {
    const inner = Object.entries(v as Record<string, Json>).map(([k, x]) => blockLines(k, x, indent + "  ", eol)).join("");
    return `${indent}${key}:${eol}${inner}`;
  }
  if (Array.isArray(v)) return `${indent}${key}:${eol}${v.map((x) => `${indent}  - ${flowText(key, x, false)}${eol}`).join("")}`;
  return `${indent}${key}: ${flowText(key, v, false)}${eol}`;
}

type AnyNode = { range?: [number, number, number] | null } | null | undefined;

/** One text edit making `change` in the document, or undefined when the shape needs the Document API. */
function pathEdit(text: string, doc: Document.Parsed, change: PathChange): Edit | undefined {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let node: unknown = doc.contents;
  const { path } = change;
  for (let k = 0; k < path.length; k++) {
    const s = path[k];
    const rest = path.slice(k + 1);
    if (typeof s === "string") {
      if (!isMap(node)) return undefined;
      const map = node as YAMLMap;
      const pair = findPair(map, s);
      if (pair) {
        if (rest.length === 0) {
          const v = pair.value;
          if (!isScalar(v) || !v.range || v.value === null || v.type === Scalar.BLOCK_FOLDED || v.type === Scalar.BLOCK_LITERAL) return undefined;
          const val = change.value;
          const textValue = typeof val === "string" ? scalarText(s, val, v.type, map.flow === true) : isObject(val) || Array.isArray(val) ? undefined : String(val);
          if (textValue === undefined) return undefined;
          return { at: v.range[0], end: v.range[1], text: textValue, order: 0 };
        }
        node = pair.value;
        continue;
      }
      // The key is missing from this mapping: everything from here is written at once.
      const value = build(rest, change.value);
      const last = map.items[map.items.length - 1];
      if (!isPair(last) || !isScalar(last.key) || !last.key.range) return undefined;
      if (map.flow) {
        const end = (last.value as AnyNode)?.range?.[1];
        if (end === undefined) return undefined;
        return { at: end, end, text: `, ${s}: ${flowText(s, value, true)}`, order: 100 };
      }
      const indent = " ".repeat(columnOf(text, last.key.range[0]));
      const at = afterPair(text, last);
      return { at, end: at, text: blockLines(s, value, indent, eol), order: 100 };
    }
    if (!isSeq(node)) return undefined;
    const seq = node as YAMLSeq;
    const item = seq.items.find((x) => isMap(x) && (x as YAMLMap<unknown, unknown>).get(s.key) === s.equals);
    if (item) {
      node = item;
      continue;
    }
    if (seq.flow) return undefined;
    const lastItem = seq.items[seq.items.length - 1] as AnyNode;
    const range = lastItem?.range;
    if (!range) return undefined;
    const dash = text.lastIndexOf("-", range[0] - 1);
    if (dash < 0 || text.slice(dash + 1, range[0]).trim() !== "") return undefined;
    const indent = " ".repeat(columnOf(text, dash));
    const entry = (build([s, ...rest], change.value) as Json[])[0];
    const end = range[1] > 0 && text[range[1] - 1] === "\n" ? range[1] : (text.indexOf("\n", range[1]) + 1 || text.length);
    return { at: end, end, text: `${indent}- ${flowText(s.key, entry, false)}${eol}`, order: 100 };
  }
  return undefined;
}

/** The Document API, for the shapes text edits do not handle (a single-document file only). */
function pathViaDocument(doc: Document.Parsed, changes: readonly PathChange[]): string | undefined {
  for (const c of changes) {
    let node: unknown = doc.contents;
    for (let k = 0; k < c.path.length; k++) {
      const s = c.path[k];
      const rest = c.path.slice(k + 1);
      if (typeof s === "string") {
        if (!isMap(node)) return undefined;
        const map = node as YAMLMap<unknown, unknown>;
        const next = map.get(s, true);
        if (rest.length === 0) {
          if (isScalar(next) && !isObject(c.value) && !Array.isArray(c.value)) next.value = c.value;
          else map.set(s, doc.createNode(c.value));
          break;
        }
        const wantList = typeof rest[0] !== "string";
        if (wantList ? !isSeq(next) : !isMap(next)) {
          map.set(s, doc.createNode(build(rest, c.value)));
          break;
        }
        node = next;
      } else {
        if (!isSeq(node)) return undefined;
        const seq = node as YAMLSeq;
        const item = seq.items.find((x) => isMap(x) && (x as YAMLMap<unknown, unknown>).get(s.key) === s.equals);
        if (!item) {
          seq.items.push(doc.createNode((build([s, ...rest], c.value) as Json[])[0]) as never);
          break;
        }
        node = item;
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Sets the values `changes` name in the first document of `text` that `match` accepts, as text edits
 * on those values only (comments, blank lines, quoting and key order stay); the result is parsed
 * again and must hold exactly the expected values (every other document unchanged), else the
 * Document API is tried (single-document files), else nothing is changed.
 */
export function mergePaths(text: string, match: (value: unknown) => boolean, changes: readonly PathChange[]): MergeResult {
  const parsed = parseDocuments(text);
  if ("error" in parsed) return { status: "failed", reason: "illisible", detail: parsed.error };
  const i = parsed.docs.findIndex((d) => match(d.toJS({ maxAliasCount: 1000 })));
  if (i < 0) return { status: "failed", reason: "absent" };
  const before = values(parsed.docs);
  let target: unknown = before[i];
  for (const c of changes) target = setAtPath(target, c);
  if (sameValue(target, before[i])) return { status: "unchanged" };
  const expected = before.map((v, j) => (j === i ? target : v));
  const check = (candidate: string | undefined): boolean => {
    if (candidate === undefined) return false;
    const again = parseDocuments(candidate);
    if ("error" in again || again.docs.length !== parsed.docs.length) return false;
    return sameValue(values(again.docs), expected);
  };
  const changed = changes.map((c) => pathLabel(c.path));
  // One change at a time, the text parsed again in between: a key created by one change is found by the next.
  let current: string | undefined = text === "" || text.endsWith("\n") ? text : text + (text.includes("\r\n") ? "\r\n" : "\n");
  for (const c of changes) {
    const again = parseDocuments(current!);
    if ("error" in again) {
      current = undefined;
      break;
    }
    if (sameValue(getAtPath(again.docs[i].toJS({ maxAliasCount: 1000 }), c.path), c.value)) continue;
    const edit = pathEdit(current!, again.docs[i], c);
    if (!edit) {
      current = undefined;
      break;
    }
    current = applyEdits(current!, [edit]);
  }
  if (check(current)) return { status: "updated", text: current!, changed };
  if (parsed.docs.length === 1) {
    const rewritten = pathViaDocument(parsed.docs[0], changes);
    if (check(rewritten)) return { status: "updated", text: rewritten!, changed };
  }
  return { status: "failed", reason: "structure" };
}
