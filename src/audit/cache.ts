// Audit: the `--cache` of the per-file stage. An unchanged file is neither read nor parsed: it is recognised by its
// path, size, modification time, change time and inode (`stat`), as ESLint's metadata strategy does, and by its
// content hash when in doubt (the metadata moved but maybe not the bytes; a file modified in the same clock tick as
// it was read). Each entry keeps the file's stage result — each document's facts (its value projected to the fact
// families, src/model/compact; whole values when the run keeps them), its schema violations, suppressions, parse
// problems and document-phase findings, all located — and the positions already computed for it, so that its
// findings are located without reading it again; a finding at a place never located before reads the file then (its
// text is loaded on first use). An entry whose document-phase findings were made under other settings is refused
// when only facts are kept (`accept` of `lookup`): the file is read again.
//
// One file: a small header (the metadata and positions of every entry) then each entry's result, serialized apart,
// so that a re-run rewrites only the entries that changed and copies the others' bytes. The header says the body's
// length and checksum: a truncated or damaged cache is never trusted, it is rebuilt silently. The caller writes it
// atomically (temporary file then rename): concurrent runs each write a whole cache, the last one stays.
// Measured on the académie corpus (4,772 files, 8 MB of cache): taking every entry back costs 0.1–0.2 s of CPU where
// reading, parsing and validating the files costs 0.6–0.8 s; one JSON body parsed at once was not clearly faster
// (0.10–0.22 s against 0.17–0.19 s) and cannot hold every YAML value (-0, .inf, .nan). With a cache the files are
// looked up on the engine's thread; those it cannot answer are read on worker threads too when there are many.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { serialize, deserialize } from "node:v8";
import * as zlib from "node:zlib";
import type { FileResult, DocResult } from "./document-check.js";
import { contentHash } from "../load/stage/file.js";
import type { SourceFile } from "../load/source.js";

const MAGIC = "GVNCACHE";
const FORMAT = 5;

/** A position already computed in a file: line, column, end line, end column. */
type Position = { line: number; column: number; endLine: number; endColumn: number };

/** What a file's entry says about it, in the header. */
interface Meta {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** When the file was read (ms): a modification time this recent is not proof enough (see `lookup`). */
  readAt: number;
  hash: string;
  /** Positions by key (see the engine's `locateAll`), flattened: key, line, column, end line, end column… */
  located: Array<string | number>;
}

interface Header {
  format: typeof FORMAT;
  key: string;
  bodyLength: number;
  bodyCheck: number | string;
  /** Absolute path → metadata and the entry's place in the body. */
  files: Array<[string, Meta, number, number]>;
}

/** A file's stage result without what the cache does not keep (the text, the display name, the position logs). */
type Stored = Pick<FileResult, "parser" | "problems"> & { docs: Array<Omit<DocResult, "log">> };

interface Entry {
  meta: Meta;
  /** The serialized `Stored`. */
  blob: Uint8Array;
  /** The run's source for this file, whose positions are kept when the cache is written. */
  source?: SourceFile;
}

/** What `store` needs of a file that was not in the cache: its metadata before reading, and its bytes if already read. */
export interface Miss {
  stat: Stat | undefined;
  readAt: number;
  bytes?: Uint8Array;
  hash?: string;
}

/** How the lookup of a file went: a hit, a miss, or the file as read while comparing (too big to read). */
export type Lookup = { hit: FileResult; source: SourceFile } | { miss: Miss } | { unreadable: FileResult };

type Stat = { size: number; mtimeMs: number; ctimeMs: number; ino: number };

/** A modification time this close to the time the file was read may hide a second write in the same tick. */
const RACY_MS = 2000;

/** The body's check (crc32 where Node has it, else SHA-1), over its pieces as over their concatenation. */
function check(...pieces: Uint8Array[]): number | string {
  const crc = (zlib as { crc32?: (b: Uint8Array, value?: number) => number }).crc32;
  if (crc) return pieces.reduce((value, p) => crc(p, value), 0);
  const h = createHash("sha1");
  for (const p of pieces) h.update(p);
  return h.digest("hex");
}

export class FileCache {
  private readonly old = new Map<string, Entry>();
  private readonly used = new Map<string, Entry>();
  private changed = false;
  /** Files taken from the cache on their metadata alone: neither read nor parsed. */
  hits = 0;
  /** Files whose metadata changed but whose bytes did not (read and hashed, not parsed). */
  hashHits = 0;
  /** Files read and parsed. */
  misses = 0;

  /** `bytes` is the stored cache (or undefined); `key` identifies what the entries depend on besides the files. */
  constructor(
    readonly key: string,
    bytes?: Uint8Array,
  ) {
    if (!bytes) return;
    try {
      this.load(bytes);
    } catch {
      this.old.clear(); // a damaged cache is rebuilt, never an error
    }
    if (this.old.size === 0) this.changed = true;
  }

  private load(bytes: Uint8Array, anyKey = false): Header | undefined {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.length < 16 || view.toString("latin1", 0, 8) !== MAGIC) return;
    const headerLength = view.readUInt32LE(8);
    const headerCheck = view.readUInt32LE(12);
    if (16 + headerLength > view.length) return;
    const headerBytes = view.subarray(16, 16 + headerLength);
    if (crc32u(headerBytes) !== headerCheck) return;
    const h = deserialize(headerBytes) as Header;
    if (h?.format !== FORMAT || (h.key !== this.key && !anyKey) || !Array.isArray(h.files)) return;
    const body = view.subarray(16 + headerLength);
    if (body.length !== h.bodyLength || check(body) !== h.bodyCheck) return;
    for (const [abs, meta, off, len] of h.files) {
      if (off < 0 || off + len > body.length) return void this.old.clear();
      this.old.set(abs, { meta, blob: body.subarray(off, off + len) });
    }
    return h;
  }

  /** What a stored cache holds (its key and the files it knows), or undefined when it is not a whole, readable cache. */
  static inspect(bytes: Uint8Array): { key: string; files: string[] } | undefined {
    const c = new FileCache("", undefined);
    try {
      const h = c.load(bytes, true);
      return h ? { key: h.key, files: [...c.old.keys()] } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Looks a file up. A hit gives its stage result, shown under `display`, with a source whose text is read only if
   * needed. Otherwise the file's metadata (and its bytes when they had to be read to compare hashes) for `store`.
   */
  lookup(abs: string, display: string, read: () => Uint8Array | FileResult, accept?: (r: FileResult) => boolean): Lookup {
    const readAt = Date.now();
    const st = statOf(abs);
    const e = this.used.get(abs) ?? this.old.get(abs);
    if (!e || !st) return { miss: { stat: st, readAt } };
    const m = e.meta;
    const same = st.size === m.size && st.mtimeMs === m.mtimeMs && st.ctimeMs === m.ctimeMs && st.ino === m.ino;
    // Trusted without reading: same metadata, and the file was last modified well before it was read.
    if (same && m.mtimeMs < m.readAt - RACY_MS) {
      const l = this.revive(abs, display, e, undefined, accept);
      if (!l) return { miss: { stat: st, readAt } };
      this.hits++;
      return l;
    }
    // In doubt (the metadata moved, or a recent modification): the bytes decide. Another size is another content.
    if (st.size !== m.size) return { miss: { stat: st, readAt } };
    const bytes = read();
    if (!(bytes instanceof Uint8Array)) return { unreadable: bytes };
    const hash = contentHash(bytes);
    if (hash !== m.hash) return { miss: { stat: st, readAt, bytes, hash } };
    const renewed: Entry = { meta: { ...m, ...st, readAt }, blob: e.blob };
    const l = this.revive(abs, display, renewed, bytes, accept);
    if (!l) return { miss: { stat: st, readAt, bytes, hash } };
    this.hashHits++;
    this.changed = true;
    return l;
  }

  /** An entry taken back, unless `accept` refuses it (then undefined: a miss). */
  private revive(abs: string, display: string, e: Entry, bytes?: Uint8Array, accept?: (r: FileResult) => boolean): { hit: FileResult; source: SourceFile } | undefined {
    const s = deserialize(e.blob) as Stored;
    const result: FileResult = { file: display, parser: s.parser, problems: s.problems, docs: s.docs };
    if (accept && !accept(result)) return undefined;
    const located = new Map<string, Position>();
    const flat = e.meta.located;
    for (let i = 0; i + 4 < flat.length; i += 5) {
      located.set(flat[i] as string, { line: flat[i + 1] as number, column: flat[i + 2] as number, endLine: flat[i + 3] as number, endColumn: flat[i + 4] as number });
    }
    const source = lazySource(display, abs, bytes);
    source.located = located;
    const entry: Entry = { meta: e.meta, blob: e.blob, source };
    this.used.set(abs, entry);
    return { hit: result, source };
  }

  /** Keeps a file's result (`r.hash`: the digest of the bytes it was computed from), with the metadata found before reading it; `source` is its run's source. */
  store(abs: string, l: Miss, r: FileResult, source: SourceFile): void {
    this.misses++;
    if (!l.stat || r.unreadable || r.hash === undefined) return;
    const stored: Stored = { parser: r.parser, problems: r.problems, docs: r.docs.map(({ log: _l, ...d }) => d) };
    const meta: Meta = { ...l.stat, readAt: l.readAt, hash: r.hash, located: [] };
    this.used.set(abs, { meta, blob: serialize(stored), source });
    this.changed = true;
  }

  /** Whether the stored cache needs rewriting: new or renewed entries, files gone, positions computed for the first time. */
  get dirty(): boolean {
    if (this.changed || this.used.size !== this.old.size) return true;
    for (const e of this.used.values()) if (e.source?.located && e.source.located.size * 5 !== e.meta.located.length) return true;
    return false;
  }

  /** The cache to store: only the entries of this run, so it never grows with deleted files. */
  serialize(): Uint8Array {
    return Buffer.concat(this.pieces());
  }

  /**
   * The cache to store, in pieces to write one after the other: entries taken back lie side by side in the stored
   * cache, in file order as they are written again, and go as runs of its bytes, never copied (a whole body copied
   * twice was 35–60 ms of the académie corpus's re-run and 2 × 116 MB nationally).
   */
  pieces(gather = GATHER_BYTES): Uint8Array[] {
    const files: Header["files"] = [];
    const body: Uint8Array[] = [];
    let off = 0;
    for (const [abs, e] of this.used) {
      // Positions are only ever added to an entry's (its file is unchanged): as many as it was stored with, the same ones.
      const now = e.source?.located;
      if (!now || now.size * 5 === e.meta.located.length) files.push([abs, e.meta, off, e.blob.length]);
      else {
        const located: Array<string | number> = [];
        for (const [k, p] of now) located.push(k, p.line, p.column, p.endLine, p.endColumn);
        files.push([abs, { ...e.meta, located }, off, e.blob.length]);
      }
      const last = body[body.length - 1];
      if (last && last.buffer === e.blob.buffer && last.byteOffset + last.byteLength === e.blob.byteOffset) {
        body[body.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + e.blob.byteLength);
      } else body.push(e.blob);
      off += e.blob.length;
    }
    const pieces = gathered(body, gather);
    const header = serialize({ format: FORMAT, key: this.key, bodyLength: off, bodyCheck: check(...pieces), files } satisfies Header);
    const head = Buffer.alloc(16);
    head.write(MAGIC, 0, "latin1");
    head.writeUInt32LE(header.length, 8);
    head.writeUInt32LE(crc32u(header), 12);
    return [head, header, ...pieces];
  }
}

/** Pieces smaller than `size` (entries serialized this run, short runs) gathered into pieces of about `size`; larger ones left as they are. */
function gathered(runs: readonly Uint8Array[], size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let small: Uint8Array[] = [];
  let n = 0;
  const flush = () => {
    if (small.length > 0) out.push(small.length === 1 ? small[0] : Buffer.concat(small, n));
    small = [];
    n = 0;
  };
  for (const r of runs) {
    if (r.byteLength >= size) {
      flush();
      out.push(r);
      continue;
    }
    small.push(r);
    n += r.byteLength;
    if (n >= size) flush();
  }
  flush();
  return out;
}

const GATHER_BYTES = 1 << 20;

/** A 32-bit check of the header (crc32, else the first bytes of its SHA-1). */
function crc32u(b: Uint8Array): number {
  const c = check(b);
  return typeof c === "number" ? c >>> 0 : parseInt(c.slice(0, 8), 16) >>> 0;
}

function statOf(abs: string): Stat | undefined {
  const s = statSync(abs, { throwIfNoEntry: false });
  if (!s || !s.isFile()) return undefined;
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
}

/** A source whose text is read from the file on first use (code frames, a position never computed before). */
function lazySource(file: string, abs: string, bytes?: Uint8Array): SourceFile {
  return new LazySource(file, abs, bytes ? new TextDecoder().decode(bytes) : undefined);
}

class LazySource implements SourceFile {
  lineStarts?: number[];
  asts?: SourceFile["asts"];
  located?: SourceFile["located"];
  constructor(
    readonly file: string,
    private readonly abs: string,
    private loaded: string | undefined,
  ) {}

  get text(): string {
    if (this.loaded === undefined) {
      try {
        // The file was recognised unchanged a moment ago; a BOM is dropped as when it was first read.
        this.loaded = new TextDecoder().decode(readFileSync(this.abs));
      } catch {
        this.loaded = "";
      }
    }
    return this.loaded;
  }
}

/** What the entries depend on besides each file's bytes: gouvnum's version, the schemas, the limits, the rules' settings. */
export function cacheKey(version: string, schemas: readonly string[], limits: unknown, rules: unknown = null): string {
  const h = createHash("sha1").update(version).update("\u0000").update(JSON.stringify(limits)).update("\u0000").update(JSON.stringify(rules));
  for (const s of schemas) h.update("\u0000").update(s);
  return h.digest("hex");
}
