// Documentation stands alone: every relative link of the README, docs/, rule pages, examples, templates
// and messages points to a file (and heading) of the project, and nothing cites a file outside it.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { ROOT } from "./helpers.js";

/** Files outside the project (design notes, specifications) that users never have. */
const OUTSIDE = /\b(?:FORMAT|RULES|CLI|ARCHITECTURE|DOMAIN|LEGAL-REVIEW)\.md\b|\.\.\/shared\b/g;

/** GitHub's anchor for a heading text (lower case, punctuation dropped, spaces to hyphens). */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors a Markdown text defines: its headings (numbered like GitHub when repeated) and `<a id>`/`<a name>`. */
export function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(markdown).split("\n")) {
    const h = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const base = slug(h[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]);
  }
  return out;
}

/** The text with fenced code blocks blanked (line numbers kept); inline code is blanked too when `inline`. */
function withoutCode(markdown: string, inline = false): string {
  let fence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const f = /^\s*(```+|~~~+)/.exec(line);
      if (fence) {
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
        return "";
      }
      if (f) {
        fence = f[1];
        return "";
      }
      return inline ? line.replace(/(`+)[^`]*?\1/g, (s) => " ".repeat(s.length)) : line;
    })
    .join("\n");
}

export interface Problem {
  file: string;
  line: number;
  text: string;
}

/**
 * What is wrong in one file: a cited file outside the project, or (for Markdown) a relative link or image whose
 * target file, or heading, does not exist. `exists` and `read` answer for paths relative to `root`.
 */
export function check(
  file: string,
  text: string,
  fs: { exists(path: string): boolean; read(path: string): string | null },
  markdown = file.endsWith(".md"),
): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    for (const m of line.matchAll(OUTSIDE)) problems.push({ file, line: i + 1, text: `cite un fichier hors du projet : ${m[0]}` });
  });
  if (!markdown) return problems;
  const prose = withoutCode(text, true).split("\n");
  const links = (line: string) => [
    ...[...line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...line.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1]),
    ...[...line.matchAll(/<(?:img|a)\s[^>]*?(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
  ];
  prose.forEach((line, i) => {
    for (const target of links(line)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.includes("{{")) continue; // https:, mailto:, template fields
      const [rawPath, anchor] = target.split("#");
      const path = decodeURIComponent(rawPath.split("?")[0]);
      if (path === "") {
        if (anchor && !anchors(text).has(decodeURIComponent(anchor))) problems.push({ file, line: i + 1, text: `ancre inconnue : ${target}` });
        continue;
      }
      const where = join(dirname(file), path);
      if (where.startsWith("..") || where.split(sep).includes("..")) {
        problems.push({ file, line: i + 1, text: `lien hors du projet : ${target}` });
        continue;
      }
      if (!fs.exists(where)) {
        problems.push({ file, line: i + 1, text: `lien mort : ${target}` });
        continue;
      }
      if (anchor && where.endsWith(".md")) {
        const body = fs.read(where);
        if (body !== null && !anchors(body).has(decodeURIComponent(anchor))) problems.push({ file, line: i + 1, text: `ancre inconnue : ${target}` });
      }
    }
  });
  return problems;
}

const projectFs = {
  exists: (p: string) => existsSync(join(ROOT, p)),
  read: (p: string) => {
    const abs = join(ROOT, p);
    return existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, "utf8") : null;
  },
};

function walk(dir: string, keep: (name: string) => boolean): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : [],
  );
}

/**
 * Every file a user reads — the README, docs/, rule pages, example territories' notes, report templates, messages —
 * and the source a contributor reads (its comments cite the project's docs, not design notes kept elsewhere),
 * rule fixtures included: they sit in the rule's folder, beside its page, and are the model a new rule copies.
 */
export function readFiles(): string[] {
  const files = [
    "README.md",
    ...walk("docs", (n) => n.endsWith(".md")),
    ...walk("src/rules", (n) => n.endsWith(".md") || n.endsWith(".yaml")),
    ...walk("examples", (n) => n.endsWith(".md")),
    ...walk("templates", () => true),
    ...walk("src/messages", () => true),
    ...walk("src", (n) => n.endsWith(".ts")),
  ];
  return [...new Set(files)];
}

describe("la documentation se suffit à elle-même", () => {
  const files = readFiles();

  it("parcourt les fichiers lus par les utilisateurs", () => {
    expect(files).toContain("README.md");
    expect(files).toContain("docs/README.md");
    expect(files.filter((f) => f.startsWith("src/rules/")).length).toBeGreaterThan(50);
    expect(files.some((f) => f.startsWith("templates/"))).toBe(true);
    expect(files.some((f) => f.startsWith("src/messages/fr/"))).toBe(true);
    expect(files).toContain("src/audit/engine.ts");
  });

  it("aucun lien mort, aucune ancre inconnue, aucun fichier cité hors du projet", () => {
    const problems = files.flatMap((f) => check(f, readFileSync(join(ROOT, f), "utf8"), projectFs));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.text}`)).toEqual([]);
  });

  it("l'index docs/README.md relie chaque page de docs/", () => {
    const index = readFileSync(join(ROOT, "docs/README.md"), "utf8");
    const pages = readdirSync(join(ROOT, "docs")).filter((n) => n.endsWith(".md") && n !== "README.md");
    const missing = pages.filter((p) => !new RegExp(`\\]\\(${p.replace(/\./g, "\\.")}(#[^)]*)?\\)`).test(index));
    expect(missing, "pages absentes de docs/README.md").toEqual([]);
  });

  it("le README renvoie à l'index de la documentation", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toMatch(/\]\(docs\/README\.md\)/);
  });
});

describe("le vérificateur de liens échoue quand il le faut", () => {
  const fakeFs = (files: Record<string, string>) => ({
    exists: (p: string) => p in files || Object.keys(files).some((f) => f.startsWith(p + "/")),
    read: (p: string) => files[p] ?? null,
  });
  const fs = fakeFs({ "docs/format.md": "# Format\n\n## Les établissements\n\n## Exemple\n\n## Exemple\n", "docs/cli.md": "# CLI\n", "schemas/a.json": "{}" });

  it("signale un lien mort, une image absente, une ancre inconnue, un lien qui sort du projet", () => {
    const text = [
      "Voir [le format](format.md) et [la ligne de commande](cli.md).", // bons
      "Voir [le format](formats.md).", // mort
      "![carte](images/carte.png)", // image absente
      "[établissements](format.md#les-établissements) [exemple](format.md#exemple-1)", // bonnes ancres
      "[ancre](format.md#les-etablissements)", // ancre inconnue (accents gardés par GitHub)
      "[spec](../../shared/spec/FORMAT.md)", // hors projet, et cité
      "# Guide\n[schéma](../schemas/a.json) [site](https://example.org/x.md) [ici](#guide) [là](#absente)",
      "`[pas un lien](absent.md)`",
      "```",
      "[pas un lien non plus](absent.md)",
      "```",
      "[réf]: absent2.md",
    ].join("\n");
    const got = check("docs/guide.md", text, fs).map((p) => `${p.line} ${p.text}`);
    expect(got).toEqual([
      "6 cite un fichier hors du projet : ../shared",
      "6 cite un fichier hors du projet : FORMAT.md",
      "2 lien mort : formats.md",
      "3 lien mort : images/carte.png",
      "5 ancre inconnue : format.md#les-etablissements",
      "6 lien hors du projet : ../../shared/spec/FORMAT.md",
      "8 ancre inconnue : #absente",
      "13 lien mort : absent2.md",
    ]);
  });

  it("signale un fichier de conception cité dans un message ou un gabarit, mais pas docs/cli.md ni docs/format.md", () => {
    expect(check("src/messages/fr/x.ts", '"voir RULES.md"\n"voir CLI.md § 3"\n"voir docs/cli.md"', fs).map((p) => p.line)).toEqual([1, 2]);
    expect(check("templates/r.html.hbs", "<p>(FORMAT.md § 8)</p>\n<p>DOMAIN.md, LEGAL-REVIEW.md, ARCHITECTURE.md</p>", fs)).toHaveLength(4);
    expect(check("docs/a.md", "[cli](cli.md), [format](format.md#format)", fs)).toEqual([]);
  });

  it("calcule les ancres comme GitHub", () => {
    expect(slug("La configuration : `gouvnum.config.yaml`")).toBe("la-configuration--gouvnumconfigyaml");
    expect(slug("Écrire une règle locale")).toBe("écrire-une-règle-locale");
    expect([...anchors("# A\n```\n# pas un titre\n```\n## A\n<a id=\"x\"></a>")]).toEqual(["a", "a-1", "x"]);
  });
});
