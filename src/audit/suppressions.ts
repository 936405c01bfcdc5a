// Audit: `# gouvnum-ignore <ids> -- <raison>` comments, found per document.
import type { LoadedDocument } from "../load/document.js";

export interface Suppression {
  doc: LoadedDocument;
  /** Offsets of the comment in the file. */
  range: [number, number];
  ruleIds: string[];
  reason: string;
}

const MARK = /#\s*gouvnum-ignore\b(.*)$/;

/** Suppression comments inside a document's text span. */
export function findSuppressions(doc: LoadedDocument): Suppression[] {
  const out: Suppression[] = [];
  const { text } = doc.source;
  const [start, end] = doc.span;
  const chunk = text.slice(start, end);
  if (!chunk.includes("gouvnum-ignore")) return out;
  let offset = start;
  for (const line of chunk.split("\n")) {
    const m = MARK.exec(line);
    if (m && isComment(line, m.index)) {
      const rest = m[1];
      const sep = rest.indexOf("--");
      const idsPart = sep >= 0 ? rest.slice(0, sep) : rest;
      const reason = sep >= 0 ? rest.slice(sep + 2).trim() : "";
      const ruleIds = idsPart.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
      const at = offset + m.index;
      out.push({ doc, range: [at, offset + line.replace(/\r$/, "").length], ruleIds, reason });
    }
    offset += line.length + 1;
  }
  return out;
}

/** A `#` starts a comment when it begins the line or follows white space outside quotes. */
function isComment(line: string, hash: number): boolean {
  if (hash > 0 && !/\s/.test(line[hash - 1])) return false;
  let single = false;
  let double = false;
  for (let i = 0; i < hash; i++) {
    const c = line[i];
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
  }
  return !single && !double;
}
