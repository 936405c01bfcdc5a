// Load, block reader: the reader itself — one pass over the text, one line at a time, building values (and, when
// asked, the position log) without a syntax tree. Whatever is outside the subset throws `DECLINE`.
import { resolvePlain } from "../scalar.js";
import { Log } from "./log.js";
import { Ch } from "./chars.js";

export interface BlockDoc {
  /** The document's value (null when only positions were asked for). */
  value: unknown;
  /** Offset of the document's first key. */
  contentStart: number;
  /** The position log, when asked for with the values (see `LogDocAst`); absent when its keys cannot be followed. */
  log?: Int32Array;
}

/** Thrown (one shared instance, no stack) when the file is outside the subset. */
export const DECLINE = Object.freeze({ decline: true });

/** Characters that cannot start a plain scalar (YAML c-indicator), `-` aside. */
function isIndicator(c: number): boolean {
  switch (c) {
    case Ch.QUESTION:
    case Ch.COLON:
    case Ch.COMMA:
    case Ch.LBRACKET:
    case Ch.RBRACKET:
    case Ch.LBRACE:
    case Ch.RBRACE:
    case Ch.HASH:
    case Ch.AMPERSAND:
    case Ch.ASTERISK:
    case Ch.BANG:
    case Ch.PIPE:
    case Ch.GREATER:
    case Ch.SQUOTE:
    case Ch.DQUOTE:
    case Ch.PERCENT:
    case Ch.AT:
    case Ch.BACKTICK:
      return true;
    default:
      return false;
  }
}

function isFlowIndicator(c: number): boolean {
  return c === Ch.COMMA || c === Ch.LBRACKET || c === Ch.RBRACKET || c === Ch.LBRACE || c === Ch.RBRACE;
}

/** Up to this many digits, a plain scalar made of digits is an integer `Number` reads exactly (below 2^53). */
const EXACT_DIGITS = 15;
/** Longer keys are declined: YAML limits an implicit key to 1024 characters, and the reference parser says so. */
const MAX_KEY_LENGTH = 1024;

/** Core-schema value of a plain scalar; most territory scalars are text starting with a letter. */
function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // A letter that cannot begin `true`, `false` or `null` (in any of their spellings), or a non-ASCII one.
  if (
    (c >= Ch.LOWER_A && c <= Ch.LOWER_Z && c !== Ch.LOWER_F && c !== Ch.LOWER_N && c !== Ch.LOWER_T) ||
    (c >= Ch.UPPER_A && c <= Ch.UPPER_Z && c !== Ch.UPPER_F && c !== Ch.UPPER_N && c !== Ch.UPPER_T) ||
    c > Ch.ASCII_LAST
  )
    return s;
  if (c >= Ch.DIGIT_0 && c <= Ch.DIGIT_9 && s.length <= EXACT_DIGITS) {
    let digits = true;
    for (let i = 1; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d < Ch.DIGIT_0 || d > Ch.DIGIT_9) {
        digits = false;
        break;
      }
    }
    if (digits) return Number(s);
  }
  return resolvePlain(s);
}

/** Records a key of a mapping read without values; a duplicate is declined, as the values' own check does. */
function noDuplicate(keys: Set<string>, key: string): void {
  if (keys.has(key)) throw DECLINE;
  keys.add(key);
}

/** The log being written, shared by every reading (each document's is copied out): one allocation, not one a file. */
let scratchLog = new Int32Array(6 * 1024);

/** Keys a JS object orders before the others (array indices). */
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

/** Where the reader stands: past the end, on a line of content, or on a `---` line. */
const EOF = 0;
const CONTENT = 1;
const DOC_START = 2;

export class Reader {
  private readonly n: number;
  /** The current line: its start, its end (its CR LF or LF, or the end of text), its first non-space character, the next line's start. */
  private ls = 0;
  private le = 0;
  private ci = 0;
  private nl = 0;
  private state = EOF;
  /** Results of the last scans (key, scalar): kept in fields so that scanning allocates nothing. */
  private kStr = "";
  private kS = 0;
  private kE = 0;
  private afterColon = 0;
  private sStr = "";
  private sEnd = 0;
  /** The position log of the current document (see `LogDocAst`), its length in integers, and whether it can be followed. */
  private log: Int32Array | null;
  private len = 0;
  private ordered = true;
  /** Start (-1: an empty value), end and kind flags of the last value read, for the log. */
  private vs = -1;
  private ve = -1;
  private vf = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    /** Build values (and check duplicate keys). */
    private readonly values: boolean,
    record: boolean,
  ) {
    this.n = text.length;
    this.log = record ? scratchLog : null;
  }

  /** A key like "12" comes first in a JS object whatever its place in the file: a log cannot follow such keys by order. */
  private checkOrder(key: string): void {
    const c = key.charCodeAt(0);
    if (c >= Ch.DIGIT_0 && c <= Ch.DIGIT_9 && INDEX_KEY.test(key)) this.ordered = false;
  }

  /** A log entry for a map entry or list item (its key range, or -1); returns its node number. */
  private rec(kS: number, kE: number): number {
    let log = this.log!;
    if (this.len + Log.REC > log.length) {
      const bigger = new Int32Array(log.length * 2);
      bigger.set(log);
      this.log = scratchLog = log = bigger;
    }
    const i = this.len;
    log[i] = kS;
    log[i + 1] = kE;
    this.len += Log.REC;
    return i;
  }

  /** Completes a log entry with the value just read; `next` is the node after its subtree. */
  private fin(i: number): void {
    const log = this.log!;
    log[i + 2] = this.vs;
    log[i + 3] = this.ve;
    log[i + 4] = this.vf;
    log[i + 5] = this.len / Log.REC;
  }

  documents(): BlockDoc[] {
    const docs: BlockDoc[] = [];
    this.nextLine(0);
    for (;;) {
      if (this.state === EOF) return docs;
      if (this.state === DOC_START) {
        this.nextLine(this.nl);
        continue;
      }
      const start = this.ci;
      if (!this.scanKey(start)) throw DECLINE; // a root that is not a mapping: the other parsers say what it is
      this.len = 0;
      this.ordered = true;
      const root = this.log ? this.rec(-1, -1) : 0;
      const value = this.map(start, 1);
      if (this.state === CONTENT) throw DECLINE; // a line left of the root mapping
      let log: Int32Array | undefined;
      if (this.log) {
        this.fin(root);
        if (this.ordered) log = this.log.slice(0, this.len);
      }
      docs.push({ value, contentStart: start, log });
    }
  }

  /** Moves to the next line holding content, from offset `from` (a line start). */
  private nextLine(from: number): void {
    const t = this.text;
    const n = this.n;
    let p = from;
    while (p < n) {
      let e = t.indexOf("\n", p);
      let nl: number;
      if (e < 0) e = nl = n;
      else {
        nl = e + 1;
        if (e > p && t.charCodeAt(e - 1) === Ch.CR) e--; // CR LF
      }
      let c = p;
      while (c < e && t.charCodeAt(c) === Ch.SPACE) c++;
      if (c === e || t.charCodeAt(c) === Ch.HASH) {
        p = nl;
        continue;
      }
      this.ls = p;
      this.le = e;
      this.ci = c;
      this.nl = nl;
      if (c === p && e - p >= 3) {
        const c0 = t.charCodeAt(p);
        if ((c0 === Ch.DASH || c0 === Ch.DOT) && t.charCodeAt(p + 1) === c0 && t.charCodeAt(p + 2) === c0 && (p + 3 === e || t.charCodeAt(p + 3) === Ch.SPACE)) {
          if (c0 === Ch.DOT) throw DECLINE; // `...`
          let q = p + 3;
          while (q < e && t.charCodeAt(q) === Ch.SPACE) q++;
          if (q < e && t.charCodeAt(q) !== Ch.HASH) throw DECLINE; // content on the `---` line
          this.state = DOC_START;
          return;
        }
      }
      this.state = CONTENT;
      return;
    }
    this.ls = this.le = this.ci = this.nl = n;
    this.state = EOF;
  }

  private isSeqEntry(p: number): boolean {
    return this.text.charCodeAt(p) === Ch.DASH && (p + 1 === this.le || this.text.charCodeAt(p + 1) === Ch.SPACE);
  }

  /** Whether a plain scalar may start at `p`. */
  private plainStart(p: number, flow: boolean): boolean {
    const c = this.text.charCodeAt(p);
    if (c === Ch.DASH) {
      if (p + 1 >= this.le) return false;
      const d = this.text.charCodeAt(p + 1);
      return d !== Ch.SPACE && !(flow && isFlowIndicator(d));
    }
    return !isIndicator(c);
  }

  /** A block key at `p`: sets kStr/kS/kE/afterColon; false when the line is not `key:`. */
  private scanKey(p: number): boolean {
    const t = this.text;
    const le = this.le;
    const c = t.charCodeAt(p);
    let r: number;
    if (c === Ch.DQUOTE || c === Ch.SQUOTE) {
      r = c === Ch.DQUOTE ? this.scanDouble(p) : this.scanSingle(p);
      if (r - p > MAX_KEY_LENGTH) throw DECLINE;
      this.kStr = this.sStr;
      this.kS = p;
      this.kE = r;
      while (r < le && t.charCodeAt(r) === Ch.SPACE) r++;
      if (r >= le || t.charCodeAt(r) !== Ch.COLON || (r + 1 < le && t.charCodeAt(r + 1) !== Ch.SPACE)) return false;
    } else {
      if (!this.plainStart(p, false)) return false;
      r = p;
      for (;;) {
        if (r >= le) return false;
        const ch = t.charCodeAt(r);
        if (ch === Ch.COLON && (r + 1 === le || t.charCodeAt(r + 1) === Ch.SPACE)) break;
        if (ch === Ch.HASH && t.charCodeAt(r - 1) === Ch.SPACE) return false;
        r++;
      }
      let e = r;
      while (t.charCodeAt(e - 1) === Ch.SPACE) e--;
      const key = t.slice(p, e);
      if (e - p > MAX_KEY_LENGTH || key === "<<" || typeof plainValue(key) !== "string") throw DECLINE;
      this.kStr = key;
      this.kS = p;
      this.kE = e;
    }
    this.afterColon = r + 1;
    return true;
  }

  /** A double-quoted scalar on one line; returns the offset after its closing quote (value in sStr). */
  private scanDouble(p: number): number {
    const t = this.text;
    const le = this.le;
    let out = "";
    let from = p + 1;
    for (let j = from; j < le; j++) {
      const ch = t.charCodeAt(j);
      if (ch === Ch.DQUOTE) {
        this.sStr = out + t.slice(from, j);
        return j + 1;
      }
      if (ch !== Ch.BACKSLASH) continue;
      out += t.slice(from, j);
      if (j + 1 >= le) throw DECLINE; // an escaped line break
      const esc = t[j + 1];
      let len = 0;
      switch (esc) {
        case "0": out += "\0"; break;
        case "a": out += "\x07"; break;
        case "b": out += "\b"; break;
        case "t": out += "\t"; break;
        case "n": out += "\n"; break;
        case "v": out += "\v"; break;
        case "f": out += "\f"; break;
        case "r": out += "\r"; break;
        case "e": out += "\x1b"; break;
        case " ": out += " "; break;
        case '"': out += '"'; break;
        case "/": out += "/"; break;
        case "\\": out += "\\"; break;
        case "N": out += "\x85"; break;
        case "_": out += "\xa0"; break;
        case "L": out += "\u2028"; break;
        case "P": out += "\u2029"; break;
        case "x": len = 2; break;
        case "u": len = 4; break;
        case "U": len = 8; break;
        default: throw DECLINE;
      }
      if (len > 0) {
        const hex = t.slice(j + 2, j + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) throw DECLINE;
        out += String.fromCodePoint(cp);
      }
      j += 1 + len;
      from = j + 1;
    }
    throw DECLINE; // not closed on its line
  }

  /** A single-quoted scalar on one line (`''` is a quote). */
  private scanSingle(p: number): number {
    const t = this.text;
    const le = this.le;
    let out = "";
    let from = p + 1;
    for (let j = from; j < le; j++) {
      if (t.charCodeAt(j) !== Ch.SQUOTE) continue;
      if (j + 1 < le && t.charCodeAt(j + 1) === Ch.SQUOTE) {
        out += t.slice(from, j + 1);
        from = j + 2;
        j++;
        continue;
      }
      this.sStr = out + t.slice(from, j);
      return j + 1;
    }
    throw DECLINE;
  }

  /** Only spaces and a comment may follow a value on its line. */
  private endOfLine(p: number): void {
    const t = this.text;
    const le = this.le;
    if (p >= le) return;
    if (t.charCodeAt(p) !== Ch.SPACE) throw DECLINE;
    while (p < le && t.charCodeAt(p) === Ch.SPACE) p++;
    if (p < le && t.charCodeAt(p) !== Ch.HASH) throw DECLINE;
  }

  private setKey(out: Record<string, unknown>, key: string, value: unknown): void {
    if (Object.prototype.hasOwnProperty.call(out, key)) throw DECLINE; // the reference parser reports duplicates
    // `__proto__` stays an own data property, as with the reference parser: never a prototype change.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }

  /** A block mapping whose first key (already scanned) is at `p`; returns at the first line left of it. */
  private map(p: number, depth: number): Record<string, unknown> | null {
    if (depth > this.maxDepth) throw DECLINE;
    const t = this.text;
    const col = p - this.ls;
    const out: Record<string, unknown> | null = this.values ? {} : null;
    // Without values, duplicate keys are still declined: a reading for positions accepts what a first reading did.
    const keys: Set<string> | null = out ? null : new Set();
    let lastEnd = 0;
    for (;;) {
      const key = this.kStr;
      const kS = this.kS;
      const kE = this.kE;
      let q = this.afterColon;
      while (q < this.le && t.charCodeAt(q) === Ch.SPACE) q++;
      let value: unknown = null;
      this.vs = this.ve = -1;
      this.vf = 0;
      const entry = this.log ? this.rec(kS, kE) : 0;
      if (this.log) this.checkOrder(key);
      if (q >= this.le || t.charCodeAt(q) === Ch.HASH) {
        // Nothing on the key's line: a nested block below, a list at the same indentation, or an empty value.
        this.nextLine(this.nl);
        if (this.state === CONTENT) {
          const ind = this.ci - this.ls;
          if (ind > col) value = this.block(depth + 1);
          else if (ind === col && this.isSeqEntry(this.ci)) value = this.seq(this.ci, depth + 1);
        }
      } else {
        value = this.inline(q, depth + 1);
        this.nextLine(this.nl);
      }
      if (out) this.setKey(out, key, value);
      else noDuplicate(keys!, key);
      if (this.log) this.fin(entry);
      lastEnd = this.vs >= 0 ? this.ve : kE;
      if (this.state !== CONTENT) break;
      const ind = this.ci - this.ls;
      if (ind < col) break;
      if (ind > col || !this.scanKey(this.ci)) throw DECLINE;
    }
    this.vs = p;
    this.ve = lastEnd;
    this.vf = Log.F_MAP;
    return out;
  }

  /** A block list whose first `-` is at `p`; returns at the first line that is not one of its entries. */
  private seq(p: number, depth: number): unknown[] | null {
    if (depth > this.maxDepth) throw DECLINE;
    const t = this.text;
    const col = p - this.ls;
    const out: unknown[] | null = this.values ? [] : null;
    const start = p;
    for (;;) {
      let q = p + 1;
      while (q < this.le && t.charCodeAt(q) === Ch.SPACE) q++;
      let item: unknown;
      const entry = this.log ? this.rec(-1, -1) : 0;
      if (q >= this.le || t.charCodeAt(q) === Ch.HASH) {
        this.nextLine(this.nl);
        if (this.state !== CONTENT || this.ci - this.ls <= col) throw DECLINE; // an empty entry
        item = this.block(depth + 1);
      } else if (this.isSeqEntry(q)) {
        throw DECLINE; // `- - x`
      } else if (this.scanKey(q)) {
        item = this.map(q, depth + 1);
      } else {
        item = this.inline(q, depth + 1);
        this.nextLine(this.nl);
      }
      out?.push(item);
      if (this.log) this.fin(entry);
      if (this.state !== CONTENT || this.ci - this.ls !== col || !this.isSeqEntry(this.ci)) break;
      p = this.ci;
    }
    // The list ends where its last item ends: `ve` is still that item's.
    this.vs = start;
    this.vf = Log.F_SEQ;
    return out;
  }

  /** A block node starting a line, more indented than its parent: a mapping or a list. */
  private block(depth: number): unknown {
    if (this.isSeqEntry(this.ci)) return this.seq(this.ci, depth);
    if (!this.scanKey(this.ci)) throw DECLINE; // a scalar or a flow on its own line
    return this.map(this.ci, depth);
  }

  /** A value on the rest of a line: a one-line scalar or flow, then only spaces and a comment. */
  private inline(q: number, depth: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(q);
    let value: unknown;
    let end: number;
    if (c === Ch.LBRACE || c === Ch.LBRACKET) {
      value = this.flow(q, depth);
      end = this.sEnd;
    } else if (c === Ch.DQUOTE || c === Ch.SQUOTE) {
      end = c === Ch.DQUOTE ? this.scanDouble(q) : this.scanSingle(q);
      value = this.sStr;
      this.vs = q;
      this.ve = end;
      this.vf = 0;
    } else {
      if (!this.plainStart(q, false)) throw DECLINE;
      const le = this.le;
      let r = q;
      while (r < le) {
        const ch = t.charCodeAt(r);
        if (ch === Ch.COLON && (r + 1 === le || t.charCodeAt(r + 1) === Ch.SPACE)) throw DECLINE; // `a: b: c`
        if (ch === Ch.HASH && t.charCodeAt(r - 1) === Ch.SPACE) break;
        r++;
      }
      let e = r;
      while (t.charCodeAt(e - 1) === Ch.SPACE) e--;
      end = e;
      if (this.values) value = plainValue(t.slice(q, e));
      this.vs = q;
      this.ve = e;
      this.vf = 0;
    }
    this.endOfLine(end);
    return value;
  }

  /** A flow mapping or list closed on its line; sets sEnd after the closing bracket. */
  private flow(p: number, depth: number): unknown {
    if (depth > this.maxDepth) throw DECLINE;
    const t = this.text;
    const le = this.le;
    const isMap = t.charCodeAt(p) === Ch.LBRACE;
    const close = isMap ? Ch.RBRACE : Ch.RBRACKET;
    const obj: Record<string, unknown> | null = isMap && this.values ? {} : null;
    const keys: Set<string> | null = isMap && !obj ? new Set() : null;
    const arr: unknown[] | null = !isMap && this.values ? [] : null;
    let q = p + 1;
    let first = true;
    for (;;) {
      while (q < le && t.charCodeAt(q) === Ch.SPACE) q++;
      if (q >= le) throw DECLINE; // continues on the next line
      if (t.charCodeAt(q) === close) {
        if (!first) throw DECLINE; // a trailing comma
        break;
      }
      first = false;
      if (isMap) {
        // key
        const c = t.charCodeAt(q);
        let key: string;
        let kE: number;
        let r: number;
        if (c === Ch.DQUOTE || c === Ch.SQUOTE) {
          r = c === Ch.DQUOTE ? this.scanDouble(q) : this.scanSingle(q);
          key = this.sStr;
          kE = r;
          while (r < le && t.charCodeAt(r) === Ch.SPACE) r++;
        } else {
          r = this.flowPlain(q);
          kE = this.sEnd;
          key = t.slice(q, kE);
          if (key === "<<" || typeof plainValue(key) !== "string") throw DECLINE;
        }
        if (t.charCodeAt(r) !== Ch.COLON || t.charCodeAt(r + 1) !== Ch.SPACE) throw DECLINE; // `{ a }`, `{ "a":1 }`, `{ a: }`
        r += 2;
        while (r < le && t.charCodeAt(r) === Ch.SPACE) r++;
        const kS = q;
        const entry = this.log ? this.rec(kS, kE) : 0;
        if (this.log) this.checkOrder(key);
        const value = this.flowValue(r, depth + 1);
        if (this.sEnd === r) throw DECLINE; // an empty value
        if (obj) this.setKey(obj, key, value);
        else noDuplicate(keys!, key);
        if (this.log) this.fin(entry);
        q = this.sEnd;
      } else {
        const entry = this.log ? this.rec(-1, -1) : 0;
        const value = this.flowValue(q, depth + 1);
        if (this.sEnd === q) throw DECLINE; // an empty entry
        arr?.push(value);
        if (this.log) this.fin(entry);
        q = this.sEnd;
      }
      while (q < le && t.charCodeAt(q) === Ch.SPACE) q++;
      const sep = t.charCodeAt(q);
      if (sep === Ch.COMMA) {
        q++;
        continue;
      }
      if (sep !== close) throw DECLINE;
      break;
    }
    this.sEnd = q + 1;
    this.vs = p;
    this.ve = q + 1;
    this.vf = (isMap ? Log.F_MAP : Log.F_SEQ) | Log.F_FLOW;
    return obj ?? arr;
  }

  /** A value inside a flow: a scalar or a nested flow; sets sEnd (and the value's range, for the log). */
  private flowValue(q: number, depth: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(q);
    if (c === Ch.LBRACE || c === Ch.LBRACKET) return this.flow(q, depth);
    if (c === Ch.DQUOTE || c === Ch.SQUOTE) {
      const end = c === Ch.DQUOTE ? this.scanDouble(q) : this.scanSingle(q);
      this.sEnd = end;
      this.vs = q;
      this.ve = end;
      this.vf = 0;
      return this.sStr;
    }
    if (q >= this.le || isFlowIndicator(c)) {
      this.sEnd = q;
      return null;
    }
    const r = this.flowPlain(q);
    if (t.charCodeAt(r) === Ch.COLON) throw DECLINE; // `[a: b]`, a pair in a list
    const e = this.sEnd;
    this.sEnd = r;
    this.vs = q;
    this.ve = e;
    this.vf = 0;
    return this.values ? plainValue(t.slice(q, e)) : null;
  }

  /** A plain scalar inside a flow: returns where it stops (a flow indicator or `: `); sEnd is its trimmed end. */
  private flowPlain(q: number): number {
    const t = this.text;
    const le = this.le;
    if (!this.plainStart(q, true)) throw DECLINE;
    let r = q;
    for (;;) {
      if (r >= le) throw DECLINE;
      const ch = t.charCodeAt(r);
      if (isFlowIndicator(ch)) break;
      if (ch === Ch.COLON) {
        const d = r + 1 < le ? t.charCodeAt(r + 1) : Ch.SPACE;
        if (d === Ch.SPACE || isFlowIndicator(d)) break;
      }
      if (ch === Ch.HASH && t.charCodeAt(r - 1) === Ch.SPACE) throw DECLINE; // a comment inside a flow
      r++;
    }
    if (t.charCodeAt(r) === Ch.LBRACE || t.charCodeAt(r) === Ch.LBRACKET) throw DECLINE;
    let e = r;
    while (t.charCodeAt(e - 1) === Ch.SPACE) e--;
    this.sEnd = e;
    return r;
  }
}
