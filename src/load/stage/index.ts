// Load: the per-file stage of a whole run, behind one function. Every file of the territory is read, decoded,
// parsed (block reader or reference parser) and each document checked by the caller (the audit: its schema, its
// suppression comments) — on this thread, in worker threads (./pool.ts) or taken back from a cache or a memo — and
// comes back as documents that know how to locate a JSON pointer (`locate` in ../document.ts), whichever parser
// read them and whether their positions were kept.
import { relative, sep } from "node:path";
import type { Location } from "../../core/finding.js";
import { makeSource, type SourceFile } from "../source.js";
import type { DocAst } from "../ast.js";
import { discoverFiles, toPosix, type Listing } from "../files.js";
import { LazyDocAst, makeDocument, type Limits, type LoadedDocument } from "../document.js";
import { LogDocAst } from "../yaml-block/index.js";
import { contentHash, type DocResult, type DocumentCheck, type FileResult } from "./file.js";

export type { CheckModule, DocResult, DocumentCheck, FileResult } from "./file.js";

/** A file to read by path, or a named text (standard input). */
export type LoadInput = string | { name: string; text: string | Uint8Array };

/**
 * A file's per-file stage result, with the position indexes worth keeping and, once loaded under a memo, its
 * source (line index and the positions already computed, reused while the file is unchanged) and its documents.
 */
export type StageResult<X extends object = object> = [FileResult<X>, DocAst[] | undefined, SourceFile?, LoadedDocument[]?];

/**
 * What a long-lived caller keeps between two runs over the same territory: each file's stage result, valid until
 * the caller learns the file changed, and the text of files being edited (open in an editor, not saved).
 */
export interface FileMemo<X extends object = object> {
  /** The kept result of this file, or undefined when it must be read again. */
  get(abs: string): StageResult<X> | undefined;
  set(abs: string, r: StageResult<X>): void;
  /** The text to read instead of the file's content (an editor's unsaved buffer), if any. */
  overlay(abs: string): string | undefined;
  /** The folders listed by the last runs (see `listings` in ../files.ts): unchanged folders are not read again. */
  readonly listings?: Map<string, Listing>;
}

/** A cache of stage results across processes (the audit's `--cache`): looked up by path, stored after a miss. */
export interface StageCache<X extends object, M extends { bytes?: Uint8Array }> {
  /** `accept`: whether a hit can be taken back (else it is a miss, read again and stored anew). */
  lookup(
    abs: string,
    display: string,
    read: () => Uint8Array | FileResult<never>,
    accept?: (r: FileResult<X>) => boolean,
  ): { hit: FileResult<X>; source: SourceFile } | { miss: M } | { unreadable: FileResult<X> };
  /** `r.hash` is the digest (`contentHash`) of the bytes `r` was computed from. */
  store(abs: string, miss: M, r: FileResult<X>, source: SourceFile): void;
}

export interface LoadOptions<X extends object> {
  /** Directory paths and displayed file names are relative to. */
  cwd: string;
  /** Globs of files to leave out, relative to `ignoreBase`. */
  ignore?: readonly string[];
  ignoreBase?: string;
  /** The territory root: every YAML file under it is read; the inputs say which files' findings are reported. */
  territory?: string;
  limits: Limits;
  /** What the stage does with each document besides reading it (see `DocumentCheck`). */
  check: DocumentCheck<X>;
  /** Findings are likely (an audit, not a validation): positions are worth keeping from the first parse. */
  findingsLikely: boolean;
  /** False: every file goes to the reference parser (tests compare both). Implies one thread. */
  quickParser?: boolean;
  /** Threads (default: automatic — one per core for large territories). */
  jobs?: number;
  cache?: StageCache<X, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each cache has its own miss record
  memo?: FileMemo<X>;
  /** Called as files are read, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

/** A file that could not be read as YAML documents: its encoding, its size, or a syntax problem. */
export interface LoadProblem {
  ruleId: "encodage" | "yaml-syntaxe";
  messageId: string;
  data: Record<string, string | number>;
  location: Location;
  documentIndex: number;
}

export interface LoadedTerritory<X extends object = object> {
  /** Every non-empty document read, in file order (standard input last). */
  documents: LoadedDocument[];
  /** Each document's schema violations and suppression comments, as the per-file stage found them. */
  stage: Map<LoadedDocument, DocResult<X>>;
  /** Encoding, size and syntax problems, in the order the files were read. */
  problems: LoadProblem[];
  /** Source files by displayed path. */
  sources: Map<string, SourceFile>;
  /** Every file read, as displayed, whether or not it was readable as text. */
  files: string[];
  /** The files whose findings are reported, when the territory read is larger than the inputs; else undefined (all). */
  reported?: Set<string>;
}

/** Up to this many files, position indexes are kept from the first parse. */
const KEEP_POSITIONS_UP_TO = 10_000;

/** Reads every file of the inputs (or of the territory around them) through the per-file stage. */
export async function loadTerritory<X extends object>(inputs: readonly LoadInput[], o: LoadOptions<X>): Promise<LoadedTerritory<X>> {
  const named = inputs.filter((i): i is { name: string; text: string | Uint8Array } => typeof i !== "string");
  const { files, reported } = await filesToRead(inputs, named, o);
  const out: LoadedTerritory<X> = { documents: [], stage: new Map(), problems: [], sources: new Map(), files: [], reported };
  const total = files.length + named.length;
  const stage = await import("./file.js");
  const reader = new StageReader(o, stage, total, out);
  const listed = files.map((abs) => ({ abs, display: displayPath(o.cwd, abs) }));
  // The reference-only comparisons of the tests read on this thread.
  const pool = o.quickParser === false ? undefined : await import("./pool.js");
  const ingest = (sr: StageResult<X>) => reader.ingest(sr);
  const threads = pool && !o.cache && !o.memo ? pool.threadCount(listed.length, o.jobs) : 1;
  if (o.cache || o.memo) {
    await readKnown(listed, reader, o, pool, ingest);
  } else if (pool && threads > 1) {
    const check = { module: o.check.module, config: o.check.config };
    const fromWorker = (r: FileResult): StageResult<X> => [r as FileResult<X>, undefined];
    await pool.processShared(listed, o.limits, reader.positions, check, threads, (f) => reader.read(f), fromWorker, ingest);
  } else {
    for (const f of listed) ingest(reader.read(f));
  }
  for (const n of named) ingest(reader.compute(n.name, typeof n.text === "string" ? new TextEncoder().encode(n.text) : n.text));
  if (reported && named.length > 0) standInForTerritory(out.documents, reported, new Set(named.map((n) => n.name)));
  return out;
}

/**
 * A run with a cache or a memo: every file is looked up on this thread, in file order (for the cache, its metadata
 * taken before it is read; for the memo, an editor's unsaved text computed here); the files neither can answer are
 * read and parsed — on worker threads too when there are many, as without them (a cold cache, a language server's
 * first run) — then stored in the cache or kept by the memo; every result joins the run in file order.
 */
async function readKnown<X extends object>(
  listed: ReadonlyArray<{ abs: string; display: string }>,
  reader: StageReader<X>,
  o: LoadOptions<X>,
  pool: typeof import("./pool.js") | undefined,
  ingest: (sr: StageResult<X>) => void,
): Promise<void> {
  const looked = listed.map((f) => reader.lookup(f));
  const missed: Missed[] = [];
  looked.forEach((l, at) => {
    if (!Array.isArray(l)) missed.push({ ...l, at });
  });
  let next = 0;
  /** The hits before the `end`-th file, then (when given) the missed file's result, stored in the cache or kept by the memo. */
  const upTo = (end: number, m?: Missed, sr?: StageResult<X>) => {
    for (; next < end; next++) {
      const l = looked[next];
      if (Array.isArray(l)) ingest(l);
    }
    if (m && sr) {
      reader.store(m, sr);
      ingest(sr);
      next = end + 1;
    }
  };
  const threads = pool ? pool.threadCount(missed.length, o.jobs) : 1;
  if (pool && threads > 1) {
    const check = { module: o.check.module, config: o.check.config };
    const byFile = new Map(missed.map((m) => [m.file, m]));
    let k = 0; // the pool delivers results in the misses' order
    await pool.processShared(
      missed.map((m) => m.file),
      o.limits,
      { ...reader.positions, hash: o.cache !== undefined },
      check,
      threads,
      (f) => reader.computeMissed(byFile.get(f)!),
      (r: FileResult): StageResult<X> => [r as FileResult<X>, undefined],
      (sr) => {
        const m = missed[k++];
        upTo(m.at, m, sr);
      },
    );
  } else {
    for (const m of missed) upTo(m.at, m, reader.computeMissed(m));
  }
  upTo(looked.length);
}

/** A file neither the cache nor the memo could answer: where it is in the run, and what the cache needs to store its result. */
interface Missed {
  file: { abs: string; display: string };
  miss: { bytes?: Uint8Array; hash?: string };
  at: number;
}

/** The files to read, sorted, and (when the territory is larger than the inputs) which of them are reported. */
async function filesToRead(inputs: readonly LoadInput[], named: ReadonlyArray<{ name: string }>, o: LoadOptions<object>): Promise<{ files: string[]; reported?: Set<string> }> {
  const paths = inputs.filter((i): i is string => typeof i === "string");
  const discover = { cwd: o.cwd, ignore: o.ignore, ignoreBase: o.ignoreBase, listings: o.memo?.listings };
  const given = paths.length > 0 ? await discoverFiles(paths, discover) : [];
  if (o.territory === undefined) return { files: given };
  const whole = new Set([...(await discoverFiles([o.territory], discover)), ...given]);
  if (whole.size <= given.length) return { files: given };
  return { files: [...whole].sort(), reported: new Set([...given.map((abs) => displayPath(o.cwd, abs)), ...named.map((n) => n.name)]) };
}

/** One run's per-file stage on this thread: reading (memo, cache or disk), computing, and turning results into documents. */
class StageReader<X extends object> {
  /** An audit finds something in most files: below a size, keeping position indexes saves a second parse. Validation
   * rarely finds anything: keeping them would only cost memory and garbage collection. */
  readonly keepPositions: boolean;
  /**
   * Whether the block path writes its position logs (an audit: the check finds something in most documents and
   * locates it with them — measured 8–10 ms for the académie corpus's 4,772 files, against 70–120 ms to read again
   * the files with findings), and keeps them in the results for later findings.
   */
  readonly positions: { log: boolean; keepLog: boolean };
  private done = 0;

  constructor(
    private readonly o: LoadOptions<X>,
    private readonly stage: typeof import("./file.js"),
    private readonly total: number,
    private readonly out: LoadedTerritory<X>,
  ) {
    this.keepPositions = o.findingsLikely && (o.memo !== undefined || total <= KEEP_POSITIONS_UP_TO);
    this.positions = { log: o.findingsLikely, keepLog: this.keepPositions };
  }

  /** The per-file stage on this thread: a result with the position indexes worth keeping. */
  compute(display: string, bytes: Uint8Array): StageResult<X> {
    let parsedDocs: LoadedDocument[] = [];
    const { run, config } = this.o.check;
    const r = this.stage.processFile(display, bytes, this.o.limits, (doc) => run(doc, config), {
      keep: (parsed) => {
        parsedDocs = parsed.documents;
      },
      quick: this.o.quickParser,
      ...this.positions,
    });
    // Keep position indexes where findings are likely later (an audit's cross-document rules): what the check found
    // is located already. The block path's are its position logs, in the result itself (a syntax tree per file was
    // measured 0.2 s of CPU worse on the académie corpus, mostly garbage collection); without a log, a file is read
    // again when a later finding needs a position.
    if (r.parser !== "block" && this.keepPositions) {
      const asts: DocAst[] = [];
      for (const d of parsedDocs) asts[d.index] = d.ast;
      return [r, asts];
    }
    return [r, undefined];
  }

  /** A file's result, read and computed (with a cache or a memo: `lookup`, `computeMissed`, `store`). */
  read({ abs, display }: { abs: string; display: string }): StageResult<X> {
    const bytes = this.stage.readInput(abs, display, this.o.limits);
    return bytes instanceof Uint8Array ? this.compute(display, bytes) : [bytes, undefined];
  }

  /**
   * A file looked up in the memo or the cache: its result when the memo keeps it or the cache has it (unread), or when
   * the editor holds its text (computed here); else what a miss needs to be read.
   */
  lookup(file: { abs: string; display: string }): StageResult<X> | Omit<Missed, "at"> {
    const { cache, memo, limits } = this.o;
    const { abs, display } = file;
    if (memo) {
      const kept = memo.get(abs);
      if (kept) return kept;
      const text = memo.overlay(abs);
      if (text === undefined) return { file, miss: {} };
      const r = this.compute(display, new TextEncoder().encode(text));
      memo.set(abs, r);
      return r;
    }
    // An unchanged file comes back from the cache with its positions, unread; a changed one is read, parsed and kept.
    const reusable = this.o.check.reusable;
    const accept = reusable && ((r: FileResult<X>) => r.docs.every((d) => reusable(d)));
    const l = cache!.lookup(abs, display, () => this.stage.readInput(abs, display, limits), accept || undefined);
    if ("hit" in l) return [l.hit, undefined, l.source];
    if ("unreadable" in l) return [l.unreadable, undefined];
    return { file, miss: l.miss };
  }

  /** A file neither the cache nor the memo could answer, read and computed on this thread (with its bytes' digest, for a cache). */
  computeMissed(m: Omit<Missed, "at">): StageResult<X> {
    const { abs, display } = m.file;
    const bytes = m.miss.bytes ?? this.stage.readInput(abs, display, this.o.limits);
    if (!(bytes instanceof Uint8Array)) return [bytes, undefined];
    const sr = this.compute(display, bytes);
    if (this.o.cache) sr[0].hash = m.miss.hash ?? contentHash(bytes);
    return sr;
  }

  /** Keeps a missed file's result in the memo, or stores it in the cache (one computed from its bytes: with their digest) with the run's source of it. */
  store(m: Omit<Missed, "at">, sr: StageResult<X>): void {
    if (this.o.memo) return this.o.memo.set(m.file.abs, sr);
    const r = sr[0];
    if (r.hash === undefined) return;
    const source = makeSource(r.file, r.text ?? "");
    source.located = new Map();
    sr[2] = source;
    this.o.cache!.store(m.file.abs, m.miss, r, source);
  }

  /** Adds a file's result to the run: its problems, its source, its documents (with what locates their pointers). */
  ingest(sr: StageResult<X>): void {
    const [r, asts] = sr;
    const out = this.out;
    this.o.onProgress?.(++this.done, this.total);
    out.files.push(r.file);
    if (r.unreadable) {
      const u = r.unreadable;
      // The bad byte's column is in the message; the finding sits at the start of its line (columns count characters, and this line has none to count).
      const location = { file: r.file, line: u.line, column: 1, endLine: u.line, endColumn: 1 };
      out.problems.push({ ruleId: u.ruleId, messageId: u.messageId, data: u.data, location, documentIndex: 0 });
      return;
    }
    let source = sr[2];
    if (!source || source.file !== r.file) {
      source = makeSource(r.file, r.text ?? "");
      if (this.o.memo) {
        source.located = new Map();
        sr[2] = source;
      }
    }
    if (asts) source.asts = asts;
    out.sources.set(r.file, source);
    for (const p of r.problems) {
      const [line, column, endLine, endColumn] = p.place;
      out.problems.push({ ruleId: "yaml-syntaxe", messageId: p.messageId, data: p.data, location: { file: r.file, line, column, endLine, endColumn }, documentIndex: p.documentIndex });
    }
    // Under a memo, an unchanged file's documents are the same objects from one run to the next (see `incremental.ts`).
    const kept = sr[3];
    if (kept) {
      r.docs.forEach((d, i) => {
        out.documents.push(kept[i]);
        out.stage.set(kept[i], d);
      });
      return;
    }
    const made = this.documentsOf(r, source, asts);
    if (this.o.memo) sr[3] = made;
  }

  /** A file's documents, each with its positions: the kept index, the block reader's log, or a second reading when needed. */
  private documentsOf(r: FileResult<X>, source: SourceFile, asts: DocAst[] | undefined): LoadedDocument[] {
    const values: unknown[] = [];
    for (const d of r.docs) values[d.index] = d.value;
    const made: LoadedDocument[] = [];
    for (const d of r.docs) {
      const ast = asts?.[d.index] ?? (d.log ? new LogDocAst(d.value, d.log) : new LazyDocAst(source, d.index, r.parser ?? "reference", this.o.limits.maxDepth, values));
      const doc = makeDocument(source, d.index, d.span, ast, d.value);
      this.out.documents.push(doc);
      this.out.stage.set(doc, d);
      made.push(doc);
    }
    return made;
  }
}

/** A file's path as shown: relative to the working directory. */
export function displayPath(cwd: string, abs: string): string {
  // A file under a POSIX working directory (nearly every file of a run; both paths are resolved, as discoverFiles
  // and process.cwd() give them): the rest of its path, without path.relative's two resolves (2 % of a validation).
  if (sep === "/" && abs.startsWith(cwd) && abs[cwd.length] === "/" && abs.length > cwd.length + 1 && isResolved(cwd) && isResolved(abs)) return abs.slice(cwd.length + 1);
  return toPosix(relative(cwd, abs)) || abs;
}

/** An absolute path as path.resolve leaves it: no `.` or `..` segment, no doubled or trailing slash. */
function isResolved(p: string): boolean {
  return p.startsWith("/") && !/\/\/|\/\.\.?(?:\/|$)|.\/$/.test(p);
}

/**
 * Standard input stands for the territory's document of the same entity (`cat x.yaml | gouvnum audit -` while
 * editing x.yaml): that document is left out, so it is neither a duplicate nor a second, older version.
 */
function standInForTerritory(documents: LoadedDocument[], reported: ReadonlySet<string>, named: ReadonlySet<string>): void {
  const given = new Set(documents.filter((d) => named.has(d.source.file) && d.entity).map((d) => d.entity));
  if (given.size === 0) return;
  let w = 0;
  for (const d of documents) if (reported.has(d.source.file) || !given.has(d.entity)) documents[w++] = d;
  documents.length = w;
}
