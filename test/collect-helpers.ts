// Test helpers for the collection campaign: a copy of the example territory, exported workbooks, and a person's
// edits made with SheetJS (a real spreadsheet writer, independent of ours).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { ROOT } from "./helpers.js";

/** A fresh copy of the example académie in a temporary folder; workbooks go to `<dir>/out`. */
export function territoryCopy(): { dir: string; terr: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-collecte-"));
  const terr = join(dir, "terr");
  cpSync(join(ROOT, "examples/academie-exemple"), terr, { recursive: true });
  return { dir, terr, out: join(dir, "out") };
}

/** Every YAML file of a folder with its text (to prove that nothing changed). */
export function snapshot(terr: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(terr, f), "utf8")]));
}

export interface Edit {
  sheet: string;
  /** Value of the first column of the row. */
  id: string;
  /** Third column's value too, for equipment rows (the category). */
  id3?: string;
  column: string;
  /** A string is typed as text; `{ f }` is a formula; a number as a number. */
  value: string | number | { f: string };
}

/** Opens a workbook with SheetJS, changes cells as a person would, saves it as `format`. */
export function editWorkbook(file: string, out: string, edits: Edit[], format: "xlsx" | "ods" = "xlsx"): void {
  const wb = XLSX.read(readFileSync(file), { type: "buffer", cellFormula: true, cellNF: true });
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet];
    if (!ws) throw new Error(`feuille absente : ${e.sheet}`);
    const range = XLSX.utils.decode_range(ws["!ref"]!);
    let col = -1;
    for (let c = range.s.c; c <= range.e.c; c++) if (ws[XLSX.utils.encode_cell({ r: 0, c })]?.v === e.column) col = c;
    if (col < 0) throw new Error(`colonne absente : ${e.column}`);
    let row = -1;
    for (let r = 1; r <= range.e.r; r++) {
      if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v !== e.id) continue;
      if (e.id3 !== undefined && ws[XLSX.utils.encode_cell({ r, c: 2 })]?.v !== e.id3) continue;
      row = r;
      break;
    }
    if (row < 0) throw new Error(`ligne absente : ${e.id}`);
    const ref = XLSX.utils.encode_cell({ r: row, c: col });
    ws[ref] = typeof e.value === "object" ? { t: "n", v: 0, f: e.value.f } : typeof e.value === "number" ? { t: "n", v: e.value } : { t: "s", v: e.value };
  }
  writeFileSync(out, XLSX.write(wb, { type: "buffer", bookType: format }));
}
