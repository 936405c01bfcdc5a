// Rules: the explicit registry — every rule of the catalogue (docs/regles.md), by group; no file-system scanning.
import type { RuleDefinition } from "../audit/rule.js";
import { catalogue } from "../messages/index.js";
import { groupA } from "./registry-a.js";
import { groupB } from "./registry-b.js";
import { groupC } from "./registry-c.js";
import { groupDH } from "./registry-dh.js";
import { groupE } from "./registry-e.js";
import { groupFG } from "./registry-fg.js";
import { groupI } from "./registry-i.js";

/** Every rule, sorted by group then id (the order of the groups of docs/regles.md). */
export const rules: readonly RuleDefinition[] = [...groupA, ...groupB, ...groupC, ...groupDH, ...groupE, ...groupFG, ...groupI].sort(
  (a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);

// The message catalogue's rule texts are derived from the rules: each rule carries its summary and messages.
for (const r of rules) if (r.summary !== undefined && r.messages !== undefined) catalogue.rules[r.id] = { summary: r.summary, messages: r.messages };

export function findRule(id: string): RuleDefinition | undefined {
  return rules.find((r) => r.id === id);
}
