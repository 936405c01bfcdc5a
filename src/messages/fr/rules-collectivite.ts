// Messages (fr): texts of the rules of this group, by rule id then message id.
import type { RuleTexts } from "../types.js";

export const rulesCollectivite: Record<string, RuleTexts> = {
  "collectivite-organisation-non-declaree": {
    summary: "Une collectivité qui a des établissements doit déclarer quel service porte en interne l'équipement numérique éducatif.",
    messages: {
      absente:
        "La collectivité « {collectivite} » ne déclare pas quel service porte l'équipement numérique de ses établissements : ajoutez « organisation » avec service_education (tout au service éducation), dsi (tout à la DSI) ou partagee (répartition entre les deux).",
    },
  },
  "cooperation-batiment-absente": {
    summary: "Les services éducation et DSI d'une collectivité qui a des établissements doivent échanger de façon permanente avec son service bâtiment.",
    messages: {
      absente:
        "La collectivité « {collectivite} » ne déclare pas d'échange permanent entre ses services éducation / DSI et son service bâtiment : ajoutez « cooperation_batiment: true » s'il existe.",
      non: "La collectivité « {collectivite} » déclare ne pas avoir d'échange permanent entre ses services éducation / DSI et son service bâtiment (cooperation_batiment: false) : câblage, réseaux et travaux se décident sans le numérique éducatif.",
    },
  },
  "ent-non-mutualise": {
    summary: "Les collectivités d'une même académie chargées des collèges ou des lycées gagnent à fournir le même ENT à leurs établissements.",
    messages: {
      different:
        "La collectivité « {collectivite} » fournit l'ENT « {ent} », alors que {nombre} des {total} collectivités de {academie} chargées des collèges ou des lycées qui déclarent un ENT fournissent « {majoritaire} » : étudiez la mutualisation de l'ENT avec elles.",
      sansMajorite:
        "La collectivité « {collectivite} » fournit l'ENT « {ent} », mais les {total} collectivités de {academie} chargées des collèges ou des lycées qui déclarent un ENT se partagent entre {ents}, sans ENT majoritaire : étudiez un ENT mutualisé à l'échelle de l'académie.",
    },
  },
  "equipement-individuel-sans-accompagnement": {
    summary: "Une collectivité qui remet des équipements aux élèves doit dire qui accompagne leur usage.",
    messages: {
      sansAccompagnement:
        "La collectivité « {collectivite} » remet des équipements aux élèves{dispositif} sans dire qui accompagne leur usage : renseignez « accompagnement » (par exemple un assistant d'éducation par collège).",
    },
  },
  "gouvernance-interne-absente": {
    summary: "Une collectivité qui a des établissements doit avoir une instance interne permanente qui pilote son projet numérique éducatif.",
    messages: {
      absente:
        "La collectivité « {collectivite} » ne déclare aucune instance interne permanente qui pilote son projet numérique éducatif : ajoutez « gouvernance_interne » avec le nom de l'instance et ses réunions.",
    },
  },
  "referentiel-equipement-absent": {
    summary: "Une collectivité qui a des établissements doit disposer d'un référentiel d'équipement fondé sur une analyse des besoins.",
    messages: {
      absent:
        "La collectivité « {collectivite} » n'a pas de référentiel d'équipement de ses établissements : ajoutez « referentiel_equipement » (référence, date d'adoption, analyse des besoins).",
      sansAnalyse:
        "Le référentiel d'équipement de la collectivité « {collectivite} »{reference} ne repose pas sur une analyse des besoins des établissements (analyse_besoins: false).",
    },
  },
  "renouvellement-non-defini": {
    summary: "Une collectivité qui a des établissements doit définir sa politique de renouvellement des équipements.",
    messages: {
      absent:
        "La collectivité « {collectivite} » ne définit pas de politique de renouvellement des équipements de ses établissements : ajoutez « renouvellement » avec le mode systematique (et age_max_ans), appel_a_projets ou expression_des_besoins.",
    },
  },
  "securite-mise-en-oeuvre-non-declaree": {
    summary: "Une collectivité qui a des établissements doit déclarer mettre en œuvre la politique de sécurité des systèmes d'information de l'académie.",
    messages: {
      absente:
        "La collectivité « {collectivite} » ne déclare pas mettre en œuvre la politique de sécurité des systèmes d'information de l'académie : ajoutez « securite: { mise_en_oeuvre_pssi: true } » si c'est le cas.",
      non: "La collectivité « {collectivite} » déclare ne pas mettre en œuvre la politique de sécurité des systèmes d'information de l'académie (mise_en_oeuvre_pssi: false).",
    },
  },
};
