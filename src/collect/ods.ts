// Collect: a workbook as OpenDocument (ODS, the format of the administration's interoperability referential),
// written directly (the zip by fflate): no maintained JavaScript library writes ODS data validation.
import { zipSync, strToU8 } from "fflate";
import { txt } from "./columns.js";
import { escapeXml, type Cell, type SheetOut, type WorkbookOut } from "./model.js";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
  'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"',
].join(" ");

/** Text as paragraphs: one `text:p` per line, runs of spaces kept. */
function paragraphs(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => `<text:p>${escapeXml(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)}</text:p>`)
    .join("");
}

function cellXml(c: Cell, style: string, validation?: string): string {
  const attrs = `table:style-name="${style}"${validation ? ` table:content-validation-name="${validation}"` : ""}`;
  if (c === null || c === "") return `<table:table-cell ${attrs}/>`;
  if (typeof c === "number") return `<table:table-cell ${attrs} office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  if (typeof c === "object") {
    const [y, m, d] = c.date.split("-");
    return `<table:table-cell ${attrs} office:value-type="date" office:date-value="${c.date}"><text:p>${d}/${m}/${y}</text:p></table:table-cell>`;
  }
  // A string cell is never a formula, whatever it starts with (=, +, -, @).
  return `<table:table-cell ${attrs} office:value-type="string">${paragraphs(c)}</table:table-cell>`;
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v.replace(/"/g, '""')}"`).join(";");
}

/** The spreadsheet's tables (columns, rows, cell styles and validation lists), and the styles and validations they use. */
function tablesXml(wb: WorkbookOut): { tables: string; colStyleXml: string; validations: string } {
  const colStyles = new Map<number, string>();
  const validations: string[] = [];
  const validationIds = new Map<string, string>();
  const validationFor = (condition: string, message: string): string => {
    const key = condition;
    let id = validationIds.get(key);
    if (!id) {
      id = `val${validationIds.size + 1}`;
      validationIds.set(key, id);
      validations.push(
        `<table:content-validation table:name="${id}" table:condition="${escapeXml(condition)}" table:allow-empty-cell="true" table:display-list="unsorted"><table:error-message table:display="true" table:message-type="stop" table:title="${escapeXml(txt("validation.titre"))}"><text:p>${escapeXml(message)}</text:p></table:error-message></table:content-validation>`,
      );
    }
    return id;
  };
  const tables: string[] = [];
  for (const sheet of wb.sheets) {
    const topic = sheet.kind === "topic";
    const cols = sheet.columns
      .map((c) => {
        const w = Math.round(c.width * 0.21 * 100) / 100;
        let name = colStyles.get(w);
        if (!name) colStyles.set(w, (name = `co${colStyles.size + 1}`));
        return `<table:table-column table:style-name="${name}"/>`;
      })
      .join("");
    const colValidation = sheet.columns.map((c) => {
      if (!topic || !c.type) return undefined;
      if (c.type.t === "bool") return validationFor(`of:cell-content-is-in-list(${quoteList([txt("oui"), txt("non")])})`, txt("validation.liste"));
      if (c.type.t === "enum") return validationFor(`of:cell-content-is-in-list(${quoteList(c.type.values.map(([, l]) => l))})`, txt("validation.liste"));
      if (c.type.t === "int") return validationFor(`of:cell-content-is-whole-number() and of:cell-content-is-between(${c.type.min};${c.type.max})`, txt("validation.entier"));
      if (c.type.t === "date") return validationFor(`of:cell-content-is-date()`, txt("validation.date"));
      return undefined;
    });
    const rows = sheet.rows.map((cells, r) => {
      const width = topic ? sheet.columns.length : Math.max(cells.length, 1);
      const parts: string[] = [];
      for (let i = 0; i < width; i++) {
        const c = cells[i] ?? null;
        let style = "ceText";
        if (topic) {
          const col = sheet.columns[i];
          style = r === 0 ? "ceHeader" : col.locked ? "ceId" : col.type?.t === "date" ? "ceEditDate" : col.type?.t === "int" ? "ceEditInt" : "ceEdit";
          parts.push(cellXml(c, style, r === 0 ? undefined : colValidation[i]));
          continue;
        }
        // The guide: a title, sentences that run across the empty cells beside them, then a table with its header.
        if (sheet.kind === "guide") style = r === 0 ? "ceTitle" : cells.length === 1 ? "ceText" : sheet.rows.findIndex((x) => x.length > 1) === r ? "ceHeader" : "ceWrap";
        parts.push(cellXml(c, style));
      }
      return `<table:table-row>${parts.join("")}</table:table-row>`;
    });
    const protectedAttr = sheet.kind === "meta" ? "" : ' table:protected="true"';
    tables.push(`<table:table table:name="${escapeXml(sheet.name)}" table:style-name="${sheet.kind === "meta" ? "taHidden" : "ta1"}"${protectedAttr}>${cols}${rows.join("")}</table:table>`);
  }
  const colStyleXml = [...colStyles].map(([w, name]) => `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`).join("");
  return { tables: tables.join(""), colStyleXml, validations: validations.length ? `<table:content-validations>${validations.join("")}</table:content-validations>` : "" };
}

/** content.xml: the automatic styles and the tables. */
function contentXml(wb: WorkbookOut): string {
  const { tables, colStyleXml, validations } = tablesXml(wb);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">
<office:automatic-styles>
<number:date-style style:name="Njj"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>
<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
<style:style style:name="taHidden" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false"/></style:style>
${colStyleXml}
<style:style style:name="ceHeader" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#ddebf7" fo:wrap-option="wrap" style:vertical-align="top" style:cell-protect="protected"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="ceId" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#ededed" style:cell-protect="protected"/></style:style>
<style:style style:name="ceEdit" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties style:cell-protect="none"/></style:style>
<style:style style:name="ceEditDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Njj"><style:table-cell-properties style:cell-protect="none"/></style:style>
<style:style style:name="ceEditInt" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nint"><style:table-cell-properties style:cell-protect="none"/></style:style>
<style:style style:name="ceText" style:family="table-cell" style:parent-style-name="Default"/>
<style:style style:name="ceWrap" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
<style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>${validations}${tables}</office:spreadsheet></office:body>
</office:document-content>`;
}

/** settings.xml: the frozen header row of each topic sheet, and the first sheet active. */
function settingsXml(wb: WorkbookOut): string {
  // Frozen header: LibreOffice keeps the split in the view settings, per table.
  const frozen = wb.sheets
    .filter((s) => s.kind === "topic")
    .map(
      (s) =>
        `<config:config-item-map-entry config:name="${escapeXml(s.name)}"><config:config-item config:name="HorizontalSplitMode" config:type="short">0</config:config-item><config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item><config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item><config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item><config:config-item config:name="PositionTop" config:type="int">0</config:config-item><config:config-item config:name="PositionBottom" config:type="int">1</config:config-item></config:config-item-map-entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings ${NS} office:version="1.3"><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item><config:config-item-map-named config:name="Tables">${frozen}</config:config-item-map-named><config:config-item config:name="ActiveTable" config:type="string">${escapeXml(wb.sheets[0].name)}</config:config-item></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`;
}

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3"><office:styles><style:default-style style:family="table-cell"><style:text-properties fo:font-size="10pt"/></style:default-style><style:style style:name="Default" style:family="table-cell"/></office:styles><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm" fo:margin-right="1cm" style:scale-to-X="1" style:scale-to-Y="0"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles></office:document-styles>`;

const MANIFEST_XML = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/** The ODS file of a workbook. */
export function writeOds(wb: WorkbookOut): Uint8Array {
  const mtime = new Date("2000-01-01T00:00:00Z");
  // The mimetype entry first and stored (not compressed): that is how a reader recognises an ODS file.
  return zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8(contentXml(wb)),
      "styles.xml": strToU8(STYLES_XML),
      "settings.xml": strToU8(settingsXml(wb)),
      "META-INF/manifest.xml": strToU8(MANIFEST_XML),
    },
    { level: 6, mtime },
  );
}
