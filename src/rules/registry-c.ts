// Rules: group(s) C, in id order.
import type { RuleDefinition } from "../audit/rule.js";

export const groupC: RuleDefinition[] = [];
