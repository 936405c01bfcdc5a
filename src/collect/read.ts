// Collect: a completed workbook (ODS, XLSX, or the CSV files of one export) → its sheets as rows of cells,
// behind checks for what comes back from outside: size, zip bombs, XML entities, encryption, corruption.
import { Unzip, UnzipInflate } from "fflate";
import { decodeCsv, detectDelimiter, parseCsv } from "../import/csv.js";

/** A cell as read: its text (trimmed), its type, and its formula when it has one. */
export interface RawCell {
  text: string;
  kind: "s" | "n" | "b" | "d" | "e" | "z";
  /** The number when `kind` is `n` (dates are numbers with a date format in XLSX). */
  num?: number;
  /** True when the number is displayed as a date. */
  isDate?: boolean;
  formula?: string;
}

export interface RawSheet {
  name: string;
  hidden: boolean;
  rows: RawCell[][];
}

export interface RawBook {
  sheets: RawSheet[];
}

export const READ_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes of the archive once decompressed. */
  unzippedBytes: 100 * 1024 * 1024,
  entries: 2000,
  /** Rows of one sheet (a collectivité's workbook has a few thousand at most). */
  rows: 50_000,
  /** Cells holding a value, in the whole workbook (ODS repetitions counted as what they expand to). */
  cells: 2_000_000,
};

/**
 * Counts rows and cells in an XML part as it streams, tags only (no tree): an XLSX sheet's `<row>` and `<c>`, an
 * ODS table's rows as they expand (`table:number-rows-repeated` × cells holding a value, themselves repeated by
 * `table:number-columns-repeated`) — what SheetJS would materialise, refused before it does.
 */
class TagCounter {
  private carry = "";
  private sheet = "";
  private rows = 0;
  private rowRepeat = 1;
  private rowCells = 0;
  cells = 0;
  constructor(
    private readonly part: string,
    private readonly onProblem: (p: ReadProblem) => void,
  ) {}
  push(text: string): void {
    const all = this.carry + text;
    const cut = all.lastIndexOf("<");
    const ready = cut < 0 ? all : all.slice(0, cut);
    this.carry = cut < 0 ? "" : all.slice(cut);
    if (this.carry.length > 1 << 16) this.carry = "";
    const re = /<(\/?)(table:table-row|table:table-cell|table:table|row|c)(?=[\s/>])([^>]*)>/g;
    for (let m = re.exec(ready); m; m = re.exec(ready)) {
      const [, close, tag, attrs] = m;
      const repeat = (name: string) => {
        const r = new RegExp(`${name}="(\\d+)"`).exec(attrs);
        return r ? Number(r[1]) : 1;
      };
      if (tag === "row" && !close) this.addRows(1, this.part);
      else if (tag === "c" && !close) this.addCells(1);
      else if (tag === "table:table" && !close) {
        this.sheet = /table:name="([^"]*)"/.exec(attrs)?.[1] ?? this.part;
        this.rows = 0;
      } else if (tag === "table:table-row" && !close) {
        this.rowRepeat = repeat("table:number-rows-repeated");
        this.rowCells = 0;
      } else if (tag === "table:table-cell" && !close && attrs.includes("office:value-type")) this.rowCells += repeat("table:number-columns-repeated");
      else if (tag === "table:table-row" && close && this.rowCells > 0) {
        this.addRows(this.rowRepeat, this.sheet);
        this.addCells(this.rowRepeat * this.rowCells);
      }
    }
  }
  private addRows(n: number, sheet: string): void {
    this.rows += n;
    if (this.rows > READ_LIMITS.rows) this.onProblem(new ReadProblem("tropDeLignes", { feuille: sheet, limite: READ_LIMITS.rows }));
  }
  private addCells(n: number): void {
    this.cells += n;
    if (this.cells > READ_LIMITS.cells) this.onProblem(new ReadProblem("tropDeCellules", { limite: READ_LIMITS.cells }));
  }
}

/** Why a file cannot be read: a message id of the `collecte.lecture.*` family and its data. */
export class ReadProblem extends Error {
  constructor(
    readonly messageId: string,
    readonly data: Record<string, string | number> = {},
  ) {
    super(messageId);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

function includesAscii(b: Uint8Array, s: string): boolean {
  const needle = new TextEncoder().encode(s);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Decompresses every entry in a stream, counting bytes, before any parser sees the archive: a zip bomb stops
 * at the limit, an XML part declaring a DTD or entities is refused, an encrypted ODS is recognised.
 */
export function guardZip(bytes: Uint8Array): void {
  let total = 0;
  let entries = 0;
  let problem: ReadProblem | undefined;
  const unzip = new Unzip((file) => {
    if (problem) return;
    if (++entries > READ_LIMITS.entries) {
      problem = new ReadProblem("tropDeFichiers", { limite: READ_LIMITS.entries });
      return;
    }
    const xml = /\.(xml|rels)$/i.test(file.name) || file.name === "mimetype";
    // The tail of the previous chunk, so that a marker cut between two chunks is still seen.
    let tail = "";
    const decoder = new TextDecoder("utf-8", { fatal: false });
    const sheetPart = file.name === "content.xml" || /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    const counter = sheetPart ? new TagCounter(file.name, (p) => (problem ??= p)) : undefined;
    file.ondata = (err, chunk) => {
      if (problem) return;
      if (err) {
        problem = new ReadProblem("corrompu", { detail: err.message });
        return;
      }
      total += chunk.length;
      if (total > READ_LIMITS.unzippedBytes) {
        problem = new ReadProblem("tropGros", { limite: READ_LIMITS.unzippedBytes / 1024 / 1024 });
        file.terminate();
        return;
      }
      if (xml) {
        const decoded = decoder.decode(chunk, { stream: true });
        counter?.push(decoded);
        const text = tail + decoded;
        if (/<!(DOCTYPE|ENTITY)/i.test(text)) problem = new ReadProblem("entite", { partie: file.name });
        if (file.name === "META-INF/manifest.xml" && /encryption-data/.test(text)) problem = new ReadProblem("chiffre");
        tail = text.slice(-32);
      }
    };
    if (file.compression !== 0 && file.compression !== 8) {
      problem = new ReadProblem("corrompu", { detail: `compression ${file.compression}` });
      return;
    }
    try {
      file.start();
    } catch (e) {
      problem = new ReadProblem("corrompu", { detail: String((e as Error).message ?? e) });
    }
  });
  unzip.register(UnzipInflate);
  try {
    // In slices, so that a problem found early stops the work early.
    const step = 1 << 20;
    for (let i = 0; i < bytes.length && !problem; i += step) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length);
  } catch (e) {
    if (!problem) problem = new ReadProblem("corrompu", { detail: String((e as Error).message ?? e) });
  }
  if (problem) throw problem;
  if (entries === 0) throw new ReadProblem("corrompu", { detail: "archive vide" });
}

interface SheetJsCell {
  t: string;
  v?: unknown;
  w?: string;
  f?: string;
  z?: string | number;
}

function isDateFormat(z: string | number | undefined): boolean {
  if (typeof z === "number") return (z >= 14 && z <= 22) || (z >= 45 && z <= 47);
  if (!z) return false;
  const s = z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(s) || /(^|[^h])m{1,4}([^s]|$)/i.test(s) && /d|y/i.test(s);
}

function toRawCell(c: SheetJsCell | undefined): RawCell {
  if (!c) return { text: "", kind: "z" };
  const formula = typeof c.f === "string" && c.f !== "" ? c.f : undefined;
  switch (c.t) {
    case "n": {
      const num = Number(c.v);
      return { text: String(c.v ?? ""), kind: "n", num, isDate: isDateFormat(c.z), formula };
    }
    case "d": {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return { text: Number.isNaN(d.getTime()) ? String(c.v) : d.toISOString().slice(0, 10), kind: "d", formula };
    }
    case "b":
      return { text: c.v ? "true" : "false", kind: "b", formula };
    case "e":
      return { text: c.w ?? "#ERREUR", kind: "e", formula };
    case "s":
    case "str":
      return { text: String(c.v ?? "").trim(), kind: "s", formula };
    default:
      return { text: String(c.v ?? "").trim(), kind: c.v === undefined || c.v === "" ? "z" : "s", formula };
  }
}

/** An ODS or XLSX file → its sheets (after `guardZip`). */
export async function readSpreadsheet(bytes: Uint8Array): Promise<RawBook> {
  if (bytes.length > READ_LIMITS.fileBytes) throw new ReadProblem("tropGrosFichier", { limite: READ_LIMITS.fileBytes / 1024 / 1024 });
  if (startsWith(bytes, CFB)) {
    // An OLE container: an encrypted OOXML workbook (Excel's « protect with password »), or an old .xls.
    throw new ReadProblem(includesAscii(bytes, "EncryptionInfo") || includesAscii(bytes, "E\u0000n\u0000c\u0000r\u0000y\u0000p\u0000t\u0000i\u0000o\u0000n") ? "chiffre" : "format");
  }
  if (!startsWith(bytes, ZIP)) throw new ReadProblem("format");
  guardZip(bytes);
  const XLSX = await import("@e965/xlsx");
  let wb: import("@e965/xlsx").WorkBook;
  // SheetJS reports some odd number formats on console.error: a library must not write on the terminal, so its
  // console is silenced for the duration of this synchronous call (what it reports changes nothing we read).
  const saved = { error: console.error, warn: console.warn };
  console.error = console.warn = () => undefined;
  try {
    wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellDates: false, cellNF: true, cellStyles: false, sheetRows: READ_LIMITS.rows + 1, dense: true, WTF: false });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(msg)) throw new ReadProblem("chiffre");
    throw new ReadProblem("corrompu", { detail: msg.slice(0, 200) });
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
  }
  const sheets: RawSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name] as unknown as Record<string, unknown> & { "!data"?: SheetJsCell[][] };
    const full = (ws["!fullref"] ?? ws["!ref"]) as string | undefined;
    if (full) {
      const range = XLSX.utils.decode_range(full);
      if (range.e.r + 1 > READ_LIMITS.rows) throw new ReadProblem("tropDeLignes", { feuille: name, limite: READ_LIMITS.rows });
    }
    const data = ws["!data"] ?? [];
    const rows: RawCell[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r] ?? [];
      const cells: RawCell[] = [];
      for (let c = 0; c < row.length; c++) cells.push(toRawCell(row[c]));
      rows.push(cells);
    }
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    sheets.push({ name, hidden, rows });
  });
  return { sheets };
}

/** A CSV file (`;`, UTF-8 with or without BOM) → one sheet of text cells. A leading `'` that guarded a formula sign is dropped. */
export function readCsvSheet(bytes: Uint8Array, name: string): RawSheet {
  if (bytes.length > READ_LIMITS.fileBytes) throw new ReadProblem("tropGrosFichier", { limite: READ_LIMITS.fileBytes / 1024 / 1024 });
  const { text } = decodeCsv(bytes);
  const records = parseCsv(text, detectDelimiter(text));
  if (records.length > READ_LIMITS.rows) throw new ReadProblem("tropDeLignes", { feuille: name, limite: READ_LIMITS.rows });
  const rows = records.map((r) =>
    r.fields.map((f): RawCell => {
      const s = f.trim();
      if (/^'[=+\-@]/.test(s)) return { text: s.slice(1), kind: "s" };
      // Only `=` starts a formula a spreadsheet would run from a CSV field; `+33 2 99…` is a telephone number.
      if (s.startsWith("=")) return { text: s, kind: "s", formula: s.slice(1) };
      return { text: s, kind: s === "" ? "z" : "s" };
    }),
  );
  return { name, hidden: false, rows };
}

/** CSV export: a cell's text, quoted when needed, a leading formula sign guarded by `'`. */
export function csvField(s: string): string {
  const guarded = /^[=+\-@\t\r]/.test(s) && !/^-?\d+([.,]\d+)?$/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
