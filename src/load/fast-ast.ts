// Load: the fast path — @stoplight/yaml-ast-parser for plain files (about ten times faster than the reference parser).
// It takes only files whose meaning is unambiguous under YAML 1.2 core: no syntax error, no tag, no directive,
// no anchor or alias, no complex or non-string key. Anything else is declined and read by the reference parser,
// which reports errors with exact codes. A test checks both paths give the same values and positions.
import { loadAll, Kind, type YAMLNode, type YAMLScalar, type YAMLMapping, type YamlMap, type YAMLSequence } from "@stoplight/yaml-ast-parser";
import { plainEnd, type DocAst, type Landing, type Range } from "./ast.js";
import { resolvePlain } from "./scalar.js";

export interface FastDoc {
  ast: DocAst;
  contentStart: number;
  value: unknown;
}

/** Characters that may start a tag or a directive: such files go to the reference parser. */
const TAG_OR_DIRECTIVE = /(?:^|[\s,[{:?-])!|^%/m;

class Decline extends Error {}

/** Territory files are a few hundred lines; a file over this goes to the reference parser. */
const MAX_FAST_LINES = 5_000;

function lineCountOver(text: string, max: number): boolean {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) if (++n > max) return true;
  return false;
}

/** Parses a whole file, or returns undefined when the file must go to the reference parser. */
export function parseFast(text: string, maxDepth: number): FastDoc[] | undefined {
  if (TAG_OR_DIRECTIVE.test(text)) return undefined;
  // yaml-ast-parser is quadratic in the keys of one mapping: very long files go to the reference parser.
  if (lineCountOver(text, MAX_FAST_LINES)) return undefined;
  const nodes: YAMLNode[] = [];
  try {
    loadAll(text, (d) => {
      if (d) nodes.push(d);
    });
  } catch {
    return undefined;
  }
  try {
    const docs: FastDoc[] = [];
    for (const node of nodes) {
      if (node.errors.length > 0) return undefined;
      if (node.kind === Kind.SCALAR && isEmptyScalar(node as YAMLScalar)) continue;
      const value = toValue(node, text, 1, maxDepth);
      docs.push({ ast: new FastDocAst(node, text), contentStart: node.startPosition, value });
    }
    return docs;
  } catch (e) {
    if (e instanceof Decline || e instanceof RangeError) return undefined;
    throw e;
  }
}

function isEmptyScalar(s: YAMLScalar): boolean {
  return s.plainScalar !== false && !s.doubleQuoted && !s.singleQuoted && resolvePlain(s.value ?? "") === null && (s.value ?? "") === "";
}

function isBlockScalar(s: YAMLScalar, text: string): boolean {
  const c = text[s.startPosition];
  return !s.doubleQuoted && !s.singleQuoted && (c === "|" || c === ">");
}

function scalarValue(s: YAMLScalar, text: string): unknown {
  if (s.doubleQuoted || s.singleQuoted || isBlockScalar(s, text)) return s.value;
  if (s.value === undefined || s.value === null) return null;
  return resolvePlain(s.value);
}

function toValue(node: YAMLNode | null | undefined, text: string, depth: number, maxDepth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > maxDepth) throw new Decline();
  if (node.anchorId) throw new Decline();
  switch (node.kind) {
    case Kind.SCALAR:
      return scalarValue(node as YAMLScalar, text);
    case Kind.MAP: {
      const out: Record<string, unknown> = {};
      for (const m of (node as YamlMap).mappings as YAMLMapping[]) {
        const k = m.key as YAMLNode | null;
        if (!k || k.kind !== Kind.SCALAR || k.anchorId) throw new Decline();
        const ks = k as YAMLScalar;
        const key = ks.doubleQuoted || ks.singleQuoted ? ks.value : ks.value;
        if (!(ks.doubleQuoted || ks.singleQuoted) && (typeof resolvePlain(key) !== "string" || key === "<<")) throw new Decline();
        if (isBlockScalar(ks, text)) throw new Decline();
        if (Object.prototype.hasOwnProperty.call(out, key)) throw new Decline();
        const v = toValue(m.value, text, depth + 1, maxDepth);
        // `__proto__` stays an own data property, as with the reference parser: never a prototype change.
        if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
        else out[key] = v;
      }
      return out;
    }
    case Kind.SEQ:
      return ((node as YAMLSequence).items ?? []).map((it) => toValue(it, text, depth + 1, maxDepth));
    default:
      throw new Decline(); // aliases, includes
  }
}

class FastDocAst implements DocAst {
  constructor(
    private readonly root: YAMLNode,
    private readonly text: string,
  ) {}

  private readonly indexes = new WeakMap<YamlMap, Map<string, YAMLMapping>>();

  /** The entry of a key; large mappings get an index so that locating every key stays linear. */
  private entry(map: YamlMap, key: string): YAMLMapping | undefined {
    const mappings = map.mappings as YAMLMapping[];
    if (mappings.length < 32) return mappings.find((x) => (x.key as YAMLScalar).value === key);
    let index = this.indexes.get(map);
    if (!index) {
      index = new Map();
      for (const m of mappings) if (!index.has((m.key as YAMLScalar).value)) index.set((m.key as YAMLScalar).value, m);
      this.indexes.set(map, index);
    }
    return index.get(key);
  }

  private isFlow(n: YAMLNode): boolean {
    const c = this.text[n.startPosition];
    return c === "{" || c === "[";
  }

  private range(n: YAMLNode): Range {
    return [n.startPosition, this.end(n)];
  }

  /** Parser-neutral end: a block collection ends with its last descendant, a plain scalar before any comment. */
  private end(n: YAMLNode): number {
    if ((n.kind === Kind.MAP || n.kind === Kind.SEQ) && !this.isFlow(n)) {
      const items = n.kind === Kind.MAP ? ((n as YamlMap).mappings as YAMLMapping[]) : (n as YAMLSequence).items;
      const last = items[items.length - 1] as YAMLNode | undefined;
      if (!last) return n.endPosition;
      if (n.kind === Kind.MAP) {
        const m = last as YAMLMapping;
        return m.value ? this.end(m.value) : this.end(m.key);
      }
      return this.end(last);
    }
    if (n.kind === Kind.SCALAR) {
      const sc = n as YAMLScalar;
      if (!sc.doubleQuoted && !sc.singleQuoted && !isBlockScalar(sc, this.text)) return plainEnd(this.text, n.startPosition, n.endPosition);
    }
    return n.endPosition;
  }

  walk(segs: readonly string[]): Landing {
    let node: YAMLNode | null = this.root;
    let key: YAMLNode | undefined;
    let i = 0;
    for (; i < segs.length; i++) {
      const seg = segs[i];
      if (node && node.kind === Kind.MAP) {
        const m = this.entry(node as YamlMap, seg);
        if (!m) break;
        key = m.key;
        node = m.value ?? null;
      } else if (node && node.kind === Kind.SEQ && /^\d+$/.test(seg) && (node as YAMLSequence).items[Number(seg)] !== undefined) {
        key = undefined;
        node = (node as YAMLSequence).items[Number(seg)] ?? null;
      } else break;
    }
    const collection = node !== null && (node.kind === Kind.MAP || node.kind === Kind.SEQ);
    return {
      key: key ? this.range(key) : undefined,
      value: node ? this.range(node) : undefined,
      blockCollection: collection && !this.isFlow(node!),
      exists: i === segs.length,
      depth: i,
    };
  }

  kindRange(): Range | undefined {
    const c = this.root;
    if (c.kind === Kind.MAP) {
      const mappings = (c as YamlMap).mappings as YAMLMapping[];
      const kind = mappings.find((m) => (m.key as YAMLScalar).value === "kind");
      if (kind) {
        const v = kind.value;
        return [kind.key.startPosition, v && this.end(v) > v.startPosition ? this.end(v) : this.end(kind.key)];
      }
      if (mappings[0]) return this.range(mappings[0].key);
    }
    return [c.startPosition, Math.max(c.startPosition + 1, this.end(c))];
  }

  contentStart(): number {
    return this.root.startPosition;
  }
}
