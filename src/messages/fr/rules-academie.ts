// Messages (fr): texts of the académie rules (group B, see docs/regles.md), by rule id then message id.
import type { RuleTexts } from "../types.js";

export const rulesAcademie: Record<string, RuleTexts> = {
  "academie-dpd-absent": {
    summary: "Une académie doit désigner un délégué ou une déléguée à la protection des données (DPD).",
    messages: {
      absent:
        "{academie} (académie {code}) ne déclare pas de délégué(e) à la protection des données (clé « dpd » absente ou vide) : le RGPD (art. 37, paragraphe 1, a) impose à tout organisme public d'en désigner un, en général mutualisé à l'échelle de l'académie.",
      vacant:
        "{academie} (académie {code}) : le poste de délégué(e) à la protection des données est vacant (dpd.vacant: true) ; personne ne conseille les responsables de traitement ni ne répond à la CNIL.",
    },
  },
  "academie-pilotage-incomplet": {
    summary: "Une académie devrait déclarer son ou sa délégué(e) académique au numérique (DAN) et sa DSI académique (un choix d'organisation de l'État, pas un poste prévu par la loi).",
    messages: {
      danAbsent:
        "{academie} (académie {code}) ne déclare pas de délégué(e) académique au numérique (clé « dan » absente ou vide) : personne n'est chargé de définir, conduire et évaluer la stratégie numérique avec les collectivités.",
      danVacant:
        "{academie} (académie {code}) : le poste de délégué(e) académique au numérique est déclaré vacant (dan.vacant: true) ; la stratégie numérique conduite avec les collectivités n'a pas de pilote.",
      dsiAbsente:
        "{academie} (académie {code}) ne déclare pas de DSI académique (clé « dsi » absente) : le pôle technique (applications nationales, assistance aux utilisateurs) n'est pas identifié.",
    },
  },
  "academie-recteur-absent": {
    summary: "Une académie doit déclarer son recteur ou sa rectrice, autorité de l'État dont dépendent ses conventions et ses instances.",
    messages: {
      absent:
        "{academie} (académie {code}) ne déclare pas de recteur ou rectrice (clé « recteur » absente ou vide) : les conventions et les instances de l'académie n'ont pas d'autorité de l'État identifiée.",
      vacant:
        "{academie} (académie {code}) : le poste de recteur ou rectrice est déclaré vacant (recteur.vacant: true) ; les conventions et les instances de l'académie n'ont pas d'autorité de l'État pour les porter.",
    },
  },
  "academie-plan-formation-absent": {
    summary: "Une académie devrait déclarer le plan qui forme ses personnels aux équipements et services numériques déployés par les collectivités.",
    messages: {
      absent:
        "{academie} (académie {code}) ne déclare pas de plan de formation (clé « plan_formation » absente) : rien n'indique comment les enseignants sont formés aux équipements et services que les collectivités déploient.",
    },
  },
  "academie-politique-securite-absente": {
    summary: "Une académie doit déclarer la politique de sécurité des systèmes d'information que les collectivités mettent en œuvre.",
    messages: {
      absente:
        "{academie} (académie {code}) ne déclare pas de politique de sécurité des systèmes d'information (clé « politique_securite » absente) : les collectivités n'ont pas de règles de sécurité fixées par l'État à appliquer.",
    },
  },
  "instance-concertation-absente": {
    summary: "Chaque collectivité qui a des établissements dans le territoire doit être membre d'au moins une instance de concertation d'une académie.",
    messages: {
      absente:
        "La collectivité « {collectivite} » ({ref}) a des établissements dans le territoire mais n'est membre d'aucune instance de concertation : ajoutez « {ref} » aux membres d'une entrée « instances » de l'académie {academie}.",
    },
  },
  "instance-concertation-inactive": {
    summary: "Chaque instance de concertation d'une académie doit s'être réunie dans les 12 mois précédant la date d'audit.",
    messages: {
      sansReunion:
        "L'instance « {instance} » ({id}) n'a aucune réunion déclarée (clé « reunions » absente ou vide) : aucune réunion entre le {depuis} et le {date}.",
      derniereAncienne:
        "L'instance « {instance} » ({id}) ne s'est pas réunie entre le {depuis} et le {date} (les 12 mois précédant la date d'audit) : sa dernière réunion date du {derniere}.",
      seulementAVenir:
        "L'instance « {instance} » ({id}) ne s'est pas réunie entre le {depuis} et le {date} : sa prochaine réunion déclarée, le {prochaine}, est postérieure à la date d'audit.",
    },
  },
  "maintenance-academique-residuelle": {
    summary: "La maintenance que le rectorat assure encore pour les collectivités doit être encadrée par une convention.",
    messages: {
      niveau:
        "{academie} (académie {code}) : le rectorat assure encore la maintenance de niveau {niveaux} sans convention (clé « maintenance_residuelle.convention » absente) ; nommez la convention passée avec la collectivité qui encadre ce service.",
      niveaux:
        "{academie} (académie {code}) : le rectorat assure encore la maintenance des niveaux {niveaux} sans convention (clé « maintenance_residuelle.convention » absente) ; nommez la convention passée avec la collectivité qui encadre ce service.",
      sansNiveau:
        "{academie} (académie {code}) déclare une maintenance résiduelle du rectorat sans convention (clé « maintenance_residuelle.convention » absente) ; nommez la convention qui encadre ce service, ou retirez la clé s'il a cessé.",
    },
  },
};
