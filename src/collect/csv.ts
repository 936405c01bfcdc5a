// Collect: a workbook as CSV files, one per topic plus the record of the export — the shape online form tools
// (LimeSurvey, Framaforms) import and export. `;`-separated, UTF-8 with a BOM (what Excel needs to read accents).
import { TOPICS, sheetName, type Topic } from "./columns.js";
import { META_SHEET, type Cell, type WorkbookOut } from "./model.js";
import { csvField } from "./read.js";

/** File suffix of each sheet (`collecte-dep-35-roles.csv`). */
export function csvSuffix(sheet: string): string | undefined {
  if (sheet === META_SHEET) return "gouvnum";
  return TOPICS.find((t) => sheetName(t) === sheet);
}

/** The sheet a CSV file name stands for, and the base name of its export. */
export function csvSheetOf(fileName: string): { base: string; sheet: string } | undefined {
  const m = /^(.*)-([a-z]+)\.csv$/i.exec(fileName);
  if (!m) return undefined;
  const suffix = m[2].toLowerCase();
  if (suffix === "gouvnum") return { base: m[1], sheet: META_SHEET };
  const topic = TOPICS.find((t) => t === suffix) as Topic | undefined;
  return topic ? { base: m[1], sheet: sheetName(topic) } : undefined;
}

function text(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "number") return String(c);
  if (typeof c === "object") {
    const [y, m, d] = c.date.split("-");
    return `${d}/${m}/${y}`;
  }
  return c;
}

/** The CSV files of a workbook: name suffix → bytes. */
export function writeCsv(wb: WorkbookOut): Array<{ suffix: string; bytes: Uint8Array }> {
  const out: Array<{ suffix: string; bytes: Uint8Array }> = [];
  for (const sheet of wb.sheets) {
    const suffix = csvSuffix(sheet.name);
    if (!suffix) continue;
    const lines = sheet.rows.map((r) => r.map((c) => csvField(text(c))).join(";"));
    out.push({ suffix, bytes: new TextEncoder().encode("\uFEFF" + lines.join("\r\n") + "\r\n") });
  }
  return out;
}
