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

export type { Catalogue, RuleTexts };

const rules: Record<string, RuleTexts> = {
  ...rulesA,
  ...rulesAcademie,
  ...rulesCollectivite,
  ...rulesEtablissement,
  ...rulesConvention,
  ...rulesMaintenanceEquipement,
  ...rulesSuppression,
};

export const catalogue: Catalogue = { ...terminalTexts, rules };
