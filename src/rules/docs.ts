// Rules: each rule's French documentation page (src/rules/<id>/doc.md, beside its rule.ts) and its public URL.
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
// Loading the registry puts every built-in rule's texts in the message catalogue (what readers of a page also read).
import "./index.js";

/** Where the documentation is published; helpUri and links derive from it, never written by hand. */
export const DOCS_BASE_URL = "https://github.com/gouvnum/gouvnum/blob/main/src/rules/";

/** Local rules' pages (`plugins:`): a file path or a URL, by rule id. */
const localDocs = new Map<string, string>();

/** Records a local rule's page, so that every output links to it and the reports quote it. */
export function registerLocalDoc(id: string, where: string): void {
  localDocs.set(id, where);
  cache.delete(id);
}

export function ruleDocUrl(id: string): string {
  const local = localDocs.get(id);
  if (local !== undefined) return /^[a-z]+:\/\//.test(local) ? local : pathToFileURL(local).href;
  return `${DOCS_BASE_URL}${id}/doc.md`;
}

const cache = new Map<string, string>();

/** The Markdown documentation page of a rule (`<id>/doc.md` in `src/rules/` or `dist/rules/`), or undefined. */
export function ruleDoc(id: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  let md = cache.get(id);
  if (md === undefined) {
    const local = localDocs.get(id);
    try {
      if (local !== undefined) {
        if (/^[a-z]+:\/\//.test(local)) return undefined;
        md = readFileSync(local, "utf8");
        cache.set(id, md);
        return md;
      }
      // `../rules/`: the same folder from `src/rules/`, `dist/rules/` and the bundle in `dist/bundle/`.
      md = readFileSync(fileURLToPath(new URL(`../rules/${id}/doc.md`, import.meta.url)), "utf8");
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
