// Audit: the per-file stage — bytes to values, parse problems, schema violations and suppression comments.
// Its result is plain data: it can be computed in a worker thread or read back from the cache.
import { GouvnumError, systemDetail } from "../core/errors.js";
import { decode, makeSource } from "../load/source.js";
import { readBounded } from "../load/read.js";
import { parseFile, type Limits, type ParsedFile, type ParseProblem } from "../load/document.js";
import { LogDocAst } from "../load/block-yaml.js";
import { validateDocument, type Violation } from "../validate/schema.js";
import { findSuppressions, type SuppressionData } from "./suppressions.js";

export interface DocResult {
  index: number;
  span: [number, number];
  value: unknown;
  /** Schema violations (documents of a known kind), with their raw-text hints already filled. */
  violations: Violation[];
  suppressions: SuppressionData[];
  /** The block path's position log (see LogDocAst), when it was asked for. */
  log?: Int32Array;
}

export interface FileResult {
  file: string;
  /** The decoded text; absent when the file is not readable as UTF-8 text or too large. */
  text?: string;
  parser?: ParsedFile["parser"];
  /** A reason the file was not read as text: `encodage` with its place, or the size limit. */
  unreadable?: { ruleId: "encodage" | "yaml-syntaxe"; messageId: string; data: Record<string, string | number>; line: number; column: number };
  problems: ParseProblem[];
  docs: DocResult[];
}

export interface StageOptions {
  /** Receives the parsed documents (with their position indexes) when the caller wants them. */
  keep?: (parsed: ParsedFile) => void;
  /** Write the block path's position logs on the first read (see `parseFile`). */
  log?: boolean;
  /** False: the reference parser only (see `parseFile`). */
  quick?: boolean;
}

/** Runs the per-file stage. */
export function processFile(file: string, bytes: Uint8Array, limits: Limits, o: StageOptions = {}): FileResult {
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
  const docs = parsed.documents.map((doc): DocResult => {
    const violations = doc.kind ? validateDocument(doc) : [];
    const log = doc.ast instanceof LogDocAst ? doc.ast.log : undefined;
    return { index: doc.index, span: doc.span, value: doc.value, violations, suppressions: findSuppressions(doc), log };
  });
  return { file, text: decoded.text, parser: parsed.parser, problems: parsed.problems, docs };
}

/** A file's bytes within the size limit, or its result when it is too big; an unreadable file is a usage error. */
export function readInput(abs: string, display: string, limits: Limits): Uint8Array | FileResult {
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
