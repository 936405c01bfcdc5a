// Messages (fr): texts of the rules of this group, by rule id then message id.
import type { RuleTexts } from "../types.js";

export const rulesAcademie: Record<string, RuleTexts> = {};
