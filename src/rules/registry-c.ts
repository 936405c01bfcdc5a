// Rules: group(s) C, in id order.
import type { RuleDefinition } from "../audit/rule.js";
import collectiviteOrganisationNonDeclaree from "./collectivite-organisation-non-declaree.js";
import cooperationBatimentAbsente from "./cooperation-batiment-absente.js";
import entNonMutualise from "./ent-non-mutualise.js";
import equipementIndividuelSansAccompagnement from "./equipement-individuel-sans-accompagnement.js";
import gouvernanceInterneAbsente from "./gouvernance-interne-absente.js";
import referentielEquipementAbsent from "./referentiel-equipement-absent.js";
import renouvellementNonDefini from "./renouvellement-non-defini.js";
import securiteMiseEnOeuvreNonDeclaree from "./securite-mise-en-oeuvre-non-declaree.js";

export const groupC: RuleDefinition[] = [
  collectiviteOrganisationNonDeclaree,
  cooperationBatimentAbsente,
  entNonMutualise,
  equipementIndividuelSansAccompagnement,
  gouvernanceInterneAbsente,
  referentielEquipementAbsent,
  renouvellementNonDefini,
  securiteMiseEnOeuvreNonDeclaree,
];
