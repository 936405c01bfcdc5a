// Collect: a territory → the collection workbooks (one per collectivité or per établissement), pre-filled.
import { parseScope, selectScope } from "../audit/scope.js";
import { getAtPath, type PathStep } from "../import/merge.js";
import type { Territory, EtablissementEntity, CollectiviteEntity, ConventionEntity } from "../model/territory.js";
import { formatMessage } from "../core/format-message.js";
import { categories, columns, idHeaders, sheetName, toCell, txt, TOPICS, type Column, type Topic } from "./columns.js";
import { META_MAGIC, META_SHEET, META_VERSION, type Cell, type SheetOut, type WorkbookOut } from "./model.js";

export type By = "collectivite" | "etablissement";

export interface ExportOptions {
  by: By;
  /** `collectivite:<id>`, `etablissement:<uai>`, `departement:<code>`: only these units. */
  scope?: string;
  /** Date the answers are expected by (`AAAA-MM-JJ`). */
  echeance?: string;
  /** Whom to send the workbook back to. */
  contact?: string;
  /** Identifier of this export (recorded in every workbook). */
  exportId: string;
  /** Date of the export. */
  today: string;
}

/** A row of a topic sheet: which document and which place in it. */
export interface RowTarget {
  /** Composite key recorded in the hidden sheet. */
  key: string;
  /** The document the row's values live in. */
  entity: string;
  /** Path of the list item the columns are relative to (equipment, signatures), else empty. */
  prefix: readonly PathStep[];
  /** The locked cells shown before the editable ones. */
  ids: string[];
}

function frDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function uaiOf(e: EtablissementEntity): string {
  return e.id;
}

/** The rows of a topic for a set of établissements (and their collectivité, for maintenance and conventions). */
export function topicRows(topic: Topic, t: Territory, ets: readonly EtablissementEntity[], coll: CollectiviteEntity | undefined): RowTarget[] {
  const rows: RowTarget[] = [];
  switch (topic) {
    case "roles":
    case "instances":
      for (const e of ets) rows.push({ key: e.ref, entity: e.ref, prefix: [], ids: [uaiOf(e), e.data.nom] });
      break;
    case "maintenance":
      if (coll) rows.push({ key: coll.ref, entity: coll.ref, prefix: [], ids: [coll.ref, coll.data.nom] });
      for (const e of ets) rows.push({ key: e.ref, entity: e.ref, prefix: [], ids: [uaiOf(e), e.data.nom] });
      break;
    case "equipements":
      for (const e of ets) {
        for (const [cat, label] of categories()) {
          // A category held by several lots (different years) cannot be named by one row: it stays in the YAML.
          if ((e.data.equipements ?? []).filter((x) => x.categorie === cat).length > 1) continue;
          rows.push({ key: `${e.ref}#${cat}`, entity: e.ref, prefix: ["equipements", { key: "categorie", equals: cat }], ids: [uaiOf(e), e.data.nom, label] });
        }
      }
      break;
    case "conventions": {
      const parties = new Map<string, string>();
      if (coll) parties.set(coll.ref, coll.data.nom);
      for (const e of ets) parties.set(e.ref, e.data.nom);
      const seen = new Set<ConventionEntity>();
      for (const ref of parties.keys()) for (const c of t.conventionsOf(ref)) seen.add(c);
      for (const c of [...seen].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        for (const p of new Set(c.data.parties ?? [])) {
          const nom = parties.get(p);
          if (nom === undefined) continue;
          if ((c.data.signatures ?? []).filter((s) => s.partie === p).length > 1) continue;
          rows.push({ key: `${c.ref}#${p}`, entity: c.ref, prefix: ["signatures", { key: "partie", equals: p }], ids: [c.id, c.data.objet ?? txt(`valeur.typeConvention.${c.data.type}`), `${p} — ${nom}`] });
        }
      }
      break;
    }
  }
  return rows;
}

/** A column's exported cell, typed (numbers as numbers, dates as dates). */
function cellOf(col: Column, v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (col.type.t === "int" && typeof v === "number") return v;
  if (col.type.t === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { date: v };
  return toCell(col.type, v);
}

function guideSheet(unitName: string, o: ExportOptions, topics: ReadonlyArray<[Topic, number]>): SheetOut {
  const rows: Cell[][] = [];
  const f = (id: string, data: Record<string, string | number> = {}) => formatMessage(txt(id), data);
  rows.push([f("guide.titre", { unite: unitName })]);
  rows.push([f("guide.intro")]);
  rows.push([o.echeance ? f("guide.echeance", { date: frDate(o.echeance) }) : f("guide.sansEcheance")]);
  rows.push([o.contact ? f("guide.contact", { contact: o.contact }) : f("guide.sansContact")]);
  rows.push([null]);
  for (let i = 1; i <= 6; i++) rows.push([f(`guide.etape${i}`)]);
  rows.push([null]);
  rows.push([txt("guide.colFeuille"), txt("guide.colColonne"), txt("guide.colSens"), txt("guide.colValeurs")]);
  const all = columns();
  for (const [topic, n] of topics) {
    if (n === 0) continue;
    for (const c of all[topic]) {
      const values = c.type.t === "enum" ? c.type.values.map(([, l]) => l).join(", ") : c.type.t === "bool" ? `${txt("oui")}, ${txt("non")}` : txt(`guide.type.${c.type.t}`);
      rows.push([sheetName(topic), c.header, c.help, values]);
    }
  }
  rows.push([null]);
  rows.push([f("guide.export", { date: frDate(o.today), id: o.exportId })]);
  return { name: txt("feuille.guide"), kind: "guide", columns: [{ width: 26, locked: true }, { width: 40, locked: true }, { width: 60, locked: true }, { width: 50, locked: true }], rows };
}

/** One workbook for a unit: its établissements (one, or those of a collectivité) and, for a collectivité, itself. */
export function buildWorkbook(t: Territory, unit: CollectiviteEntity | EtablissementEntity, o: ExportOptions): WorkbookOut {
  const coll = unit.kind === "collectivite" ? unit : undefined;
  const ets = unit.kind === "collectivite" ? [...t.etablissementsOf(unit)].sort((a, b) => (a.id < b.id ? -1 : 1)) : [unit];
  const academie = (unit.data as { academie?: string }).academie ?? "";
  const meta: Cell[][] = [
    [META_MAGIC, META_VERSION],
    ["export", o.exportId],
    ["academie", academie],
    ["classeur", unit.ref],
    ["date", o.today],
    [null],
    ["feuille", "identifiant", "colonne", "valeur"],
  ];
  const topicSheets: SheetOut[] = [];
  const counts: Array<[Topic, number]> = [];
  for (const topic of TOPICS) {
    const cols = columns()[topic];
    const rows = topicRows(topic, t, ets, coll);
    counts.push([topic, rows.length]);
    if (rows.length === 0) continue;
    const heads = idHeaders(topic);
    const sheet: SheetOut = {
      name: sheetName(topic),
      kind: "topic",
      columns: [...heads.map((h, i) => ({ width: i === 0 ? 21 : i === 1 ? 34 : 30, locked: true })), ...cols.map((c) => ({ width: c.width, locked: false, type: c.type }))],
      rows: [[...heads, ...cols.map((c) => c.header)]],
    };
    for (const r of rows) {
      const data = t.byRef.get(r.entity)?.data;
      const cells: Cell[] = [...r.ids];
      for (const c of cols) {
        const v = getAtPath(data, [...r.prefix, ...c.path]);
        cells.push(cellOf(c, v));
        meta.push([sheet.name, r.key, c.key, v === undefined ? "" : JSON.stringify(v)]);
      }
      sheet.rows.push(cells);
    }
    topicSheets.push(sheet);
  }
  const unitName = unit.data.nom;
  return {
    name: `collecte-${unit.kind === "collectivite" ? unit.id : unit.id}`,
    unit: unit.ref,
    sheets: [guideSheet(unitName, o, counts), ...topicSheets, { name: META_SHEET, kind: "meta", columns: [{ width: 20, locked: true }, { width: 30, locked: true }, { width: 30, locked: true }, { width: 30, locked: true }], rows: meta }],
  };
}

/** The établissements of a `--scope` (`collectivite:<id>`, `etablissement:<uai>`, `departement:<code>`, `academie:<code>`), as audit and report select them. */
function etablissementsInScope(t: Territory, scope: string | undefined): EtablissementEntity[] {
  if (!scope) return t.etablissements;
  const p = parseScope(scope);
  const selected = p?.kind ? selectScope(t, p.kind, p.value) : undefined;
  return selected ? selected.etablissements : [];
}

export interface ExportPlan {
  workbooks: WorkbookOut[];
  /** Établissements in scope no workbook holds (no collectivité in the territory for them, with `--by collectivite`). */
  orphans: string[];
}

/** Every workbook of an export. */
export function planExport(t: Territory, o: ExportOptions): ExportPlan {
  const ets = etablissementsInScope(t, o.scope);
  const workbooks: WorkbookOut[] = [];
  const orphans: string[] = [];
  if (o.by === "etablissement") {
    for (const e of [...ets].sort((a, b) => (a.id < b.id ? -1 : 1))) workbooks.push(buildWorkbook(t, e, o));
    return { workbooks, orphans };
  }
  const byColl = new Map<string, EtablissementEntity[]>();
  for (const e of ets) {
    const c = e.data.collectivite ? t.byRef.get(`collectivite:${e.data.collectivite}`) : undefined;
    if (!c) {
      orphans.push(e.id);
      continue;
    }
    byColl.set(c.ref, [...(byColl.get(c.ref) ?? []), e]);
  }
  for (const ref of [...byColl.keys()].sort()) {
    const c = t.byRef.get(ref) as CollectiviteEntity;
    workbooks.push(buildWorkbook(t, c, o));
  }
  return { workbooks, orphans: orphans.sort() };
}
