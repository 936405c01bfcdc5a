// Rules: the Markdown table of every rule, generated from the registry into docs/regles.md (checked for drift by a test).
import { catalogue } from "../messages/index.js";
import { rules } from "./index.js";

const SEV: Record<string, string> = { error: "erreur", warning: "avertissement", info: "info" };

export const TABLE_START = "<!-- regles:debut (généré par npm run gen:docs) -->";
export const TABLE_END = "<!-- regles:fin -->";

export function rulesMarkdownTable(): string {
  const rows = rules.map((r) => `| ${r.group} | [\`${r.id}\`](../src/rules/${r.id}/doc.md) | ${SEV[r.severity]} | ${(catalogue.rules[r.id]?.summary ?? "").replace(/\|/g, "\\|")} |`);
  return ["| groupe | règle | sévérité | ce qu'elle vérifie |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** docs/regles.md with its rule table replaced by the current one. */
export function withRulesTable(readme: string): string {
  const a = readme.indexOf(TABLE_START);
  const b = readme.indexOf(TABLE_END);
  if (a < 0 || b < a) return readme;
  return readme.slice(0, a + TABLE_START.length) + "\n" + rulesMarkdownTable() + "\n" + readme.slice(b);
}
