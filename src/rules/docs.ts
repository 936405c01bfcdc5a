// Rules: each rule's French documentation page (beside its module) and its public URL.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the documentation is published; helpUri and links derive from it, never written by hand. */
export const DOCS_BASE_URL = "https://github.com/gouvnum/gouvnum/blob/main/src/rules/";

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

const cache = new Map<string, string>();

/** The Markdown documentation page of a rule (from `src/rules/` or `dist/rules/`), or undefined. */
export function ruleDoc(id: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  let md = cache.get(id);
  if (md === undefined) {
    try {
      // `../rules/`: the same folder from `src/rules/`, `dist/rules/` and the bundle in `dist/bundle/`.
      md = readFileSync(fileURLToPath(new URL(`../rules/${id}.md`, import.meta.url)), "utf8");
    } catch {
      return undefined;
    }
    cache.set(id, md);
  }
  return md;
}

/** The text of one `## Section` of a doc page, without its heading. */
export function docSection(md: string, title: string): string | undefined {
  const start = md.indexOf(`\n## ${title}\n`);
  if (start < 0) return undefined;
  const rest = md.slice(start + title.length + 5);
  const end = rest.indexOf("\n## ");
  return (end >= 0 ? rest.slice(0, end) : rest).trim();
}
