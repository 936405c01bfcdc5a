// Load: the per-file stage of one file — bytes to text, text to documents (values, position logs, parse problems),
// then the caller's check of each document (schema, suppression comments… see `DocumentCheck`). Its result is plain
// data: it can be computed in a worker thread or read back from a cache.
import { createHash } from "node:crypto";
import { GouvnumError, systemDetail } from "../../core/errors.js";
import { decode, makeSource } from "../source.js";
import { readBounded } from "../read.js";
import { parseFile, placeRange, type Limits, type LoadedDocument, type ParsedFile, type ParseProblem, type Place } from "../document.js";
import { LogDocAst } from "../yaml-block/index.js";

/** A document as the per-file stage returns it: its place, its value, its position log; `X`, what the check found. */
export type DocResult<X extends object = object> = X & {
  index: number;
  span: [number, number];
  value: unknown;
  /** The block path's position log (see LogDocAst), when it was asked to be kept. */
  log?: Int32Array;
};

export interface FileResult<X extends object = object> {
  file: string;
  /** The decoded text; absent when the file is not readable as UTF-8 text or too large. */
  text?: string;
  parser?: ParsedFile["parser"];
  /** A reason the file was not read as text: `encodage` with its place, or the size limit. */
  unreadable?: { ruleId: "encodage" | "yaml-syntaxe"; messageId: string; data: Record<string, string | number>; line: number; column: number };
  /** Parse problems, each located in the stage (its text is at hand there). */
  problems: Array<ParseProblem & { place: Place }>;
  docs: Array<DocResult<X>>;
  /** The bytes' digest (`contentHash`), when the caller keeps results across runs (a cache) and a worker thread read them. */
  hash?: string;
}

/**
 * What the caller does with each parsed document in the per-file stage (the audit: schema violations and
 * suppression comments), returning plain data — with the positions of what it found, located while the document's
 * are at hand (see `place` in ../document.ts): the stage keeps them after it only for what is found later. `run` on this thread; worker threads import `module` (a URL) and
 * call its export `checkDocument`, the same function; `config` (plain data) is given to both.
 */
export interface DocumentCheck<X extends object = object> {
  run(doc: LoadedDocument, config: unknown): X;
  /**
   * Whether a result computed by an earlier run (the cache) can stand for this run's; when not, the file is read
   * again. Default: always (what the check found does not depend on the run, or the caller computes it again).
   */
  reusable?(found: X): boolean;
  module: string;
  config: unknown;
}

/** The export of a check module (see `DocumentCheck.module`). */
export type CheckModule = { checkDocument(doc: LoadedDocument, config: unknown): object };

export interface StageOptions {
  /** Receives the parsed documents (with their position indexes) when the caller wants them. */
  keep?: (parsed: ParsedFile) => void;
  /** Write the block path's position logs on the first read (see `parseFile`): the check locates what it finds with them. */
  log?: boolean;
  /** Keep the logs in the result, for what is found after the stage (else they go with the file's stage). */
  keepLog?: boolean;
  /** False: the reference parser only (see `parseFile`). */
  quick?: boolean;
}

/** Runs the per-file stage. */
export function processFile<X extends object>(file: string, bytes: Uint8Array, limits: Limits, check: (doc: LoadedDocument) => X, o: StageOptions = {}): FileResult<X> {
  if (bytes.length > limits.maxFileBytes) {
    return { file, problems: [], docs: [], unreadable: tooBig(bytes.length, limits) };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    return {
      file,
      problems: [],
      docs: [],
      unreadable: { ruleId: "encodage", messageId: decoded.reason, data: { ligne: decoded.line, colonne: decoded.column }, line: decoded.line, column: decoded.column },
    };
  }
  const source = makeSource(file, decoded.text);
  const parsed = parseFile(source, limits, o.quick, o.log);
  o.keep?.(parsed);
  const docs = parsed.documents.map((doc): DocResult<X> => {
    const checked = check(doc);
    const log = o.keepLog && doc.ast instanceof LogDocAst ? doc.ast.log : undefined;
    return { index: doc.index, span: doc.span, value: doc.value, ...checked, log };
  });
  const problems = parsed.problems.map((p) => ({ ...p, place: placeRange(source, p.offset) }));
  return { file, text: decoded.text, parser: parsed.parser, problems, docs };
}

/** A file's bytes within the size limit, or its result when it is too big; an unreadable file is a usage error. */
export function readInput(abs: string, display: string, limits: Limits): Uint8Array | FileResult<never> {
  try {
    const r = readBounded(abs, limits.maxFileBytes);
    if ("tooBig" in r) return { file: display, problems: [], docs: [], unreadable: tooBig(r.tooBig, limits) };
    return r.bytes;
  } catch (e) {
    throw new GouvnumError("lectureImpossible", { chemin: display, detail: systemDetail(e) });
  }
}

export function tooBig(size: number, limits: Limits): NonNullable<FileResult["unreadable"]> {
  return { ruleId: "yaml-syntaxe", messageId: "tropGros", data: { taille: size, limite: limits.maxFileBytes }, line: 1, column: 1 };
}

/** The digest a cache compares a file's bytes with (SHA-1, hex): computed where the bytes are, worker thread or not. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}
