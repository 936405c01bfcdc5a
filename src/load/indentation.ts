// Load: what a person can act on when the YAML parser stops on an indentation mistake. The parser says
// « implicit key on several lines » or « bad indentation » one line off; this reads the lines of the document
// as a person does — each key against the keys of its block — and names the key, its indentation and the
// indentation it should have. Used only on documents the reference parser found broken: never on good files.

/** Parser codes an indentation mistake produces (the yaml package's codes). */
const INDENTATION_CODES = new Set([
  "BAD_INDENT",
  "MULTILINE_IMPLICIT_KEY",
  "MISSING_CHAR",
  "TAB_AS_INDENT",
  "BAD_INDENT_TAB",
  "DUPLICATE_KEY",
  "UNEXPECTED_TOKEN",
  "BLOCK_AS_IMPLICIT_KEY",
  "BAD_SCALAR_START",
]);

export function isIndentationCode(code: string): boolean {
  return INDENTATION_CODES.has(code);
}

export interface IndentationProblem {
  messageId: string;
  data: Record<string, string | number>;
  /** The offending key (or, for a tab, the start of its line). */
  offset: [number, number];
  /** 1-based line of the offending key. */
  line: number;
}

interface Frame {
  /** Column (0-based) of the keys of this mapping, or of the dashes of this list. */
  indent: number;
  list: boolean;
  /** The key that opened this block (absent at the top and for list items). */
  parent?: string;
  /** Keys seen in this mapping, with their line. */
  keys: Map<string, number>;
}

interface KeyLine {
  line: number;
  indent: number;
  key: string;
}

/** `key:` at the start of `s` (plain, or quoted without escapes), and whether a value follows on the line. */
const KEY = /^("[^"\\]*"|'[^']*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ ]*:(?=[ \t]|$)/;

function keyOf(content: string): { key: string; rest: string } | undefined {
  // An implicit key is at most 1,024 characters (YAML 1.2): a longer line is not read past that.
  const m = KEY.exec(content.length > 1100 ? content.slice(0, 1100) : content);
  if (!m) return undefined;
  const raw = m[1];
  const key = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw.trimEnd();
  return { key, rest: content.slice(m[0].length).trim() };
}

/** The value part without a trailing comment. */
function valueOf(rest: string): string {
  return rest.startsWith("#") ? "" : rest.replace(/\s+#.*$/, "");
}

/** Opened minus closed `{`/`[` of a line (quotes and comments skipped): a flow collection that goes on. */
function netBrackets(value: string): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s,[{:]/.test(value[i - 1])) quote = c;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === "#" && i > 0 && /\s/.test(value[i - 1])) break;
  }
  return depth;
}

/**
 * The first indentation mistake of the document that starts at `start` in `text`, up to the line after
 * `untilLine` (1-based; the parser reports an over-indented key at the end of the line before it). `startLine`:
 * the line of `start`, when the caller knows it.
 * Long on purpose: one pass over the lines whose state — the block stack, the block the previous key opened, a
 * block scalar or flow collection still running, the previous key line and the blocks it closed — every branch
 * reads and updates; split, each piece would take and return those seven variables.
 */
export function findIndentationMistake(text: string, start: number, end: number, untilLine: number, startLine?: number): IndentationProblem | undefined {
  let lineNo = startLine ?? lineFinder(text)(start);
  let pos = start > 0 ? text.lastIndexOf("\n", start - 1) + 1 : 0;
  const stack: Frame[] = [{ indent: 0, list: false, keys: new Map() }];
  let topSeen = false;
  /** Column under which a block opened by the previous line (`key:` with nothing after) may start. */
  let open: { indent: number; key?: string; line: number } | undefined;
  let blockScalar = -1;
  let flowDepth = 0;
  let previous: KeyLine | undefined;
  /** When the previous key line closed blocks (a dedent): the innermost frame it closed and the key line before it, to recognise a single line dedented by mistake. */
  let closed: { frame: Frame; before: KeyLine } | undefined;

  for (; pos < end && lineNo <= untilLine + 1; lineNo++) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(pos, nl).replace(/\r$/, "");
    const lineStart = pos;
    pos = nl + 1;
    const lead = /^[ \t]*/.exec(line)![0];
    const content = line.slice(lead.length);
    if (content === "" || content.startsWith("#")) continue;
    if (lead.length === 0 && /^(---|\.\.\.)(\s|$)/.test(content)) break; // next document
    const indent = lead.length;
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + netBrackets(content));
      continue;
    }
    if (blockScalar >= 0) {
      if (indent > blockScalar) continue;
      blockScalar = -1;
    }
    if (lead.includes("\t")) {
      const expected = open ? open.indent + 2 : stack[stack.length - 1].indent;
      return {
        messageId: "indentation.tabulation",
        data: { ligne: lineNo, attendu: spaces(expected) },
        offset: [lineStart, lineStart + lead.length],
        line: lineNo,
      };
    }

    // A list item: `- ` then maybe `key: value` (a mapping whose keys line up after the dash).
    let itemIndent = -1;
    let keyIndent = indent;
    let body = content;
    if (/^-(\s|$)/.test(body)) {
      itemIndent = indent;
      const after = /^-\s*/.exec(body)![0].length;
      keyIndent = indent + after;
      body = body.slice(after);
    }
    const k = keyOf(body);

    if (itemIndent < 0 && !k) {
      // A line that is neither a key nor a list item: a scalar going on over several lines, left to the parser.
      continue;
    }
    const here = itemIndent >= 0 ? itemIndent : keyIndent;

    if (open && (here > open.indent || (itemIndent >= 0 && here === open.indent))) {
      // First line of the block the previous key opened.
      stack.push({ indent: here, list: itemIndent >= 0, parent: open.key, keys: new Map() });
      open = undefined;
      closed = undefined;
    } else {
      open = undefined;
      let top = stack[stack.length - 1];
      if (!topSeen) top.indent = here; // the document's keys may all be indented
      if (here > top.indent) {
        // Deeper than its block, and the line before gave its key a value: over-indented — unless the line
        // before is the one out of place (dedented between two lines of the same block).
        if (previous && closed && here === closed.before.indent && !closed.frame.list && k && itemIndent < 0) {
          return {
            messageId: "indentation.entre",
            data: {
              ligne: previous.line,
              cle: previous.key,
              espaces: spaces(previous.indent),
              attendu: here,
              avant: closed.before.key,
              ligneAvant: closed.before.line,
              apres: k.key,
              ligneApres: lineNo,
            },
            offset: keyRange(text, previous),
            line: previous.line,
          };
        }
        const target: KeyLine = { line: lineNo, indent: here, key: k?.key ?? "-" };
        return {
          messageId: previous ? "indentation.trop" : "indentation.tropPremiere",
          data: { ligne: lineNo, cle: target.key, espaces: spaces(here), attendu: top.indent, precedente: previous?.key ?? "", lignePrecedente: previous?.line ?? 0 },
          offset: keyRange(text, target, lineStart),
          line: lineNo,
        };
      }
      let popped: Frame | undefined;
      let innermost: Frame | undefined;
      while (stack.length > 1 && (here < top.indent || (here === top.indent && top.list && itemIndent < 0))) {
        popped = stack.pop();
        innermost ??= popped;
        top = stack[stack.length - 1];
      }
      if (here !== top.indent) {
        const target: KeyLine = { line: lineNo, indent: here, key: k?.key ?? "-" };
        return {
          messageId: "indentation.pasAssez",
          data: { ligne: lineNo, cle: target.key, espaces: spaces(here), bloc: popped?.indent ?? top.indent, parent: top.indent, precedente: previous?.key ?? "", lignePrecedente: previous?.line ?? 0 },
          offset: keyRange(text, target, lineStart),
          line: lineNo,
        };
      }
      closed = innermost && previous ? { frame: innermost, before: previous } : undefined;
    }
    topSeen = true;

    // The mapping inside a list item: its first key sits after the dash.
    if (itemIndent >= 0 && k) stack.push({ indent: keyIndent, list: false, keys: new Map() });
    if (k) {
      const frame = stack[stack.length - 1];
      const first = frame.keys.get(k.key);
      if (first !== undefined && previous && previous.indent > keyIndent) {
        // The same key twice in a block, just after a deeper block: it was meant to be in that block.
        const inner = closed?.frame ?? undefined;
        return {
          messageId: "indentation.double",
          data: { ligne: lineNo, cle: k.key, premiere: first, bloc: inner?.parent ?? previous.key, attendu: inner?.indent ?? previous.indent },
          offset: keyRange(text, { line: lineNo, indent: keyIndent, key: k.key }, lineStart),
          line: lineNo,
        };
      }
      if (first === undefined) frame.keys.set(k.key, lineNo);
      const value = valueOf(k.rest);
      if (value === "") open = { indent: keyIndent, key: k.key, line: lineNo };
      else if (/^[|>][0-9+-]*$/.test(value)) blockScalar = keyIndent;
      else flowDepth = Math.max(0, netBrackets(value));
      previous = { line: lineNo, indent: keyIndent, key: k.key };
    } else {
      // `-` alone or `- value`
      const value = valueOf(body);
      if (value === "") open = { indent: itemIndent, line: lineNo };
      else flowDepth = Math.max(0, netBrackets(value));
    }
  }
  return undefined;
}

/** « 1 espace », « 4 espaces » (0 is singular in French). */
function spaces(n: number): string {
  return `${n} espace${n > 1 ? "s" : ""}`;
}

/** Offsets of a key on its line. */
function keyRange(text: string, k: KeyLine, lineStart?: number): [number, number] {
  let s = lineStart;
  if (s === undefined) {
    s = 0;
    for (let n = 1; n < k.line; n++) s = text.indexOf("\n", s) + 1;
  }
  const from = s + k.indent;
  const length = k.key === "-" ? 1 : Math.max(1, text.slice(from).search(/[ \t]*:|\r?\n|$/));
  return [from, from + length];
}

let lastFinder: { text: string; find: (offset: number) => number } | undefined;

/** 1-based line of an offset, by binary search in the offsets of the line breaks (the last file's are kept: its broken documents come one after the other). */
function lineFinder(text: string): (offset: number) => number {
  if (lastFinder?.text === text) return lastFinder.find;
  const find = makeLineFinder(text);
  lastFinder = { text, find };
  return find;
}

function makeLineFinder(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** A parser problem, as the loader keeps it (see ParseProblem in document.ts). */
interface Problem {
  messageId: string;
  data: Record<string, string | number>;
  offset: [number, number];
  documentIndex: number;
}

/**
 * A broken document's parser problems, with an indentation mistake explained: when the parser's first
 * indentation-like error comes with a key out of line at or before it, that key's problem replaces the
 * parser's errors from the line before it on (they follow from it); other errors stay.
 */
export function explainIndentation(text: string, start: number, end: number, problems: readonly Problem[]): Problem[] {
  const first = problems.find((p) => isIndentationCode(String(p.data.code ?? "")));
  if (!first) return [...problems];
  const lineAt = lineFinder(text);
  const mistake = findIndentationMistake(text, start, end, lineAt(first.offset[0]), lineAt(start));
  if (!mistake) return [...problems];
  const kept = problems.filter((p) => !isIndentationCode(String(p.data.code ?? "")) || lineAt(p.offset[0]) < mistake.line - 1);
  const explained: Problem = { messageId: mistake.messageId, data: { ...mistake.data, code: String(first.data.code) }, offset: mistake.offset, documentIndex: first.documentIndex };
  return [...kept, explained].sort((a, b) => a.offset[0] - b.offset[0]);
}
