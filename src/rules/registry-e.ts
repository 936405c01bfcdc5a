// Rules: group E (conventions), in id order.
import type { RuleDefinition } from "../audit/rule.js";
import contratObjectifsAbsent from "./contrat-objectifs-absent.js";
import conventionAutorisationCa from "./convention-autorisation-ca.js";
import conventionAutoriteFonctionnelleAbsente from "./convention-autorite-fonctionnelle-absente.js";
import conventionCadreAbsente from "./convention-cadre-absente.js";
import conventionEcoleManquante from "./convention-ecole-manquante.js";
import conventionEcheanceProche from "./convention-echeance-proche.js";
import conventionEcolePartie from "./convention-ecole-partie.js";
import conventionExpiree from "./convention-expiree.js";
import conventionFacultativeNonSignee from "./convention-facultative-non-signee.js";
import conventionManquante from "./convention-manquante.js";
import conventionNonSignee from "./convention-non-signee.js";
import conventionSansEcheance from "./convention-sans-echeance.js";
import conventionSignataireAcademiqueAbsent from "./convention-signataire-academique-absent.js";
import conventionTachesNonReparties from "./convention-taches-non-reparties.js";

export const groupE: RuleDefinition[] = [
  contratObjectifsAbsent,
  conventionAutorisationCa,
  conventionAutoriteFonctionnelleAbsente,
  conventionCadreAbsente,
  conventionEcoleManquante,
  conventionEcheanceProche,
  conventionEcolePartie,
  conventionExpiree,
  conventionFacultativeNonSignee,
  conventionManquante,
  conventionNonSignee,
  conventionSansEcheance,
  conventionSignataireAcademiqueAbsent,
  conventionTachesNonReparties,
];
