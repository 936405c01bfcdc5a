// Load: parse YAML documents with positions and turn JSON pointers into file locations.
import type { Location } from "../core/finding.js";
import { KINDS, type Kind } from "../core/domain.js";
import { linePos, type SourceFile } from "./source.js";
import type { DocAst, Range } from "./ast.js";
import { parse as parseBlockText, DECLINED, LogDocAst } from "./yaml-block/index.js";
import { parseReference } from "./yaml-ast.js";
import { explainIndentation } from "./indentation.js";

/** Limits that stop alias bombs and absurd inputs. */
export interface Limits {
  maxFileBytes: number;
  maxDocumentsPerFile: number;
  maxAliasCount: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxDocumentsPerFile: 10_000,
  maxAliasCount: 1_000,
  maxDepth: 100,
};

/** One non-empty YAML document of a file. */
export interface LoadedDocument {
  source: SourceFile;
  /** 0-based position of the document among the non-empty documents of its file. */
  index: number;
  /** Offsets of the document's text in the file: from its `---` line (or the file start) to the next one. */
  span: [number, number];
  /** Positions of the nodes. */
  ast: DocAst;
  /** The JS value (YAML 1.2 core schema). */
  value: unknown;
  /** The `kind` when it is one of the four, else undefined. */
  kind?: Kind;
  /** `kind:id` once the id is known to be a string, else "". */
  entity: string;
  /** False once the document has a schema violation: rules beyond group A skip it. */
  valid: boolean;
}

/** A problem met while parsing, before any rule: becomes a `yaml-syntaxe` finding. */
export interface ParseProblem {
  messageId: string;
  data: Record<string, string | number>;
  offset: [number, number];
  documentIndex: number;
}

export interface ParsedFile {
  documents: LoadedDocument[];
  problems: ParseProblem[];
  /** Which parser read the file: the block path (most files) or the reference parser (everything else). */
  parser: "block" | "reference";
}

const ID_KEY: Record<Kind, string> = { academie: "code", collectivite: "id", etablissement: "uai", convention: "id" };

/** The key that identifies a document of each kind. */
export function idKey(kind: Kind): string {
  return ID_KEY[kind];
}

/**
 * The position indexes of a file's non-empty documents, by re-parsing its text. With the documents' values, the
 * block path writes only position logs (a few integers a node, no values, no tree); a document whose keys a log
 * cannot follow (index-like keys), or a call without values, gets the reference parser's positions, which are
 * the same (tests compare them).
 */
export function reparseAsts(original: string, parser: ParsedFile["parser"], maxDepth: number, values?: readonly unknown[]): DocAst[] {
  const text = yamlText(original);
  const read = parser === "block" && values ? parseBlockText(text, maxDepth, { values: false, log: true }) : DECLINED;
  const logs = read === DECLINED ? undefined : read;
  if (logs?.every((d) => d.log)) return logs.map((d, i) => new LogDocAst(values![i], d.log!));
  const reference = parseReference(text).docs.filter((d) => !d.empty || d.errors.length > 0).map((d) => d.ast);
  return logs ? logs.map((d, i) => (d.log ? new LogDocAst(values![i], d.log) : reference[i])) : reference;
}

/** A document's positions, rebuilt from its file's text the first time a finding needs them. */
export class LazyDocAst implements DocAst {
  constructor(
    private readonly source: SourceFile,
    private readonly index: number,
    private readonly parser: ParsedFile["parser"],
    private readonly maxDepth: number,
    /** The values of the file's documents, by index (they let the block path write logs instead of trees). */
    private readonly values?: readonly unknown[],
  ) {}

  private get real(): DocAst {
    this.source.asts ??= reparseAsts(this.source.text, this.parser, this.maxDepth, this.values);
    return this.source.asts[this.index];
  }

  walk(segments: readonly string[]) {
    return this.real.walk(segments);
  }

  kindRange() {
    return this.real.kindRange();
  }

  contentStart() {
    return this.real.contentStart();
  }
}

/**
 * Parses every document of a file; syntax problems are returned, never thrown. Files in the block path's subset
 * (nearly every territory file) are read by it, everything else by the reference parser. `quick: false` sends
 * every file to the reference parser (tests compare both). `log`: the block path also writes its position log
 * (a few integers a node, see LogDocAst), worth it when findings are likely; otherwise a file is read again the
 * first time a finding needs a position.
 */
export function parseFile(source: SourceFile, limits: Limits = DEFAULT_LIMITS, quick = true, log = false): ParsedFile {
  const block = quick ? parseBlockText(yamlText(source.text), limits.maxDepth, { log }) : DECLINED;
  if (block !== DECLINED) {
    if (block.length > limits.maxDocumentsPerFile) return tooMany(block.length, limits, "block");
    const starts = block.map((d) => d.contentStart);
    const values = block.map((d) => d.value);
    const documents = block.map((d, index) =>
      makeDocument(source, index, spanOf(source.text, starts, index), positionsOf(source, index, values, d.log, limits.maxDepth), d.value),
    );
    return { documents, problems: [], parser: "block" };
  }
  return parseWithReference(source, limits);
}

/** A block-path document's positions: from its log when there is one, else by reading the file again when needed. */
function positionsOf(source: SourceFile, index: number, values: readonly unknown[], log: Int32Array | undefined, maxDepth: number): DocAst {
  return log ? new LogDocAst(values[index], log) : new LazyDocAst(source, index, "block", maxDepth, values);
}

function tooMany(n: number, limits: Limits, parser: ParsedFile["parser"]): ParsedFile {
  return {
    documents: [],
    problems: [{ messageId: "tropDeDocuments", data: { nombre: n, limite: limits.maxDocumentsPerFile }, offset: [0, 0], documentIndex: 0 }],
    parser,
  };
}

/** Builds a document from its value and position index (values may come from a worker or the cache). */
export function makeDocument(source: SourceFile, index: number, span: [number, number], ast: DocAst, value: unknown): LoadedDocument {
  const kindValue = isPlainObject(value) ? value.kind : undefined;
  const kind = typeof kindValue === "string" && (KINDS as readonly string[]).includes(kindValue) ? (kindValue as Kind) : undefined;
  let entity = "";
  if (kind && isPlainObject(value)) {
    const id = value[ID_KEY[kind]];
    if (typeof id === "string" && id !== "") entity = `${kind}:${id}`;
  }
  return { source, index, span, ast, value, kind, entity, valid: kind !== undefined };
}

const SEPARATOR = /^(?:---|\.\.\.)(?=[ \t]|\r?$)/gm;

/** A document's span: from the last separator line before its content (else the previous content) to the next document's. */
function spanOf(text: string, starts: readonly number[], i: number): [number, number] {
  const boundary = (k: number): number => {
    if (k <= 0) return 0;
    if (k >= starts.length) return text.length;
    const lo = starts[k - 1];
    const hi = starts[k];
    let last = -1;
    SEPARATOR.lastIndex = lo + 1;
    for (let m = SEPARATOR.exec(text); m && m.index < hi; m = SEPARATOR.exec(text)) last = m.index;
    return last >= 0 ? last : hi;
  };
  return [boundary(i), boundary(i + 1)];
}

const LONE_CR = /\r(?!\n)/;

/**
 * The text the parsers read: a CR alone (files from old Mac tools) is a line break in YAML 1.2, but the yaml
 * package does not treat it as one. Replaced by LF, one character for one, so every offset stays that of the file
 * (and `source.ts` counts a lone CR as a line break too).
 */
export function yamlText(text: string): string {
  return text.indexOf("\r") >= 0 && LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** Parses with the reference parser only (tests compare it with the block path). */
export function parseWithReference(source: SourceFile, limits: Limits): ParsedFile {
  const problems: ParseProblem[] = [];
  const documents: LoadedDocument[] = [];
  let parsed: ReturnType<typeof parseReference>;
  try {
    parsed = parseReference(yamlText(source.text));
  } catch (e) {
    problems.push({ messageId: "illisible", data: { detail: String((e as Error).message ?? e) }, offset: [0, 0], documentIndex: 0 });
    return { documents, problems, parser: "reference" };
  }
  for (const e of parsed.streamErrors) problems.push(toProblem(e.code, e.pos, 0));
  const nonEmpty = parsed.docs.filter((d) => !d.empty || d.errors.length > 0);
  if (nonEmpty.length > limits.maxDocumentsPerFile) return tooMany(nonEmpty.length, limits, "reference");
  const starts = nonEmpty.map((d) => d.ast.contentStart());
  nonEmpty.forEach((doc, index) => {
    for (const w of doc.warnings) problems.push(toProblem(w.code, w.pos, index));
    const at: [number, number] = [doc.ast.contentStart(), doc.ast.contentStart() + 1];
    if (doc.errors.some((e) => e.code === "RESOURCE_EXHAUSTION")) {
      // The parser itself gave up on a very deep structure: one finding that names the limit, not a parser code.
      problems.push({ messageId: "tropProfond", data: { limite: limits.maxDepth }, offset: at, documentIndex: index });
      return;
    }
    if (doc.errors.length > 0) {
      const text = yamlText(source.text);
      const errors = doc.errors.map((e) => toProblem(e.code, e.pos, index));
      problems.push(...explainIndentation(text, starts[index], starts[index + 1] ?? text.length, errors));
      return; // a broken document is not validated: its partial value would only add noise
    }
    if (doc.depth(limits.maxDepth + 1) > limits.maxDepth) {
      problems.push({ messageId: "tropProfond", data: { limite: limits.maxDepth }, offset: at, documentIndex: index });
      return;
    }
    const badKeys = doc.collectionKeys();
    if (badKeys.length > 0) {
      // JS objects only have text keys: the yaml package would stringify them (and warn on stderr).
      for (const k of badKeys) problems.push(toProblem("NON_STRING_KEY", k, index));
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS(limits.maxAliasCount);
      if (doc.hasAliases() && countValues(value, MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES) {
        problems.push({ messageId: "tropDeValeurs", data: { limite: MAX_EXPANDED_VALUES }, offset: at, documentIndex: index });
        return;
      }
    } catch (e) {
      const msg = String((e as Error).message ?? "");
      problems.push({
        messageId: /alias/i.test(msg) ? "tropDAlias" : "illisible",
        data: { limite: limits.maxAliasCount, detail: msg },
        offset: at,
        documentIndex: index,
      });
      return;
    }
    documents.push(makeDocument(source, index, spanOf(source.text, starts, index), doc.ast, value));
  });
  return { documents, problems, parser: "reference" };
}

/**
 * What a document may expand to through its aliases: a real document holds a few hundred values; an alias
 * under the alias limit can still multiply a large anchored list (100 references × 999 aliases), and every
 * copy would become findings. Fixed, not a setting: no real territory comes near it.
 */
export const MAX_EXPANDED_VALUES = 20_000;

/** Counts values as the rules would walk them (shared aliased nodes counted each time), stopping past `stop`. */
function countValues(v: unknown, stop: number): number {
  let n = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0 && n <= stop) {
    const x = stack.pop();
    n++;
    if (Array.isArray(x)) for (const it of x) stack.push(it);
    else if (x !== null && typeof x === "object") for (const k of Object.keys(x)) stack.push((x as Record<string, unknown>)[k]);
  }
  return n;
}

function toProblem(code: string, pos: [number, number], documentIndex: number): ParseProblem {
  return { messageId: `yaml.${code}`, data: { code }, offset: pos, documentIndex };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Splits a JSON pointer into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function joinPointer(...segments: Array<string | number>): string {
  let out = "";
  for (const seg of segments) {
    const s = String(seg);
    out += "/" + (s.includes("~") || s.includes("/") ? s.replace(/~/g, "~0").replace(/\//g, "~1") : s);
  }
  return out;
}

/**
 * The location of a pointer in its document.
 * - `value` (default): the value node (an empty value: its key; a block mapping or list: its key, which is what people read).
 * - `key`: the key of the entry (for an unknown key, say).
 * The document itself (pointer "") is reported at its `kind:` line. A missing target is reported at
 * the mapping that should hold it: its key in the parent, or for a top-level key the `kind:` line.
 */
export function locate(doc: LoadedDocument, pointer: string, at: "value" | "key" = "value"): Location {
  const segs = pointerSegments(pointer);
  const r = doc.ast.walk(segs);
  let range: Range | undefined;
  if (segs.length === 0) {
    range = undefined; // the document itself: its `kind:` line
  } else if (r.exists) {
    if (at === "key" && r.key) range = r.key;
    else if (r.key && (r.blockCollection || !r.value)) range = r.key;
    else range = r.value ?? r.key;
  } else if (r.depth > 0) {
    const parent = doc.ast.walk(segs.slice(0, r.depth));
    range = parent.key ?? parent.value;
  }
  range ??= doc.ast.kindRange() ?? [doc.span[0], doc.span[0]];
  return toLocation(doc.source, range);
}

/** A location as plain data (its file is the document's): line, column, end line, end column, all 1-based. */
export type Place = [line: number, column: number, endLine: number, endColumn: number];

/**
 * `locate` as plain data, for the per-file stage: a finding located there, while the document's positions are at
 * hand, never needs them again (nor its value, nor its file) once the stage is over.
 */
export function place(doc: LoadedDocument, pointer: string, at: "value" | "key" = "value"): Place {
  const l = locate(doc, pointer, at);
  return [l.line, l.column, l.endLine, l.endColumn];
}

/** A range's place in its file, as plain data (see `place`). */
export function placeRange(src: SourceFile, range: [number, number]): Place {
  const l = toLocation(src, range);
  return [l.line, l.column, l.endLine, l.endColumn];
}

export function toLocation(src: SourceFile, range: [number, number]): Location {
  const s = linePos(src, range[0]);
  let endOffset = Math.max(range[0], range[1]);
  // Never end past the line a value ends on (block scalars end after their newline).
  while (endOffset > range[0] && (src.text[endOffset - 1] === "\n" || src.text[endOffset - 1] === "\r")) endOffset--;
  const e = linePos(src, endOffset);
  return { file: src.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** The raw source text of the node at a pointer (e.g. `035` for the number 35). */
export function sourceText(doc: LoadedDocument, pointer: string): string | undefined {
  const r = doc.ast.walk(pointerSegments(pointer));
  if (!r.exists || !r.value) return undefined;
  return doc.source.text.slice(r.value[0], r.value[1]);
}
