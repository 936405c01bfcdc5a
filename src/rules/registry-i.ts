// Rules: group I (suppression comments), in id order.
import type { RuleDefinition } from "../audit/rule.js";
import suppressionInutile from "./suppression-inutile.js";
import suppressionInvalide from "./suppression-invalide.js";

export const groupI: RuleDefinition[] = [suppressionInutile, suppressionInvalide];
