// Rules: group(s) E, in id order.
import type { RuleDefinition } from "../audit/rule.js";

export const groupE: RuleDefinition[] = [];
