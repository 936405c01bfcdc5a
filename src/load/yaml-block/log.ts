// Load, block reader: the position log written while reading a document's values, and the positions it gives.
import type { DocAst, Landing, Range } from "../ast.js";

/** The log's layout (a `const enum`: written as numbers where used, like the character codes). */
export const enum Log {
  /** Integers a log entry: key start, key end, value start, value end, kind flags, next node. */
  REC = 6,
  /** Kind flags of a log entry's value. */
  F_MAP = 1,
  F_SEQ = 2,
  F_FLOW = 4,
}

/**
 * Positions of one document from the log written while reading its values: six integers a node (key start, key
 * end, value start or -1 when empty, value end, kind flags, next node), the document's root first, then each map
 * entry and list item in document order, each followed by its own subtree. A pointer is followed through the
 * value: the k-th key of a mapping (JS key order is file order: files with index-like keys get no log) is its
 * k-th child. No second reading of the file, and a few integers a node instead of a syntax tree.
 */
export class LogDocAst implements DocAst {
  /** Children of large nodes and key indexes of large mappings, computed once each (locating every key of a
   * 50,000-key mapping stays linear); created on first need, most documents never have one. */
  private children?: Map<number, Int32Array>;
  private keyIndexes?: WeakMap<object, Map<string, number>>;

  constructor(
    private readonly value: unknown,
    readonly log: Int32Array,
  ) {}

  /** The node number of the k-th child of node `n`. */
  private child(n: number, k: number): number {
    const log = this.log;
    if (k < 16) {
      let c = n + 1;
      for (let i = 0; i < k; i++) c = log[c * Log.REC + 5];
      return c;
    }
    this.children ??= new Map();
    let list = this.children.get(n);
    if (!list) {
      const end = log[n * Log.REC + 5];
      const out: number[] = [];
      for (let c = n + 1; c < end; c = log[c * Log.REC + 5]) out.push(c);
      list = Int32Array.from(out);
      this.children.set(n, list);
    }
    return list[k];
  }

  private keyIndex(obj: Record<string, unknown>, key: string): number {
    let index = this.keyIndexes?.get(obj);
    if (!index) {
      const keys = Object.keys(obj);
      if (keys.length < 32) return keys.indexOf(key);
      index = new Map(keys.map((k, i) => [k, i]));
      (this.keyIndexes ??= new WeakMap()).set(obj, index);
    }
    return index.get(key) ?? -1;
  }

  walk(segs: readonly string[]): Landing {
    const log = this.log;
    let n = 0;
    let v: unknown = this.value;
    let key: Range | undefined;
    let i = 0;
    for (; i < segs.length; i++) {
      const seg = segs[i];
      const flags = log[n * Log.REC + 4];
      if (flags & Log.F_MAP && v !== null && typeof v === "object" && !Array.isArray(v)) {
        const k = this.keyIndex(v as Record<string, unknown>, seg);
        if (k < 0) break;
        n = this.child(n, k);
        key = [log[n * Log.REC], log[n * Log.REC + 1]];
        v = (v as Record<string, unknown>)[seg];
      } else if (flags & Log.F_SEQ && Array.isArray(v) && /^\d+$/.test(seg) && v[Number(seg)] !== undefined) {
        n = this.child(n, Number(seg));
        key = undefined;
        v = v[Number(seg)];
      } else break;
    }
    const b = n * Log.REC;
    const flags = log[b + 4];
    return {
      key,
      value: log[b + 2] >= 0 ? [log[b + 2], log[b + 3]] : undefined,
      blockCollection: (flags & (Log.F_MAP | Log.F_SEQ)) !== 0 && (flags & Log.F_FLOW) === 0,
      exists: i === segs.length,
      depth: i,
    };
  }

  kindRange(): Range | undefined {
    const log = this.log;
    const k = this.keyIndex(this.value as Record<string, unknown>, "kind");
    const n = k >= 0 ? this.child(0, k) : 1;
    const b = n * Log.REC;
    if (k >= 0 && log[b + 2] >= 0 && log[b + 3] > log[b + 2]) return [log[b], log[b + 3]];
    return [log[b], log[b + 1]];
  }

  contentStart(): number {
    return this.log[2];
  }
}
