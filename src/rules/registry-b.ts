// Rules: group(s) B, in id order.
import type { RuleDefinition } from "../audit/rule.js";

export const groupB: RuleDefinition[] = [];
