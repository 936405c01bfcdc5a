// Messages (fr): texts of the rules added or renamed by the rule catalogue's version 2.
import type { RuleTexts } from "../types.js";

export const rulesV2: Record<string, RuleTexts> = {
  "referent-technique-ecole-manquant": {
    summary: "Une école publique gagne à avoir un référent technique, interlocuteur de la commune pour ses équipements (beaucoup de communes ont plutôt une assistance centrale).",
    messages: {
      absent:
        "Aucun référent technique n'est déclaré pour l'école (« referent_technique ») : si la commune assure l'assistance de façon centralisée, indiquez qui l'école contacte ; sinon, désignez un interlocuteur pour ses équipements.",
      vacant:
        "Le poste de référent technique de l'école est vacant (« referent_technique.vacant: true ») : indiquez qui l'école contacte pour ses équipements (assistance de la commune, technicien de proximité).",
    },
  },
  "rattachement-derogatoire-sans-convention": {
    summary: "Un rattachement dérogatoire par cité scolaire ou par délégation doit nommer la convention qui l'organise entre les collectivités.",
    messages: {
      citeScolaire:
        "L'établissement relève d'une cité scolaire gérée par la collectivité « {collectivite} » (« rattachement_derogatoire.motif: cite_scolaire »), sans convention nommée : l'arrangement entre les collectivités doit être écrit (Code de l'éducation, L.216-4). Indiquez-la dans « rattachement_derogatoire.convention ».",
      delegation:
        "L'établissement est géré par la collectivité « {collectivite} » par délégation de compétence (« rattachement_derogatoire.motif: delegation »), sans convention nommée : une délégation se fait par convention (CGCT, L.1111-8). Indiquez-la dans « rattachement_derogatoire.convention ».",
    },
  },
  "convention-facultative-non-signee": {
    summary: "Chaque partie d'une convention que la loi n'impose pas (écoles, convention-cadre, autre) devrait l'avoir signée (une signature datée).",
    messages: {
      sansSignature: "La partie {partie} n'a pas signé : aucune signature à son nom dans « signatures ».",
      nonDatee: "La signature de la partie {partie}, en qualité de « {role} », n'est pas datée (date: null) : cette partie n'a pas encore signé.",
    },
  },
  "convention-autorite-fonctionnelle-absente": {
    summary:
      "Une convention EPLE–collectivité en vigueur doit prévoir comment la collectivité exerce son autorité fonctionnelle sur l'adjoint gestionnaire (loi n° 2022-217, art. 145).",
    messages: {
      absente:
        "La convention « {id} », en vigueur, ne prévoit pas l'autorité fonctionnelle de la collectivité sur l'adjoint gestionnaire (« clauses.autorite_fonctionnelle » absente) : depuis le 23 février 2022, la convention mentionnée à l'article L.421-23 prévoit les conditions dans lesquelles la collectivité l'exerce (loi n° 2022-217, art. 145). Complétez-la par un avenant.",
      fausse:
        "La convention « {id} », en vigueur, déclare ne pas prévoir l'autorité fonctionnelle de la collectivité sur l'adjoint gestionnaire (« clauses.autorite_fonctionnelle: false ») : depuis le 23 février 2022, la convention mentionnée à l'article L.421-23 prévoit les conditions dans lesquelles la collectivité l'exerce (loi n° 2022-217, art. 145). Complétez-la par un avenant.",
    },
  },
  "convention-echeance-proche": {
    summary: "Une convention en vigueur qui arrive bientôt à échéance doit être renégociée avant de cesser de s'appliquer.",
    messages: {
      proche: "La convention « {id} » prend fin le {fin}, dans {jours} jours : préparez son renouvellement avec les autres parties avant cette date.",
      demain: "La convention « {id} » prend fin demain, le {fin} : préparez son renouvellement avec les autres parties sans attendre.",
      aujourdhui: "La convention « {id} » prend fin aujourd'hui, le {fin} : elle cesse de s'appliquer demain ; renouvelez-la avec les autres parties.",
    },
  },
};
