// Report: JSON written in pieces — the text of `JSON.stringify(value, null, 2)`, byte for byte, given as chunks, where
// a large array (findings, results) is a `Streamed` list whose elements are made and written one after the other.

/** An array given as an iterable: each element is made when written and never kept; a value made once, read once. */
export class Streamed<T = unknown> {
  constructor(readonly items: Iterable<T>) {}
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
  return depth === 0 ? s : s.replace(/\n/g, "\n" + "  ".repeat(depth));
}

/** Whether JSON.stringify leaves an object's member out (undefined, a function, a symbol). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * The chunks of `JSON.stringify(value, null, 2)`, `depth` levels deep (their concatenation is that text): objects
 * and arrays that hold a `Streamed` list are written member by member, a `Streamed` list element by element (each
 * element stringified on its own, then dropped), everything else in one piece.
 */
export function* jsonChunks(value: unknown, depth = 0): Generator<string, void, undefined> {
  if (!holdsStream(value)) {
    yield nested(value, depth);
    return;
  }
  const inner = "  ".repeat(depth + 1);
  if (value instanceof Streamed || Array.isArray(value)) {
    const items: Iterable<unknown> = value instanceof Streamed ? value.items : value;
    let first = true;
    for (const item of items) {
      yield (first ? "[\n" : ",\n") + inner;
      first = false;
      // In an array, what an object would leave out is null (as JSON.stringify writes it).
      if (skipped(item)) yield "null";
      else yield* jsonChunks(item, depth + 1);
    }
    yield first ? "[]" : "\n" + "  ".repeat(depth) + "]";
    return;
  }
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (skipped(v)) continue;
    yield (first ? "{\n" : ",\n") + inner + JSON.stringify(key) + ": ";
    first = false;
    yield* jsonChunks(v, depth + 1);
  }
  yield first ? "{}" : "\n" + "  ".repeat(depth) + "}";
}

/** The whole text of chunks (for the callers that want a string). */
export function joinChunks(chunks: Iterable<string>): string {
  let s = "";
  for (const c of chunks) s += c;
  return s;
}
