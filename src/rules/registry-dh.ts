// Rules: group(s) DH, in id order.
import type { RuleDefinition } from "../audit/rule.js";

export const groupDH: RuleDefinition[] = [];
