// Load: parse YAML documents with positions and turn JSON pointers into file locations.
import { parseAllDocuments, isMap, isSeq, isAlias, isScalar, isPair, type Document, type Node } from "yaml";
import type { Location } from "../core/finding.js";
import { KINDS, type Kind } from "../core/domain.js";
import { linePos, type SourceFile } from "./source.js";

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
  /** 0-based position of the document in its file (empty documents count). */
  index: number;
  /** Offsets of the document's text in the file, comments before it included. */
  span: [number, number];
  yaml: Document.Parsed;
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
}

const ID_KEY: Record<Kind, string> = { academie: "code", collectivite: "id", etablissement: "uai", convention: "id" };

/** The key that identifies a document of each kind. */
export function idKey(kind: Kind): string {
  return ID_KEY[kind];
}

/** Parses every document of a file; syntax problems are returned, never thrown. */
export function parseFile(source: SourceFile, limits: Limits = DEFAULT_LIMITS): ParsedFile {
  const problems: ParseProblem[] = [];
  const documents: LoadedDocument[] = [];
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(source.text, {
      version: "1.2",
      schema: "core",
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      keepSourceTokens: false,
    });
    // An empty stream is an empty array carrying its own errors (if any).
    docs = [...(parsed as Document.Parsed[])];
    for (const e of (parsed as { errors?: Array<{ code: string; pos: [number, number] }> }).errors ?? []) {
      problems.push(toProblem(e.code, e.pos, 0));
    }
  } catch (e) {
    problems.push({ messageId: "illisible", data: { detail: String((e as Error).message ?? e) }, offset: [0, 0], documentIndex: 0 });
    return { documents, problems };
  }
  if (docs.length > limits.maxDocumentsPerFile) {
    problems.push({
      messageId: "tropDeDocuments",
      data: { nombre: docs.length, limite: limits.maxDocumentsPerFile },
      offset: [0, 0],
      documentIndex: 0,
    });
    return { documents, problems };
  }
  let prevEnd = 0;
  docs.forEach((doc, index) => {
    const span: [number, number] = [prevEnd, doc.range[2]];
    prevEnd = doc.range[2];
    const warnings = doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED");
    for (const w of warnings) problems.push(toProblem(w.code, w.pos, index));
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(toProblem(e.code, e.pos, index));
      return; // a broken document is not validated: its partial value would only add noise
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return; // empty document
    const depth = nodeDepth(doc.contents, limits.maxDepth + 1);
    if (depth > limits.maxDepth) {
      problems.push({
        messageId: "tropProfond",
        data: { limite: limits.maxDepth },
        offset: [doc.contents.range[0], doc.contents.range[0] + 1],
        documentIndex: index,
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (e) {
      const msg = String((e as Error).message ?? "");
      problems.push({
        messageId: /alias/i.test(msg) ? "tropDAlias" : "illisible",
        data: { limite: limits.maxAliasCount, detail: msg },
        offset: [doc.contents.range[0], doc.contents.range[1]],
        documentIndex: index,
      });
      return;
    }
    const kindValue = isPlainObject(value) ? value.kind : undefined;
    const kind = typeof kindValue === "string" && (KINDS as readonly string[]).includes(kindValue) ? (kindValue as Kind) : undefined;
    let entity = "";
    if (kind && isPlainObject(value)) {
      const id = value[ID_KEY[kind]];
      if (typeof id === "string" && id !== "") entity = `${kind}:${id}`;
    }
    documents.push({ source, index, span, yaml: doc, value, kind, entity, valid: kind !== undefined });
  });
  return { documents, problems };
}

function toProblem(code: string, pos: [number, number], documentIndex: number): ParseProblem {
  return { messageId: `yaml.${code}`, data: { code }, offset: pos, documentIndex };
}

/** Depth of a node tree, stopping early once `stop` is reached (10,000-level inputs stay cheap). */
function nodeDepth(node: unknown, stop: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[node, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max >= stop) return max;
    if (isMap(n) || isSeq(n)) {
      for (const it of n.items) {
        if (isPair(it)) stack.push([it.value, d + 1]);
        else stack.push([it, d + 1]);
      }
    }
  }
  return max;
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
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

interface Found {
  key?: Node;
  value?: Node | null;
}

/** Finds the pair for `key` in a map, looking through merge keys (`<<`). */
function findInMap(doc: Document.Parsed, map: unknown, key: string, depth = 0): Found | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  for (const pair of map.items) {
    const k = pair.key;
    if (isScalar(k) && String(k.value) === key) return { key: k as Node, value: (pair.value as Node | null) ?? null };
  }
  for (const pair of map.items) {
    const k = pair.key;
    if (isScalar(k) && k.value === "<<") {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of sources) {
        const target = isAlias(s) ? s.resolve(doc) : s;
        const f = findInMap(doc, target, key, depth + 1);
        if (f) return f;
      }
    }
  }
  return undefined;
}

/** Where a pointer lands: the node, or the deepest existing ancestor when the target is missing. */
export interface Resolved {
  /** The key node of the target (maps only). */
  key?: Node;
  value?: Node | null;
  /** True when the whole pointer exists. */
  exists: boolean;
  /** Segments that did resolve. */
  depth: number;
}

export function resolvePointer(doc: LoadedDocument, pointer: string): Resolved {
  const segs = pointerSegments(pointer);
  let node: unknown = doc.yaml.contents;
  let key: Node | undefined;
  let i = 0;
  for (; i < segs.length; i++) {
    if (isAlias(node)) node = node.resolve(doc.yaml);
    const seg = segs[i];
    if (isMap(node)) {
      const f = findInMap(doc.yaml, node, seg);
      if (!f) break;
      key = f.key;
      node = f.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!/^\d+$/.test(seg) || item === undefined) break;
      key = undefined;
      node = item;
    } else break;
  }
  return { key, value: node as Node | null, exists: i === segs.length, depth: i };
}

/**
 * The location of a pointer in its document.
 * - `value` (default): the value node (an existing key with an empty value: the key).
 * - `key`: the key of the pair (for an unknown key, say).
 * A missing target is reported at the mapping that should hold it: its key in the parent, or for a
 * top-level key the document's `kind:` line.
 */
export function locate(doc: LoadedDocument, pointer: string, at: "value" | "key" = "value"): Location {
  const r = resolvePointer(doc, pointer);
  let range: [number, number] | undefined;
  if (r.exists) {
    const node = at === "key" && r.key ? r.key : r.value ?? r.key;
    if (node?.range) range = [node.range[0], node.range[1]];
    if (at === "value" && r.key?.range && r.value && (isMap(r.value) || isSeq(r.value)) && !r.value.flow) {
      // A block collection starts on the next line: point at its key, which is what people read.
      range = [r.key.range[0], r.key.range[1]];
    }
  } else if (r.depth > 0) {
    const parent = resolvePointer(doc, "/" + pointerSegments(pointer).slice(0, r.depth).map(escape).join("/"));
    const node = parent.key ?? parent.value;
    if (node?.range) range = [node.range[0], node.range[1]];
  }
  if (!range) range = kindRange(doc);
  return toLocation(doc.source, range);
}

function escape(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The `kind: …` pair of the document, else its first node. */
function kindRange(doc: LoadedDocument): [number, number] {
  const c = doc.yaml.contents;
  if (isMap(c)) {
    for (const p of c.items) {
      if (isScalar(p.key) && p.key.value === "kind") {
        const start = (p.key as Node).range![0];
        const end = (p.value as Node | null)?.range?.[1] ?? (p.key as Node).range![1];
        return [start, end];
      }
    }
    const first = c.items[0]?.key as Node | undefined;
    if (first?.range) return [first.range[0], first.range[1]];
  }
  if (c?.range) return [c.range[0], Math.max(c.range[0] + 1, c.range[1])];
  return [doc.span[0], doc.span[0]];
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
  const r = resolvePointer(doc, pointer);
  if (!r.exists || !r.value?.range) return undefined;
  return doc.source.text.slice(r.value.range[0], r.value.range[1]);
}
