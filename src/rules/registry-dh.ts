// Rules: groups D (établissement roles and bodies) and H (the chef d'établissement's responsibilities), in id order.
import type { RuleDefinition } from "../audit/rule.js";
import chefEtablissementAbsent from "./chef-etablissement-absent.js";
import filtrageAbsent from "./filtrage-absent.js";
import formationNonOrganisee from "./formation-non-organisee.js";
import instancesEpleIncompletes from "./instances-eple-incompletes.js";
import projetSansVoletNumerique from "./projet-sans-volet-numerique.js";
import rattachementDerogatoireSansConvention from "./rattachement-derogatoire-sans-convention.js";
import rattachementIncompetent from "./rattachement-incompetent.js";
import referentNumeriqueMaintenance from "./referent-numerique-maintenance.js";
import referentNumeriqueManquant from "./referent-numerique-manquant.js";
import referentTechniqueEcoleManquant from "./referent-technique-ecole-manquant.js";
import referentTechniqueEmployeurEtat from "./referent-technique-employeur-etat.js";
import referentTechniqueManquant from "./referent-technique-manquant.js";
import reglementInterieurEquipementsPersonnels from "./reglement-interieur-equipements-personnels.js";
import rgpdDeclarationCnilObsolete from "./rgpd-declaration-cnil-obsolete.js";
import rgpdRegistreAbsent from "./rgpd-registre-absent.js";

export const groupDH: RuleDefinition[] = [
  chefEtablissementAbsent,
  filtrageAbsent,
  formationNonOrganisee,
  instancesEpleIncompletes,
  projetSansVoletNumerique,
  rattachementDerogatoireSansConvention,
  rattachementIncompetent,
  referentNumeriqueMaintenance,
  referentNumeriqueManquant,
  referentTechniqueEcoleManquant,
  referentTechniqueEmployeurEtat,
  referentTechniqueManquant,
  reglementInterieurEquipementsPersonnels,
  rgpdDeclarationCnilObsolete,
  rgpdRegistreAbsent,
];
