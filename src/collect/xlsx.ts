// Collect: a workbook as Office Open XML (XLSX), written directly (the zip by fflate): drop-down lists, locked
// identifying columns, real dates, a frozen header and a hidden sheet — what SheetJS's community edition cannot write.
import { zipSync, strToU8 } from "fflate";
import { txt, type ValueType } from "./columns.js";
import { escapeXml, serialOf, type Cell, type SheetOut, type WorkbookOut } from "./model.js";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Style indexes of styles.xml's cellXfs. */
const S = { normal: 0, header: 1, id: 2, edit: 3, editDate: 4, editInt: 5, wrap: 6, title: 7, date: 8 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>
<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="9">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="49" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** `A`, `B`, … `AA`. */
export function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(ref: string, c: Cell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (c === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof c === "number") return `<c r="${ref}"${s}><v>${c}</v></c>`;
  if (typeof c === "object") return `<c r="${ref}" s="${style === S.normal ? S.date : style}"><v>${serialOf(c.date)}</v></c>`;
  // Text is always an inline string: never a formula, whatever it starts with (=, +, -, @).
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(c)}</t></is></c>`;
}

function editStyle(type: ValueType | undefined): number {
  if (type?.t === "date") return S.editDate;
  if (type?.t === "int") return S.editInt;
  return S.edit;
}

/** List sources on the hidden « listes » sheet: one column per distinct list. */
interface Lists {
  columns: string[][];
  refOf(values: readonly string[]): string;
}

function makeLists(sheetName: string): Lists {
  const columns: string[][] = [];
  const index = new Map<string, number>();
  return {
    columns,
    refOf(values) {
      const key = values.join("\u0000");
      let i = index.get(key);
      if (i === undefined) {
        i = columns.length;
        columns.push([...values]);
        index.set(key, i);
      }
      const c = colName(i);
      return `'${sheetName}'!$${c}$1:$${c}$${values.length}`;
    },
  };
}

function sheetXml(sheet: SheetOut, lists: Lists): string {
  const topic = sheet.kind === "topic";
  const rows: string[] = [];
  const lastRow = sheet.rows.length;
  sheet.rows.forEach((cells, r) => {
    const parts: string[] = [];
    const width = topic ? sheet.columns.length : cells.length;
    for (let i = 0; i < width; i++) {
      const c = cells[i] ?? null;
      let style: number = S.normal;
      if (topic) style = r === 0 ? S.header : sheet.columns[i].locked ? S.id : editStyle(sheet.columns[i].type);
      else if (sheet.kind === "guide") style = r === 0 ? S.title : cells.length === 1 ? S.normal : sheet.rows.findIndex((x) => x.length > 1) === r ? S.header : S.wrap;
      parts.push(cellXml(`${colName(i)}${r + 1}`, c, style));
    }
    rows.push(`<row r="${r + 1}">${parts.join("")}</row>`);
  });
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  const pane = topic ? `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>` : "";
  const validations: string[] = [];
  if (topic && lastRow > 1) {
    sheet.columns.forEach((c, i) => {
      if (!c.type) return;
      const sqref = `${colName(i)}2:${colName(i)}${lastRow}`;
      const err = `showErrorMessage="1" errorTitle="${escapeXml(txt("validation.titre"))}"`;
      if (c.type.t === "enum" || c.type.t === "bool") {
        const values = c.type.t === "bool" ? [txt("oui"), txt("non")] : c.type.values.map(([, l]) => l);
        validations.push(`<dataValidation type="list" allowBlank="1" ${err} error="${escapeXml(txt("validation.liste"))}" sqref="${sqref}"><formula1>${escapeXml(lists.refOf(values))}</formula1></dataValidation>`);
      } else if (c.type.t === "int") {
        validations.push(`<dataValidation type="whole" operator="between" allowBlank="1" ${err} error="${escapeXml(txt("validation.entier"))}" sqref="${sqref}"><formula1>${c.type.min}</formula1><formula2>${c.type.max}</formula2></dataValidation>`);
      } else if (c.type.t === "date") {
        validations.push(`<dataValidation type="date" operator="greaterThan" allowBlank="1" ${err} error="${escapeXml(txt("validation.date"))}" sqref="${sqref}"><formula1>1</formula1></dataValidation>`);
      }
    });
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
    `<sheetViews><sheetView workbookViewId="0"${topic ? "" : ' tabSelected="0"'}>${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (sheet.kind === "meta" ? "" : `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`) +
    (validations.length ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : "") +
    `</worksheet>`
  );
}

/** The XLSX file of a workbook. */
export function writeXlsx(wb: WorkbookOut): Uint8Array {
  const listsName = txt("feuille.listes");
  const lists = makeLists(listsName);
  const sheetXmls = wb.sheets.map((s) => sheetXml(s, lists));
  const all: Array<{ name: string; hidden: boolean; xml: string }> = wb.sheets.map((s, i) => ({ name: s.name, hidden: s.kind === "meta", xml: sheetXmls[i] }));
  if (lists.columns.length > 0) {
    const height = Math.max(...lists.columns.map((c) => c.length));
    const listSheet: SheetOut = { name: listsName, kind: "meta", columns: [], rows: [] };
    for (let r = 0; r < height; r++) listSheet.rows.push(lists.columns.map((c) => c[r] ?? null));
    all.push({ name: listsName, hidden: true, xml: sheetXml(listSheet, makeLists(listsName)) });
  }
  const files: Record<string, Uint8Array> = {};
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${all.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>${all.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${all.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${all.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(STYLES);
  all.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  // A fixed time in the zip headers: the same territory gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}
