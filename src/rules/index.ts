// Rules: the registry — every built-in rule, from the generated list of the folders of src/rules/ (one folder per
// rule: rule.ts, doc.md, fixtures/; scripts/gen-rules.mjs writes index.generated.ts). No file-system scanning at
// run time, no list kept by hand.
import type { RuleDefinition } from "../audit/rule.js";
import { catalogue } from "../messages/index.js";
import { builtInRules } from "./index.generated.js";

/** Every rule, sorted by group then id (the order of the groups of docs/regles.md). */
export const rules: readonly RuleDefinition[] = [...builtInRules].sort((a, b) =>
  a.group < b.group ? -1 : a.group > b.group ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

// The message catalogue's rule texts are derived from the rules: each rule carries its summary and messages.
for (const r of rules) if (r.summary !== undefined && r.messages !== undefined) catalogue.rules[r.id] = { summary: r.summary, messages: r.messages };

export function findRule(id: string): RuleDefinition | undefined {
  return rules.find((r) => r.id === id);
}
