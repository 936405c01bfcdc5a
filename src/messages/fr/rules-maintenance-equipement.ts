// Messages (fr): texts of the maintenance, equipment and network rules (groups F and G, see docs/regles.md).
import type { RuleTexts } from "../types.js";

export const rulesMaintenanceEquipement: Record<string, RuleTexts> = {
  "maintenance-niveau-flou": {
    summary: "Chacun des niveaux 0 à 3 de maintenance d'un établissement public doit avoir un acteur clairement désigné.",
    messages: {
      flou:
        "Le niveau {niveaux} de maintenance n'a pas d'acteur clairement désigné : {details}. Précisez qui l'assure dans la convention avec la collectivité ou dans la clé « maintenance » de l'établissement.",
      flous:
        "Les niveaux {niveaux} de maintenance n'ont pas d'acteur clairement désigné : {details}. Précisez qui les assure dans la convention avec la collectivité ou dans la clé « maintenance » de l'établissement.",
      // Fragments of the two messages above, assembled by the rule.
      "raison.indefini": "niveau {niveau} : aucun acteur, ni dans l'établissement, ni dans une convention en vigueur, ni dans la collectivité (ou l'académie, pour un établissement géré par l'État)",
      "raison.indefinis": "niveaux {niveaux} : aucun acteur, ni dans l'établissement, ni dans une convention en vigueur, ni dans la collectivité (ou l'académie, pour un établissement géré par l'État)",
      "raison.a_definir": "niveau {niveau} : acteur « a_definir » {source}",
      "raison.conflit": "niveau {niveau} : les conventions en vigueur désignent des acteurs différents ({conventions})",
      "conflit.partie": "« {convention} » désigne « {acteur} »",
      "source.etablissement": "dans la clé « maintenance » de l'établissement",
      "source.convention": "dans la convention « {id} »",
      "source.collectivite": "dans la maintenance de la collectivité « {id} »",
      "source.academie": "dans la maintenance de l'académie {id} (établissement géré par l'État)",
      liste: "{debut} et {fin}",
    },
  },
  "equipement-obsolete": {
    summary: "Les équipements d'un établissement ne doivent pas dépasser l'âge de renouvellement fixé par sa collectivité (6 ans par défaut).",
    messages: {
      obsoletesCollectivite:
        "{obsoletes} sur {total} équipements ({part}) ont plus de {ageMax} ans (mis en service avant {anneeLimite}), l'âge de renouvellement fixé par la collectivité « {collectivite} » : prévoyez leur remplacement.",
      obsoletesDefaut:
        "{obsoletes} sur {total} équipements ({part}) ont plus de {ageMax} ans (mis en service avant {anneeLimite}), l'âge maximal retenu par défaut (option « age_max_ans ») faute d'âge fixé par la collectivité : prévoyez leur remplacement.",
    },
  },
  "debit-insuffisant": {
    summary: "Le débit internet d'un établissement doit atteindre le minimum retenu pour une école ou un EPLE.",
    messages: {
      eple: "Débit internet de {debit} Mbit/s, inférieur au minimum de {minimum} Mbit/s retenu pour un EPLE — collège, lycée, lycée professionnel ou EREA (option « {option} »).",
      ecole: "Débit internet de {debit} Mbit/s, inférieur au minimum de {minimum} Mbit/s retenu pour une école (option « {option} »).",
    },
  },
  "wifi-ecole-non-conforme": {
    summary:
      "Dans une école publique, les accès sans fil installés depuis la loi n° 2015-136 doivent être désactivés hors des activités pédagogiques, et le conseil d'école informé avant toute nouvelle installation (art. 7).",
    messages: {
      desactivation:
        "Les accès Wi-Fi de l'école ne sont pas déclarés désactivés hors des activités pédagogiques (« desactivation_hors_usage » n'est pas true) : la loi n° 2015-136 (art. 7 II) l'exige pour les accès installés depuis son entrée en vigueur, le 11 février 2015. S'ils sont plus anciens, indiquez « installe_le ».",
      conseilNonInforme:
        "Le Wi-Fi de l'école a été installé le {installe} sans date d'information du conseil d'école (« conseil_ecole_informe_le ») : la loi n° 2015-136 (art. 7 III) demande que le conseil d'école soit informé avant toute nouvelle installation.",
      conseilInformeApres:
        "Le Wi-Fi de l'école a été installé le {installe}, et le conseil d'école n'en a été informé que le {informe} : la loi n° 2015-136 (art. 7 III) demande qu'il le soit avant toute nouvelle installation.",
      desactivationEtConseil:
        "Le Wi-Fi de l'école, installé le {installe}, n'est pas déclaré désactivé hors des activités pédagogiques (« desactivation_hors_usage » n'est pas true ; loi n° 2015-136, art. 7 II), et le conseil d'école n'a pas été informé avant son installation (« conseil_ecole_informe_le » absent ou postérieur ; art. 7 III).",
    },
  },
};
