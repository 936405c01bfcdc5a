// Messages: the catalogue in use (French). Every text a person reads comes from here, by id.
import type { Catalogue, RuleTexts } from "./types.js";
import { terminalTexts } from "./terminal.js";
import { rulesA } from "./fr/rules-a.js";
import { rulesSuppression } from "./fr/rules-suppression.js";
import { indentationMessages } from "./fr/indentation.js";

export type { Catalogue, RuleTexts };

// Rule texts by rule id. Here only the rules the engine's stages produce (reading, structure, suppressions): the
// layers below the rules write their findings with them. Every other built-in rule carries its summary and
// messages in its own file (src/rules/<id>/rule.ts) and the registry (src/rules/index.ts) adds them when it is
// loaded, as `plugins:` does for local rules.
const rules: Record<string, RuleTexts> = {
  ...rulesA,
  ...rulesSuppression,
};

// Messages added to existing rules (their own file, to keep parallel edits apart).
for (const [id, messages] of Object.entries(indentationMessages)) {
  if (rules[id]) rules[id] = { ...rules[id], messages: { ...rules[id].messages, ...messages } };
}

export const catalogue: Catalogue = { ...terminalTexts, rules };
