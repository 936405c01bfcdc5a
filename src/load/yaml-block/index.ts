// Load: the block reader — a hand-written reader for the YAML territory files are made of, in one pass and
// without a syntax tree: block mappings and lists, one-line plain and quoted scalars, one-line flow `{ }` and
// `[ ]`, comments and `---` separators. Anything else (tags, anchors, aliases, block scalars, multi-line
// scalars or flows, complex or non-text keys, duplicate keys, merge keys, tabs, control characters, `...`)
// is declined and read by the reference parser (the yaml package), which reports errors with exact codes. Values
// follow the YAML 1.2 core schema; positions (a log written with the values, or a second reading when a finding
// needs them) are those of the reference parser. Tests compare values and positions with the reference parser on
// every YAML file of the repository, on generated territories, on mutated and on generated documents.
//
// One entry point: `parse(text) → documents (values and position logs) | DECLINED`.
import { Reader, DECLINE, type BlockDoc } from "./reader.js";

export { LogDocAst } from "./log.js";
export type { BlockDoc } from "./reader.js";

/** What a reading builds. */
export interface BlockOptions {
  /** The documents' values (default true). Without them, the file is one this path has already accepted. */
  values?: boolean;
  /** Each document's position log (see LogDocAst). */
  log?: boolean;
}

/** The answer for a text outside the subset: the reference parser reads it. */
export const DECLINED = "declined";

/** What this reader leaves to the reference parser: tabs, a CR that does not end a line, other controls, BOM, NEL, LS and PS. */
const UNSUPPORTED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;

/** Reads a whole file: its documents (values, and position logs when asked for), or `DECLINED`. */
export function parse(text: string, maxDepth: number, o: BlockOptions = {}): BlockDoc[] | typeof DECLINED {
  if (UNSUPPORTED.test(text)) return DECLINED;
  try {
    return new Reader(text, maxDepth, o.values ?? true, o.log ?? false).documents();
  } catch (e) {
    if (e === DECLINE || e instanceof RangeError) return DECLINED;
    throw e;
  }
}

/** `parse`, with undefined for a declined text. */
export function parseBlock(text: string, maxDepth: number, o: BlockOptions = {}): BlockDoc[] | undefined {
  const r = parse(text, maxDepth, o);
  return r === DECLINED ? undefined : r;
}
