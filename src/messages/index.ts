// Messages: the catalogue in use (French). Every text a person reads comes from here, by id.
import type { Catalogue, RuleTexts } from "./types.js";
import { terminalTexts } from "./terminal.js";
import { rulesA } from "./fr/rules-a.js";
import { rulesAcademie } from "./fr/rules-academie.js";
import { rulesCollectivite } from "./fr/rules-collectivite.js";
import { rulesEtablissement } from "./fr/rules-etablissement.js";
import { rulesConvention } from "./fr/rules-convention.js";
import { rulesMaintenanceEquipement } from "./fr/rules-maintenance-equipement.js";
import { rulesSuppression } from "./fr/rules-suppression.js";
import { indentationMessages } from "./fr/indentation.js";
import { rulesV2 } from "./fr/rules-v2.js";

export type { Catalogue, RuleTexts };

const rules: Record<string, RuleTexts> = {
  ...rulesA,
  ...rulesAcademie,
  ...rulesCollectivite,
  ...rulesEtablissement,
  ...rulesConvention,
  ...rulesMaintenanceEquipement,
  ...rulesSuppression,
  ...rulesV2,
};

// Messages added to existing rules (their own file, to keep parallel edits apart).
for (const [id, messages] of Object.entries(indentationMessages)) {
  if (rules[id]) rules[id] = { ...rules[id], messages: { ...rules[id].messages, ...messages } };
}

export const catalogue: Catalogue = { ...terminalTexts, rules };
