// Rules: group(s) FG, in id order.
import type { RuleDefinition } from "../audit/rule.js";

export const groupFG: RuleDefinition[] = [];
