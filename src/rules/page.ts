// Rules: the parts of a rule's page (src/rules/<id>/doc.md) made from the rule itself — the header (title, default
// severity, group, what it looks at, summary) and the « Options » section —, so that no page copies them by hand.
// `npm run gen:docs` rewrites them; test/rules-docs.test.ts fails when a page differs.
import type { RuleDefinition } from "../audit/rule.js";
import { catalogue } from "../messages/index.js";

const SEVERITY_FR: Record<string, string> = { error: "erreur", warning: "avertissement", info: "info" };
const TYPE_FR: Record<string, string> = { number: "nombre", string: "texte", boolean: "booléen" };
const APPLIES_FR: Record<string, string> = {
  academie: "académies",
  collectivite: "collectivités",
  etablissement: "établissements",
  convention: "conventions",
  fichier: "fichiers",
};

/**
 * The page's header: title, severity line, summary. What the rule applies to is written by the page's author when
 * the kinds say too little (« EPLE publics », « écoles publiques »): `appliesTo` keeps that text; else it is made
 * from the rule's kinds.
 */
export function pageHeader(r: RuleDefinition, appliesTo?: string): string {
  const group = catalogue.cli[`rapport.groupe.${r.group}`] ?? r.group;
  const applies = appliesTo ?? r.appliesTo.map((k) => APPLIES_FR[k] ?? k).join(", ");
  const line = `> Sévérité par défaut : **${SEVERITY_FR[r.severity]}** · Groupe ${r.group} (${group}) · S'applique à : ${applies}`;
  return `# ${r.id}\n\n${line}\n\n${r.summary ?? ""}\n`;
}

/** The body of the page's « Options » section. */
export function optionsBody(r: RuleDefinition): string {
  const options = Object.entries(r.options ?? {});
  if (options.length === 0) return "Aucune.";
  const rows = options.map(([k, o]) => `| \`${k}\` | ${TYPE_FR[o.type]} | \`${String(o.default)}\` | ${o.description.replace(/\|/g, "\\|")} |`);
  return ["| option | type | défaut | effet |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/**
 * The page with its header and « Options » section made from the rule, the rest as written. The header is the
 * title, the severity line and the summary (the first three paragraphs); a paragraph the author adds below them,
 * before the first section, stays.
 */
export function withGeneratedParts(md: string, r: RuleDefinition): string {
  const first = md.indexOf("\n## ");
  const head = (first >= 0 ? md.slice(0, first) : md).split(/\n\n+/);
  const extra = head.slice(3).filter((p) => p.trim() !== "");
  const applies = /· S'applique à : (.+)$/m.exec(head[1] ?? "")?.[1];
  let out = pageHeader(r, applies) + extra.map((p) => `\n${p.trim()}\n`).join("") + (first >= 0 ? md.slice(first) : "");
  const start = out.indexOf("\n## Options\n");
  if (start >= 0) {
    const bodyStart = start + "\n## Options\n".length;
    const next = out.indexOf("\n## ", bodyStart);
    out = out.slice(0, bodyStart) + "\n" + optionsBody(r) + "\n" + (next >= 0 ? out.slice(next) : "");
  }
  return out;
}
