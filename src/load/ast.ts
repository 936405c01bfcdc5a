// Load: a parser-neutral view of a parsed document — where a JSON pointer lands, as offsets in the file.

/** Offsets `[start, end)` in the file text. */
export type Range = [number, number];

/** Where a pointer lands: the deepest node reached, and whether the whole pointer exists. */
export interface Landing {
  /** Range of the key of the last map entry walked (absent for list items and the root). */
  key?: Range;
  /** Range of the node reached (absent for an empty value). */
  value?: Range;
  /** The node reached is a block (not flow) mapping or list: people read its key, not its first child. */
  blockCollection: boolean;
  exists: boolean;
  /** How many segments resolved. */
  depth: number;
}

/** A parsed document's positions. Both parsers (block path and reference) implement it identically. */
export interface DocAst {
  walk(segments: readonly string[]): Landing;
  /** The `kind: …` entry of a top-level mapping, else its first key, else the content. */
  kindRange(): Range | undefined;
  /** Start of the document's content. */
  contentStart(): number;
}

/** End of a plain scalar's text: trailing white space and a trailing comment are not part of it. */
export function plainEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1])) e--;
    const lineStart = Math.max(start, text.lastIndexOf("\n", e - 1) + 1);
    const line = text.slice(lineStart, e);
    const hash = line.search(/(^|\s)#/);
    if (hash < 0 || lineStart + hash <= start) return e;
    e = lineStart + hash;
  }
}
