// Fichier généré par scripts/gen-rules.mjs depuis les dossiers src/rules/<id>/rule.ts — ne pas modifier à la main.
// Régénérer avec `npm run gen:rules` ; `npm run gen:check` vérifie qu'il est à jour.
import type { RuleDefinition } from "../audit/rule.js";
import academieDpdAbsent from "./academie-dpd-absent/rule.js";
import academieInconnue from "./academie-inconnue/rule.js";
import academiePilotageIncomplet from "./academie-pilotage-incomplet/rule.js";
import academiePlanFormationAbsent from "./academie-plan-formation-absent/rule.js";
import academiePolitiqueSecuriteAbsente from "./academie-politique-securite-absente/rule.js";
import academieRecteurAbsent from "./academie-recteur-absent/rule.js";
import chefEtablissementAbsent from "./chef-etablissement-absent/rule.js";
import collectiviteOrganisationNonDeclaree from "./collectivite-organisation-non-declaree/rule.js";
import contratObjectifsAbsent from "./contrat-objectifs-absent/rule.js";
import conventionAutorisationCa from "./convention-autorisation-ca/rule.js";
import conventionAutoriteFonctionnelleAbsente from "./convention-autorite-fonctionnelle-absente/rule.js";
import conventionCadreAbsente from "./convention-cadre-absente/rule.js";
import conventionEcheanceProche from "./convention-echeance-proche/rule.js";
import conventionEcoleManquante from "./convention-ecole-manquante/rule.js";
import conventionEcolePartie from "./convention-ecole-partie/rule.js";
import conventionExpiree from "./convention-expiree/rule.js";
import conventionFacultativeNonSignee from "./convention-facultative-non-signee/rule.js";
import conventionManquante from "./convention-manquante/rule.js";
import conventionNonSignee from "./convention-non-signee/rule.js";
import conventionSansEcheance from "./convention-sans-echeance/rule.js";
import conventionSignataireAcademiqueAbsent from "./convention-signataire-academique-absent/rule.js";
import conventionTachesNonReparties from "./convention-taches-non-reparties/rule.js";
import cooperationBatimentAbsente from "./cooperation-batiment-absente/rule.js";
import debitInsuffisant from "./debit-insuffisant/rule.js";
import encodage from "./encodage/rule.js";
import entNonMutualise from "./ent-non-mutualise/rule.js";
import equipementIndividuelSansAccompagnement from "./equipement-individuel-sans-accompagnement/rule.js";
import equipementObsolete from "./equipement-obsolete/rule.js";
import filtrageAbsent from "./filtrage-absent/rule.js";
import formationNonOrganisee from "./formation-non-organisee/rule.js";
import gouvernanceInterneAbsente from "./gouvernance-interne-absente/rule.js";
import identifiantDuplique from "./identifiant-duplique/rule.js";
import instanceConcertationAbsente from "./instance-concertation-absente/rule.js";
import instanceConcertationInactive from "./instance-concertation-inactive/rule.js";
import instancesEpleIncompletes from "./instances-eple-incompletes/rule.js";
import kindInconnu from "./kind-inconnu/rule.js";
import maintenanceAcademiqueResiduelle from "./maintenance-academique-residuelle/rule.js";
import maintenanceNiveauFlou from "./maintenance-niveau-flou/rule.js";
import projetSansVoletNumerique from "./projet-sans-volet-numerique/rule.js";
import rattachementDerogatoireSansConvention from "./rattachement-derogatoire-sans-convention/rule.js";
import rattachementIncompetent from "./rattachement-incompetent/rule.js";
import referenceInconnue from "./reference-inconnue/rule.js";
import referentNumeriqueMaintenance from "./referent-numerique-maintenance/rule.js";
import referentNumeriqueManquant from "./referent-numerique-manquant/rule.js";
import referentTechniqueEcoleManquant from "./referent-technique-ecole-manquant/rule.js";
import referentTechniqueEmployeurEtat from "./referent-technique-employeur-etat/rule.js";
import referentTechniqueManquant from "./referent-technique-manquant/rule.js";
import referentielEquipementAbsent from "./referentiel-equipement-absent/rule.js";
import reglementInterieurEquipementsPersonnels from "./reglement-interieur-equipements-personnels/rule.js";
import renouvellementNonDefini from "./renouvellement-non-defini/rule.js";
import rgpdDeclarationCnilObsolete from "./rgpd-declaration-cnil-obsolete/rule.js";
import rgpdRegistreAbsent from "./rgpd-registre-absent/rule.js";
import schema from "./schema/rule.js";
import securiteMiseEnOeuvreNonDeclaree from "./securite-mise-en-oeuvre-non-declaree/rule.js";
import suppressionInutile from "./suppression-inutile/rule.js";
import suppressionInvalide from "./suppression-invalide/rule.js";
import uaiDepartementIncoherent from "./uai-departement-incoherent/rule.js";
import uaiInvalide from "./uai-invalide/rule.js";
import wifiEcoleNonConforme from "./wifi-ecole-non-conforme/rule.js";
import yamlSyntaxe from "./yaml-syntaxe/rule.js";

/** Every built-in rule, in the order of its folder's name. */
export const builtInRules: readonly RuleDefinition[] = [
  academieDpdAbsent,
  academieInconnue,
  academiePilotageIncomplet,
  academiePlanFormationAbsent,
  academiePolitiqueSecuriteAbsente,
  academieRecteurAbsent,
  chefEtablissementAbsent,
  collectiviteOrganisationNonDeclaree,
  contratObjectifsAbsent,
  conventionAutorisationCa,
  conventionAutoriteFonctionnelleAbsente,
  conventionCadreAbsente,
  conventionEcheanceProche,
  conventionEcoleManquante,
  conventionEcolePartie,
  conventionExpiree,
  conventionFacultativeNonSignee,
  conventionManquante,
  conventionNonSignee,
  conventionSansEcheance,
  conventionSignataireAcademiqueAbsent,
  conventionTachesNonReparties,
  cooperationBatimentAbsente,
  debitInsuffisant,
  encodage,
  entNonMutualise,
  equipementIndividuelSansAccompagnement,
  equipementObsolete,
  filtrageAbsent,
  formationNonOrganisee,
  gouvernanceInterneAbsente,
  identifiantDuplique,
  instanceConcertationAbsente,
  instanceConcertationInactive,
  instancesEpleIncompletes,
  kindInconnu,
  maintenanceAcademiqueResiduelle,
  maintenanceNiveauFlou,
  projetSansVoletNumerique,
  rattachementDerogatoireSansConvention,
  rattachementIncompetent,
  referenceInconnue,
  referentNumeriqueMaintenance,
  referentNumeriqueManquant,
  referentTechniqueEcoleManquant,
  referentTechniqueEmployeurEtat,
  referentTechniqueManquant,
  referentielEquipementAbsent,
  reglementInterieurEquipementsPersonnels,
  renouvellementNonDefini,
  rgpdDeclarationCnilObsolete,
  rgpdRegistreAbsent,
  schema,
  securiteMiseEnOeuvreNonDeclaree,
  suppressionInutile,
  suppressionInvalide,
  uaiDepartementIncoherent,
  uaiInvalide,
  wifiEcoleNonConforme,
  yamlSyntaxe,
];
