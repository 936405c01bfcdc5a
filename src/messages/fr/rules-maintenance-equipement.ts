// Messages (fr): texts of the maintenance, equipment and network rules (RULES.md groups F and G).
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
      "raison.indefini": "niveau {niveau} : aucun acteur, ni dans l'établissement, ni dans une convention en vigueur, ni dans la collectivité",
      "raison.indefinis": "niveaux {niveaux} : aucun acteur, ni dans l'établissement, ni dans une convention en vigueur, ni dans la collectivité",
      "raison.a_definir": "niveau {niveau} : acteur « a_definir » {source}",
      "raison.conflit": "niveau {niveau} : les conventions en vigueur désignent des acteurs différents ({conventions})",
      "conflit.partie": "« {convention} » désigne « {acteur} »",
      "source.etablissement": "dans la clé « maintenance » de l'établissement",
      "source.convention": "dans la convention « {id} »",
      "source.collectivite": "dans la maintenance de la collectivité « {id} »",
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
      "Le Wi-Fi d'une école doit pouvoir être coupé classe par classe et son installation doit avoir été annoncée au conseil d'école (loi n° 2015-136, art. 7).",
    messages: {
      coupureAbsente:
        "Le Wi-Fi de l'école ne déclare pas « coupure_par_classe: true » : la loi n° 2015-136 (art. 7) demande de le désactiver quand il ne sert pas aux activités pédagogiques.",
      coupureNon:
        "Le Wi-Fi de l'école ne peut pas être coupé classe par classe (« coupure_par_classe: false ») : la loi n° 2015-136 (art. 7) demande de le désactiver quand il ne sert pas aux activités pédagogiques.",
      conseilNonInforme:
        "Aucune date d'information du conseil d'école sur le Wi-Fi (« conseil_ecole_informe_le ») : la loi n° 2015-136 (art. 7) demande d'annoncer au conseil d'école toute installation d'un nouveau réseau sans fil.",
    },
  },
};
