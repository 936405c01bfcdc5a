// Report: JSON written in pieces — the text of `JSON.stringify(value, null, 2)`, byte for byte, given as chunks, where
// a large array (findings, results) is a `Streamed` list whose elements are made and written one after the other.

/**
 * An array given as an iterable: each element is made when written and never kept; a value made once, read once.
 * Its elements are written as JSON.stringify writes them, each in one piece: a Streamed list inside an element is
 * not supported, and fails loudly rather than being written as `{}`.
 */
export class Streamed<T = unknown> {
  constructor(readonly items: Iterable<T>) {}
  toJSON(): never {
    throw new Error("json-stream : une liste Streamed ne peut pas être dans un élément d'une autre");
  }
}

/** Whether `v` holds a `Streamed` list (the only values walked key by key; every other one is stringified whole). */
function holdsStream(v: unknown): boolean {
  if (v instanceof Streamed) return true;
  if (v === null || typeof v !== "object" || typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  return Object.values(v).some(holdsStream);
}

/** `JSON.stringify(v, null, 2)` nested `depth` levels deep: every line after the first indented by the parent's indentation. */
function nested(v: unknown, depth: number): string {
  const s = JSON.stringify(v, null, 2);
  // A JSON text never holds a raw line break inside a string: every "\n" is a line of the layout.
  return depth === 0 ? s : s.replaceAll("\n", "\n" + pad(depth));
}

const PADS: string[] = [];
/** The indentation of `depth` levels. */
function pad(depth: number): string {
  return (PADS[depth] ??= "  ".repeat(depth));
}

/** Whether JSON.stringify leaves an object's member out (undefined, a function, a symbol). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * The chunks of `JSON.stringify(value, null, 2)`, `depth` levels deep (their concatenation is that text): objects
 * and arrays that hold a `Streamed` list are written member by member, a `Streamed` list element by element (each
 * element stringified on its own, in one piece, then dropped), everything else in one piece.
 */
export function* jsonChunks(value: unknown, depth = 0): Generator<string, void, undefined> {
  if (!holdsStream(value)) {
    yield nested(value, depth);
    return;
  }
  const inner = pad(depth + 1);
  if (value instanceof Streamed) {
    // One piece per element, stringified whole (with its separator): the element is dropped once written.
    let first = true;
    for (const item of value.items) {
      // In an array, what an object would leave out is null (as JSON.stringify writes it).
      yield (first ? "[\n" : ",\n") + inner + (skipped(item) ? "null" : nested(item, depth + 1));
      first = false;
    }
    yield first ? "[]" : "\n" + pad(depth) + "]";
    return;
  }
  if (Array.isArray(value)) {
    let first = true;
    for (const item of value) {
      yield (first ? "[\n" : ",\n") + inner;
      first = false;
      if (skipped(item)) yield "null";
      else yield* jsonChunks(item, depth + 1);
    }
    yield first ? "[]" : "\n" + pad(depth) + "]";
    return;
  }
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (skipped(v)) continue;
    yield (first ? "{\n" : ",\n") + inner + JSON.stringify(key) + ": ";
    first = false;
    yield* jsonChunks(v, depth + 1);
  }
  yield first ? "{}" : "\n" + pad(depth) + "}";
}

/** The whole text of chunks (for the callers that want a string). */
export function joinChunks(chunks: Iterable<string>): string {
  let s = "";
  for (const c of chunks) s += c;
  return s;
}
