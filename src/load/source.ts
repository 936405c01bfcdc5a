// Load: read bytes, check the encoding, and keep the text with a line index for positions.
import type { DocAst } from "./ast.js";

/** A file's text and what is needed to turn offsets into lines and columns. */
export interface SourceFile {
  /** Path as shown to users: relative to the working directory, with `/` separators. */
  file: string;
  text: string;
  /** Offsets where lines start; built on first use (most files never need a position). */
  lineStarts?: number[];
  /** Position indexes of the file's documents, rebuilt on demand when they were not kept. */
  asts?: DocAst[];
  /** Positions already computed, by document, side and pointer, kept by long-lived callers while the file is unchanged. */
  located?: Map<string, { line: number; column: number; endLine: number; endColumn: number }>;
}

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: "utf16" | "binaire" | "utf8"; line: number; column: number };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (a BOM is accepted and dropped); otherwise says why and where the first bad byte is. */
export function decode(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: "utf16", line: 1, column: 1 };
  }
  if (looksUtf16(bytes)) return { ok: false, reason: "utf16", line: 1, column: 1 };
  const nulByte = bytes.indexOf(0);
  if (nulByte >= 0) {
    let line = 1;
    let start = 0;
    for (let i = 0; i < nulByte; i++) if (bytes[i] === 0x0a) (line++, (start = i + 1));
    return { ok: false, reason: "binaire", line, column: nulByte - start + 1 };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const { line, column } = firstBadByte(bytes);
    return { ok: false, reason: "utf8", line, column };
  }
  return { ok: true, text };
}

/** UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero. */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return (even > pairs * 0.4 && odd < pairs * 0.05) || (odd > pairs * 0.4 && even < pairs * 0.05);
}

/** Line and column (1-based, in bytes) of the first byte that is not valid UTF-8. */
function firstBadByte(b: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return { line, column: i - lineStart + 1 };
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return { line, column: i - lineStart + 1 };
    }
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += n + 1;
  }
  return { line, column: 1 };
}

export function makeSource(file: string, text: string): SourceFile {
  return { file, text };
}

/** Offsets where each line starts (line 1 at offset 0). */
export function lineStarts(src: SourceFile): number[] {
  if (!src.lineStarts) {
    // YAML line breaks: LF, CRLF, and a lone CR (files saved by old Mac tools).
    const starts = [0];
    const t = src.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    src.lineStarts = starts;
  }
  return src.lineStarts;
}

/** 1-based line and column of an offset. */
export function linePos(src: SourceFile, offset: number): { line: number; column: number } {
  const starts = lineStarts(src);
  const o = Math.max(0, Math.min(offset, src.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: o - starts[lo] + 1 };
}
