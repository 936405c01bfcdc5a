// Collect: the shape of a workbook, independent of its file format (ODS, XLSX, CSV writers read this).
import type { ValueType } from "./columns.js";

/** A cell: text, a number, a calendar date (`AAAA-MM-JJ`) or nothing. */
export type Cell = string | number | { date: string } | null;

export interface ColumnOut {
  /** Width in characters. */
  width: number;
  /** Identifying column: the person cannot change it. */
  locked: boolean;
  /** The values an editable column takes (drop-down lists, whole numbers, dates). */
  type?: ValueType;
}

export interface SheetOut {
  name: string;
  /** `guide`: « Mode d'emploi »; `topic`: a header row then one row per unit; `meta`: the hidden record of the export. */
  kind: "guide" | "topic" | "meta";
  columns: ColumnOut[];
  rows: Cell[][];
}

export interface WorkbookOut {
  /** File name without extension. */
  name: string;
  /** The unit the workbook is for (`collectivite:dep-35`, `etablissement:0350017D`). */
  unit: string;
  sheets: SheetOut[];
}

/** Name of the hidden sheet that records the export. */
export const META_SHEET = "gouvnum";
/** First cell of the hidden sheet, and the version of its layout. */
export const META_MAGIC = "gouvnum-collecte";
export const META_VERSION = "1";

/** Days since 1899-12-30 (the spreadsheet epoch) of a calendar date. */
export function serialOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The calendar date of a spreadsheet serial day number (the fraction of a day is dropped). */
export function dateOfSerial(n: number): string {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(n + 1e-9) * 86_400_000);
  return t.toISOString().slice(0, 10);
}

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped rather than written as an invalid document.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
