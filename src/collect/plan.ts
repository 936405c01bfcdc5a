// Collect: completed workbooks → the values a person changed, checked (types, schema, conflicts) and placed
// in the files where each entity is described. Planning only: the CLI writes.
import { getAtPath, mergePaths, sameValue, setAtPath, type PathChange, type PathStep } from "../import/merge.js";
import type { Territory, AnyEntity } from "../model/territory.js";
import { validatorFor } from "../validate/ajv.js";
import { toViolations } from "../validate/schema.js";
import { catalogue } from "../messages/index.js";
import { formatMessage } from "../core/format-message.js";
import type { Kind } from "../core/domain.js";
import { categories, columns, fromCell, idHeaders, sheetName, toCell, txt, TOPICS, type Column, type Topic } from "./columns.js";
import { META_MAGIC, META_SHEET, META_VERSION, dateOfSerial } from "./model.js";
import type { RawBook, RawCell, RawSheet } from "./read.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Where a value sits in the workbook. */
export interface Place {
  sheet: string;
  /** 1-based row, as the spreadsheet shows it. */
  row: number;
  column: string;
}

/** A message of the `collecte.*` catalogue with its data. */
export interface Note {
  messageId: string;
  data: Record<string, string | number>;
}

export interface ValueChange {
  entity: string;
  path: readonly PathStep[];
  value: Json;
  place: Place;
}

export interface Refusal {
  place: Place;
  message: string;
}

export interface Conflict {
  place: Place;
  workbook: string;
  exported: string;
  yaml: string;
}

export interface BookPlan {
  file: string;
  /** The unit the workbook was exported for, when known. */
  unit?: string;
  /** The workbook could not be used at all. */
  fatal?: Note;
  changes: ValueChange[];
  unchanged: number;
  refused: Refusal[];
  conflicts: Conflict[];
  /** Forced over a changed YAML value (--force). */
  forced: number;
}

export interface ImportOptions {
  force?: boolean;
}

/** The French sentence for a place and a message. */
export function atPlace(p: Place, message: string): string {
  return formatMessage(txt("valeur.place"), { feuille: p.sheet, ligne: p.row, colonne: p.column, message });
}

function note(id: string, data: Record<string, string | number> = {}): string {
  return formatMessage(txt(`valeur.${id}`), data);
}

/** The record of the export kept in the hidden sheet. */
interface Meta {
  exportId: string;
  academie: string;
  unit: string;
  exported: Map<string, string>;
  rowKeys: Set<string>;
}

const cellKey = (sheet: string, row: string, col: string) => `${sheet}\u0000${row}\u0000${col}`;

function readMeta(sheet: RawSheet | undefined): Meta | Note {
  if (!sheet || sheet.rows[0]?.[0]?.text !== META_MAGIC) return { messageId: "sansMeta", data: {} };
  const version = sheet.rows[0][1]?.text ?? "";
  if (version !== META_VERSION) return { messageId: "version", data: { version } };
  // Rows found by their first cell: a CSV export drops the blank line between the header and the cells.
  const start = sheet.rows.findIndex((r) => r[0]?.text === "feuille");
  const value = (name: string) => sheet.rows.slice(0, start < 0 ? 0 : start).find((r) => r[0]?.text === name)?.[1]?.text;
  const exportId = value("export");
  const academie = value("academie") ?? "";
  const unit = value("classeur");
  if (start < 0 || exportId === undefined || !unit) return { messageId: "sansMeta", data: {} };
  const exported = new Map<string, string>();
  const rowKeys = new Set<string>();
  for (let r = start + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const [s, k, c, v] = [row[0]?.text ?? "", row[1]?.text ?? "", row[2]?.text ?? "", row[3]?.text ?? ""];
    if (!s && !k) continue;
    exported.set(cellKey(s, k, c), v);
    rowKeys.add(`${s}\u0000${k}`);
  }
  return { exportId, academie, unit, exported, rowKeys };
}

/** The row key of a topic row from its locked cells. */
function rowKeyOf(topic: Topic, cells: RawCell[], heads: number[]): string {
  const at = (i: number) => (heads[i] >= 0 ? (cells[heads[i]]?.text ?? "") : "");
  const unit = (id: string) => (/^\d{7}[A-Z]$/.test(id) ? `etablissement:${id}` : id);
  if (topic === "equipements") {
    const label = at(2);
    const cat = categories().find(([, l]) => l === label)?.[0] ?? label;
    return `${unit(at(0))}#${cat}`;
  }
  if (topic === "conventions") return `convention:${at(0)}#${at(2).split(" — ")[0]}`;
  return unit(at(0));
}

/** Row key → the document and the path of its list item. */
function targetOf(topic: Topic, key: string): { entity: string; prefix: PathStep[] } {
  if (topic === "equipements") {
    const [entity, cat] = key.split("#");
    return { entity, prefix: ["equipements", { key: "categorie", equals: cat }] };
  }
  if (topic === "conventions") {
    const i = key.indexOf("#");
    return { entity: key.slice(0, i), prefix: ["signatures", { key: "partie", equals: key.slice(i + 1) }] };
  }
  return { entity: key, prefix: [] };
}

/** A cell as the value of a column, or why it cannot be one. */
function cellValue(col: Column, cell: RawCell): { ok: true; value: Json } | { ok: false; message: string } {
  if (cell.formula !== undefined) return { ok: false, message: note("formule", { formule: cell.formula.replace(/^=/, "").slice(0, 80) }) };
  if (cell.kind === "e") return { ok: false, message: note("erreurCellule", { valeur: cell.text }) };
  let text = cell.text;
  if (cell.kind === "n" && cell.num !== undefined) {
    if (col.type.t === "date") text = dateOfSerial(cell.num);
    else text = Number.isInteger(cell.num) ? String(cell.num) : String(cell.num).replace(".", ",");
  } else if (cell.kind === "b") {
    text = cell.text === "true" ? txt("oui") : txt("non");
  }
  const parsed = fromCell(col.type, text);
  if (!parsed.ok) return { ok: false, message: note(parsed.messageId, parsed.data ?? {}) };
  return { ok: true, value: parsed.value };
}

function display(col: Column, v: unknown): string {
  return v === undefined ? "" : toCell(col.type, v);
}

/** The JSON pointer of a path in a value (list items by their index in it). */
function pointerOf(value: unknown, path: readonly PathStep[]): string {
  let cur: unknown = value;
  const segs: string[] = [];
  for (const s of path) {
    if (typeof s === "string") {
      segs.push(s);
      cur = (cur as Record<string, unknown> | undefined)?.[s];
    } else {
      const list = Array.isArray(cur) ? cur : [];
      const i = list.findIndex((x) => (x as Record<string, unknown>)?.[s.key] === s.equals);
      segs.push(String(i < 0 ? list.length : i));
      cur = list[i];
    }
  }
  return segs.map((s) => "/" + s.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Plans one workbook against the territory and the values already accepted from previous workbooks. */
export function planBook(book: RawBook, file: string, t: Territory, working: Map<string, unknown>, o: ImportOptions): BookPlan {
  const plan: BookPlan = { file, changes: [], unchanged: 0, refused: [], conflicts: [], forced: 0 };
  const meta = readMeta(book.sheets.find((s) => s.name === META_SHEET));
  if ("messageId" in meta) return { ...plan, fatal: meta };
  plan.unit = meta.unit;
  const unit = t.byRef.get(meta.unit);
  if (!unit) return { ...plan, fatal: { messageId: "autreTerritoire", data: { unite: meta.unit } } };
  const unitAcademie = (unit.data as { academie?: string }).academie ?? "";
  if (meta.academie !== unitAcademie) return { ...plan, fatal: { messageId: "autreAcademie", data: { unite: meta.unit, classeur: meta.academie, territoire: unitAcademie } } };

  const current = (ref: string): unknown => (working.has(ref) ? working.get(ref) : t.byRef.get(ref)?.data);
  const all = columns();
  for (const topic of TOPICS) {
    const name = sheetName(topic);
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet || sheet.rows.length === 0) continue;
    const header = sheet.rows[0].map((c) => c.text);
    const heads = idHeaders(topic).map((h) => header.indexOf(h));
    for (const [i, h] of idHeaders(topic).entries()) if (heads[i] < 0) return { ...plan, fatal: { messageId: "feuilleManquante", data: { feuille: name, colonne: h } } };
    const cols = all[topic].map((c) => ({ col: c, index: header.indexOf(c.header) }));
    for (const { col, index } of cols) if (index < 0) return { ...plan, fatal: { messageId: "feuilleManquante", data: { feuille: name, colonne: col.header } } };
    for (let r = 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r];
      if (cells.every((c) => c.kind === "z" || c.text === "")) continue;
      const key = rowKeyOf(topic, cells, heads);
      if (!meta.rowKeys.has(`${name}\u0000${key}`)) return { ...plan, fatal: { messageId: "ligneEtrangere", data: { feuille: name, ligne: r + 1, cle: key } } };
      const { entity, prefix } = targetOf(topic, key);
      const target = t.byRef.get(entity);
      if (!target) return { ...plan, fatal: { messageId: "autreTerritoire", data: { unite: entity } } };
      for (const { col, index } of cols) {
        const place: Place = { sheet: name, row: r + 1, column: col.header };
        const cell = cells[index] ?? { text: "", kind: "z" };
        const raw = meta.exported.get(cellKey(name, key, col.key));
        if (raw === undefined) return { ...plan, fatal: { messageId: "ligneEtrangere", data: { feuille: name, ligne: r + 1, cle: key } } };
        let exported: unknown;
        try {
          exported = raw === "" ? undefined : JSON.parse(raw);
        } catch {
          return { ...plan, fatal: { messageId: "sansMeta", data: {} } };
        }
        const path = [...prefix, ...col.path];
        if ((cell.kind === "z" || cell.text === "") && cell.formula === undefined) {
          if (exported === undefined || exported === null) plan.unchanged++;
          else plan.refused.push({ place, message: note("vide") });
          continue;
        }
        const v = cellValue(col, cell);
        if (!v.ok) {
          plan.refused.push({ place, message: v.message });
          continue;
        }
        if (sameValue(v.value, exported)) {
          plan.unchanged++;
          continue;
        }
        const now = getAtPath(current(entity), path);
        if (sameValue(now, v.value)) {
          plan.unchanged++;
          continue;
        }
        if (!sameValue(now, exported)) {
          if (!o.force) {
            plan.conflicts.push({ place, workbook: display(col, v.value), exported: display(col, exported), yaml: display(col, now) });
            continue;
          }
          plan.forced++;
        }
        plan.changes.push({ entity, path, value: v.value, place });
      }
    }
  }
  checkSchema(plan, t, current);
  return plan;
}

/** Validates each changed document with its changes; a change whose place the schema rejects is refused. */
function checkSchema(plan: BookPlan, t: Territory, current: (ref: string) => unknown): void {
  for (let round = 0; round < 5; round++) {
    const byEntity = new Map<string, ValueChange[]>();
    for (const c of plan.changes) byEntity.set(c.entity, [...(byEntity.get(c.entity) ?? []), c]);
    let rejected = false;
    for (const [ref, changes] of byEntity) {
      const kind = t.byRef.get(ref)!.kind as Kind;
      let value = current(ref);
      for (const c of changes) value = setAtPath(value, { path: c.path, value: c.value });
      const validate = validatorFor(kind);
      if (validate(value)) continue;
      const violations = toViolations(validate.errors ?? [], undefined, `le document ${kind}`);
      const texts = catalogue.rules.schema?.messages ?? {};
      const blamed = new Set<ValueChange>();
      for (const v of violations) {
        // The change at the violation's place, else the changes inside the object it is about.
        // The changes nearest the violation's place: those sharing the longest part of its pointer.
        const target = v.pointer.split("/");
        const shared = (p: string) => {
          const segs = p.split("/");
          let n = 0;
          while (n < segs.length && n < target.length && segs[n] === target[n]) n++;
          return n;
        };
        const pointers = changes.map((c) => ({ c, n: shared(pointerOf(value, c.path)) }));
        const best = Math.max(...pointers.map((x) => x.n));
        const hit = pointers.filter((x) => x.n === best);
        const message = formatMessage(texts[v.messageId] ?? v.messageId, v.data);
        for (const { c } of hit) {
          if (blamed.has(c)) continue;
          blamed.add(c);
          plan.refused.push({ place: c.place, message });
        }
      }
      if (blamed.size > 0) {
        plan.changes = plan.changes.filter((c) => !blamed.has(c));
        rejected = true;
      }
    }
    if (!rejected) return;
  }
}

/** Records a book's accepted changes in the working values (so that a later workbook sees them). */
export function accept(plan: BookPlan, t: Territory, working: Map<string, unknown>): void {
  for (const c of plan.changes) {
    const base = working.has(c.entity) ? working.get(c.entity) : t.byRef.get(c.entity)?.data;
    working.set(c.entity, setAtPath(base, { path: c.path, value: c.value }));
  }
}

export interface FileWrite {
  /** Path as displayed (relative to the working directory). */
  file: string;
  before: string;
  after: string;
  entities: string[];
}

export interface FileFailure {
  file: string;
  reason: string;
}

/** The new text of every file holding a changed entity, or why a file cannot be changed. */
export function planWrites(changes: readonly ValueChange[], t: Territory, read: (file: string) => string): { writes: FileWrite[]; failures: FileFailure[] } {
  const byFile = new Map<string, Map<string, ValueChange[]>>();
  for (const c of changes) {
    const e = t.byRef.get(c.entity) as AnyEntity;
    const file = e.doc.source.file;
    const m = byFile.get(file) ?? new Map<string, ValueChange[]>();
    m.set(c.entity, [...(m.get(c.entity) ?? []), c]);
    byFile.set(file, m);
  }
  const writes: FileWrite[] = [];
  const failures: FileFailure[] = [];
  for (const [file, entities] of [...byFile].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const before = read(file);
    let text = before;
    let failed: string | undefined;
    for (const [ref, list] of entities) {
      const e = t.byRef.get(ref) as AnyEntity;
      const idKey = e.kind === "academie" ? "code" : e.kind === "etablissement" ? "uai" : "id";
      const match = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>).kind === e.kind && (v as Record<string, unknown>)[idKey] === e.id;
      const result = mergePaths(text, match, list.map((c): PathChange => ({ path: c.path, value: c.value })));
      if (result.status === "updated") text = result.text;
      else if (result.status === "failed") {
        failed = result.reason + (result.detail ? ` : ${result.detail}` : "");
        break;
      }
    }
    if (failed) failures.push({ file, reason: failed });
    else if (text !== before) writes.push({ file, before, after: text, entities: [...entities.keys()] });
  }
  return { writes, failures };
}
