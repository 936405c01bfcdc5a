// Load: the reference parser (the `yaml` package) — every file the block path declines, with exact error codes.
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Document, Node, YAMLMap } from "yaml";
import { plainEnd, type DocAst, type Landing, type Range } from "./ast.js";

export interface ReferenceDoc {
  ast: DocAst;
  /** Offsets: start of content, end of the document (comments after it included). */
  range: [number, number];
  errors: Array<{ code: string; pos: [number, number] }>;
  warnings: Array<{ code: string; pos: [number, number] }>;
  empty: boolean;
  /** Nesting depth, stopping early at `stop`. */
  depth(stop: number): number;
  /** Whether the document uses aliases (only then can its value be larger than its text). */
  hasAliases(): boolean;
  /** Ranges of keys that are mappings or lists (JS objects only have text keys). */
  collectionKeys(): Array<[number, number]>;
  toJS(maxAliasCount: number): unknown;
}

export interface ReferenceParse {
  docs: ReferenceDoc[];
  streamErrors: Array<{ code: string; pos: [number, number] }>;
}

/**
 * The yaml package, loaded on first use: most runs never need it (the block path reads nearly every file), and
 * loading it costs about 25 ms of start-up. Every function below runs after `parseReference` has loaded it.
 */
let Y: typeof Yaml;

export function parseReference(text: string): ReferenceParse {
  Y ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  const parsed = Y.parseAllDocuments(text, {
    version: "1.2",
    schema: "core",
    merge: true,
    // The package's own check compares each key with every other (quadratic on a 50,000-key mapping):
    // duplicates are found below with a Set per mapping instead, at the same place.
    uniqueKeys: false,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  // An empty stream is an empty array carrying its own errors (if any).
  const streamErrors = ((parsed as { errors?: Array<{ code: string; pos: [number, number] }> }).errors ?? []).map((e) => ({ code: e.code, pos: e.pos }));
  const docs = [...(parsed as Document.Parsed[])].map((doc): ReferenceDoc => ({
    ast: new YamlDocAst(doc, text),
    range: [doc.range[0], doc.range[2]],
    errors: [...doc.errors.map((e) => ({ code: e.code, pos: e.pos })), ...duplicateKeys(doc.contents)].sort((a, b) => a.pos[0] - b.pos[0]),
    warnings: doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED").map((w) => ({ code: w.code, pos: w.pos })),
    empty: doc.contents === null || (Y.isScalar(doc.contents) && doc.contents.value === null),
    depth: (stop) => nodeDepth(doc.contents, stop),
    collectionKeys: () => collectionKeys(doc.contents),
    hasAliases: () => {
      let found = false;
      Y.visit(doc, { Alias: () => ((found = true), Y.visit.BREAK) });
      return found;
    },
    toJS: (maxAliasCount) => doc.toJS({ maxAliasCount }),
  }));
  return { docs, streamErrors };
}

/** Calls `fn` on every mapping of a node tree (aliases are not followed: each mapping is visited once). */
function forEachMap(node: unknown, fn: (map: YAMLMap) => void): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (Y.isMap(n)) {
      fn(n);
      for (const p of n.items) stack.push(p.value);
    } else if (Y.isSeq(n)) for (const it of n.items) stack.push(it);
  }
}

/** Keys written twice in one mapping, reported at the second occurrence (as the yaml package does). */
function duplicateKeys(node: unknown): Array<{ code: string; pos: [number, number] }> {
  const out: Array<{ code: string; pos: [number, number] }> = [];
  forEachMap(node, (map) => {
    const seen = new Set<unknown>();
    for (const p of map.items) {
      if (!Y.isScalar(p.key) || typeof p.key.value === "symbol") continue;
      if (seen.has(p.key.value) && p.key.range) out.push({ code: "DUPLICATE_KEY", pos: [p.key.range[0], p.key.range[1]] });
      seen.add(p.key.value);
    }
  });
  return out;
}

/** Ranges of keys that are mappings or lists. */
function collectionKeys(node: unknown): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachMap(node, (map) => {
    for (const p of map.items) {
      const k = p.key as Node | null;
      if ((Y.isMap(k) || Y.isSeq(k)) && k.range) out.push([k.range[0], k.range[1]]);
    }
  });
  return out.sort((a, b) => a[0] - b[0]);
}

function nodeDepth(node: unknown, stop: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[node, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max >= stop) return max;
    if (Y.isMap(n) || Y.isSeq(n)) for (const it of n.items) stack.push([Y.isPair(it) ? it.value : it, d + 1]);
  }
  return max;
}

class YamlDocAst implements DocAst {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
  ) {}

  private range(n: Node | null | undefined): Range | undefined {
    return n?.range ? [n.range[0], this.end(n)] : undefined;
  }

  /** Parser-neutral end: a block collection ends with its last descendant, a plain scalar before any comment. */
  private end(n: Node): number {
    if ((Y.isMap(n) || Y.isSeq(n)) && !n.flow) {
      const last = n.items[n.items.length - 1];
      if (!last) return n.range![1];
      if (Y.isPair(last)) {
        const v = last.value as Node | null;
        return v && v.range && !(Y.isScalar(v) && v.value === null && v.range[0] === v.range[1]) ? this.end(v) : this.end(last.key as Node);
      }
      return this.end(last as Node);
    }
    if (Y.isScalar(n) && n.type === "PLAIN") return plainEnd(this.text, n.range![0], n.range![1]);
    return n.range![1];
  }

  private readonly indexes = new WeakMap<object, Map<string, { key: Node; value: Node | null }>>();

  private findInMap(map: unknown, key: string, depth = 0): { key?: Node; value: Node | null } | undefined {
    if (!Y.isMap(map) || depth > 20) return undefined;
    // Large mappings get an index so that locating every key stays linear.
    let index = this.indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (Y.isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), { key: pair.key as Node, value: (pair.value as Node | null) ?? null });
      }
      this.indexes.set(map, index);
    }
    const direct = index.get(key);
    if (direct) return direct;
    for (const pair of map.items) {
      // With `merge: true` the yaml package gives merge keys a symbol value, `Symbol(<<)`.
      if (Y.isScalar(pair.key) && (pair.key.value === "<<" || String(pair.key.value) === "Symbol(<<)")) {
        const sources = Y.isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const s of sources) {
          const f = this.findInMap(Y.isAlias(s) ? s.resolve(this.doc) : s, key, depth + 1);
          if (f) return f;
        }
      }
    }
    return undefined;
  }

  walk(segs: readonly string[]): Landing {
    let node: unknown = this.doc.contents;
    let key: Node | undefined;
    let i = 0;
    for (; i < segs.length; i++) {
      if (Y.isAlias(node)) node = node.resolve(this.doc);
      const seg = segs[i];
      if (Y.isMap(node)) {
        const f = this.findInMap(node, seg);
        if (!f) break;
        key = f.key;
        node = f.value;
      } else if (Y.isSeq(node) && /^\d+$/.test(seg) && node.items[Number(seg)] !== undefined) {
        key = undefined;
        node = node.items[Number(seg)];
      } else break;
    }
    const n = node as Node | null;
    const empty = Y.isScalar(n) && n.value === null && !!n.range && n.range[0] === n.range[1];
    return {
      key: this.range(key),
      value: empty ? undefined : this.range(n),
      blockCollection: (Y.isMap(n) || Y.isSeq(n)) && !n.flow,
      exists: i === segs.length,
      depth: i,
    };
  }

  kindRange(): Range | undefined {
    const c = this.doc.contents;
    if (Y.isMap(c)) {
      for (const p of c.items) {
        if (Y.isScalar(p.key) && p.key.value === "kind") {
          const k = this.range(p.key as Node)!;
          const v = this.range(p.value as Node | null);
          return [k[0], v && v[1] > v[0] ? v[1] : k[1]];
        }
      }
      const first = this.range(c.items[0]?.key as Node | undefined);
      if (first) return first;
    }
    return c?.range ? [c.range[0], Math.max(c.range[0] + 1, this.end(c))] : undefined;
  }

  contentStart(): number {
    return this.doc.contents?.range?.[0] ?? this.doc.range[0];
  }
}
