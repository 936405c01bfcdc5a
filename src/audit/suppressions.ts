// Audit: `# gouvnum-ignore <ids> -- <raison>` comments, found per document.
import type { LoadedDocument } from "../load/document.js";

/** A suppression comment as plain data (cacheable): where it is and what it says. */
export interface SuppressionData {
  /** Offsets of the comment in the file. */
  range: [number, number];
  ruleIds: string[];
  reason: string;
}

const DIRECTIVE = /^#\s*gouvnum-ignore\b/;

/** Suppression comments inside a document's text span: a comment that starts with `gouvnum-ignore`. */
export function findSuppressions(doc: Pick<LoadedDocument, "source" | "span">): SuppressionData[] {
  const out: SuppressionData[] = [];
  const { text } = doc.source;
  const [start, end] = doc.span;
  const chunk = text.slice(start, end);
  if (!chunk.includes("gouvnum-ignore")) return out;
  let offset = start;
  for (const raw of chunk.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const hash = commentStart(line);
    if (hash >= 0 && DIRECTIVE.test(line.slice(hash))) {
      // The directive runs to the end of the line or to a further comment (` # …`) after it.
      const body = line.slice(hash).replace(DIRECTIVE, "");
      const stop = body.search(/\s#/);
      const directive = stop >= 0 ? body.slice(0, stop) : body;
      const sep = directive.indexOf("--");
      const idsPart = sep >= 0 ? directive.slice(0, sep) : directive;
      const reason = sep >= 0 ? directive.slice(sep + 2).trim() : "";
      const ruleIds = idsPart.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);
      out.push({ range: [offset + hash, offset + line.length], ruleIds, reason });
    }
    offset += raw.length + 1;
  }
  return out;
}

/** Where the line's comment starts: the first `#` at the line start or after white space, outside quotes; -1 if none. */
function commentStart(line: string): number {
  let single = false;
  let double = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    else if (c === "#" && !single && !double && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}
