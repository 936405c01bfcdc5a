// Import: read the annuaire export — bytes to text (UTF-8 with or without BOM, else Windows-1252) and RFC 4180 records.

export interface DecodedCsv {
  text: string;
  /** The encoding the bytes were read with. */
  encoding: "utf-8" | "windows-1252";
}

/**
 * Decodes an export: UTF-8 (a BOM is dropped); a file that is not valid UTF-8 was most likely
 * re-saved by a spreadsheet, and is read as Windows-1252 (the caller says so to the user).
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes).replace(/^\uFEFF/, ""), encoding: "windows-1252" };
  }
}

/** The separator of an export: `;` as published, else `,` or a tab when the header has only those. */
export function detectDelimiter(text: string): string {
  let header = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") break;
    else header += c;
  }
  const count = (d: string) => header.split(d).length - 1;
  if (count(";") > 0) return ";";
  if (count("\t") > count(",")) return "\t";
  if (count(",") > 0) return ",";
  return ";";
}

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
}

/**
 * Splits RFC 4180 text into records: fields separated by `delimiter`, optionally quoted with `"`
 * (a quote inside doubled, separators and line breaks allowed inside), records ended by CRLF, LF or CR.
 * Blank lines are skipped. A quote opened and never closed runs to the end of the text, as
 * spreadsheets read it.
 */
export function parseCsv(text: string, delimiter = ";"): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) records.push({ fields, line: recordLine });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      // Quoted field: up to the closing quote; "" is a quote.
      i++;
      for (;;) {
        if (i >= n) break;
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n" || (q === "\r" && text[i + 1] !== "\n")) line++;
        field += q;
        i++;
      }
      atFieldStart = false;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
