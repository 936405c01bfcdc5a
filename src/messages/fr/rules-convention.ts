// Messages (fr): texts of the convention rules (group E, see docs/regles.md), by rule id then message id.
import type { RuleTexts } from "../types.js";

export const rulesConvention: Record<string, RuleTexts> = {
  "contrat-objectifs-absent": {
    summary: "Un EPLE public doit être partie d'un contrat d'objectifs en vigueur à la date d'audit.",
    messages: {
      absent: "« {nom} » ({uai}) n'est partie d'aucun contrat d'objectifs avec l'académie (convention « contrat_objectifs »).",
      horsVigueur:
        "« {nom} » ({uai}) n'a aucun contrat d'objectifs en vigueur le {date} ; hors vigueur à cette date (échu ou pas encore commencé) : {conventions}.",
    },
  },
  "convention-autorisation-ca": {
    summary:
      "Le chef d'établissement ne signe une convention EPLE–collectivité ou un contrat d'objectifs qu'après l'autorisation du conseil d'administration.",
    messages: {
      absente:
        "Le chef d'établissement de {partie} a signé le {signature}, mais la convention n'indique pas quand le conseil d'administration l'y a autorisé (autorisation_ca_le).",
      posterieure:
        "Le conseil d'administration a autorisé la signature le {autorisation}, après celle du chef d'établissement de {partie} le {signature} : l'autorisation doit précéder la signature.",
    },
  },
  "convention-cadre-absente": {
    summary: "Une collectivité qui a des établissements dans le territoire doit être partie d'une convention cadre avec l'académie.",
    messages: {
      absente:
        "« {nom} » ({ref}) a {nombre} établissement(s) dans le territoire mais n'est partie d'aucune convention cadre avec l'académie (convention « academie_collectivite »).",
    },
  },
  "convention-ecole-manquante": {
    summary: "La collectivité d'une école publique (sa commune, ou l'EPCI qui en a la charge) doit être partie d'une convention numérique des écoles avec l'académie.",
    messages: {
      absente:
        "« {nom} » ({uai}) : sa commune, {commune}, n'est partie d'aucune convention numérique des écoles (convention « ecole_commune ») avec l'académie.",
      absenteEpci:
        "« {nom} » ({uai}) : son intercommunalité (EPCI) de rattachement, {collectivite}, n'est partie d'aucune convention numérique des écoles (convention « ecole_commune ») avec l'académie.",
      absenteAutre:
        "« {nom} » ({uai}) : sa collectivité de rattachement, {collectivite}, n'est partie d'aucune convention numérique des écoles (convention « ecole_commune ») avec l'académie.",
    },
  },
  "convention-ecole-partie": {
    summary: "Une école ne peut pas être partie d'une convention : elle n'a pas la personnalité juridique.",
    messages: {
      ecole:
        "L'école {partie} est listée parmi les parties : une école n'a pas la personnalité juridique et ne peut pas s'engager (pour une école publique, ce sont sa commune et l'IEN ou le DASEN qui signent). Retirez-la des parties et des signatures.",
    },
  },
  "convention-expiree": {
    summary: "Une convention ne doit pas être échue à la date d'audit.",
    messages: {
      expiree: "La convention « {id} » a pris fin le {fin}, avant la date d'audit ({date}) : renouvelez-la, ou retirez ce document si une autre convention l'a remplacée.",
    },
  },
  "convention-manquante": {
    summary: "Un EPLE public doit avoir une convention avec sa collectivité de rattachement (Code de l'éducation, L.421-23 II).",
    messages: {
      absente:
        "« {nom} » ({uai}) n'a aucune convention « eple_collectivite » dont les parties comprennent l'établissement et sa collectivité de rattachement, {collectivite}.",
      autreCollectivite:
        "« {nom} » ({uai}) n'a aucune convention « eple_collectivite » avec sa collectivité de rattachement, {collectivite} ; convention(s) « eple_collectivite » avec une autre collectivité : {conventions}.",
    },
  },
  "convention-non-signee": {
    summary: "Chaque partie d'une convention exigée par la loi (EPLE–collectivité, contrat d'objectifs) doit l'avoir signée (une signature datée).",
    messages: {
      sansSignature: "La partie {partie} n'a pas signé : aucune signature à son nom dans « signatures ».",
      nonDatee: "La signature de la partie {partie}, en qualité de « {role} », n'est pas datée (date: null) : cette partie n'a pas encore signé.",
    },
  },
  "convention-sans-echeance": {
    summary: "Une convention doit avoir une date d'échéance.",
    messages: {
      sansFin: "La convention « {id} » n'a pas de date de fin (fin) : fixez une échéance pour qu'elle soit réexaminée.",
    },
  },
  "convention-signataire-academique-absent": {
    summary:
      "Les conventions des écoles, les conventions cadres et les contrats d'objectifs portent la signature datée du recteur ou du DASEN ; celles des écoles, aussi celle d'un IEN.",
    messages: {
      recteurOuDasen: "Aucune signature datée du recteur ou du DASEN (qualité « recteur » ou « dasen ») sur {type} « {id} ».",
      recteurOuDasenNonDatee:
        "La signature du {role} n'est pas datée (date: null) : aucune signature datée du recteur ou du DASEN sur {type} « {id} ».",
      ien: "Aucune signature datée d'un IEN de circonscription (qualité « ien ») sur la convention numérique des écoles « {id} ».",
      ienNonDatee:
        "La signature de l'IEN n'est pas datée (date: null) : aucune signature datée d'un IEN de circonscription sur la convention numérique des écoles « {id} ».",
    },
  },
  "convention-taches-non-reparties": {
    summary: "Une convention EPLE–collectivité ou école–commune doit répartir les niveaux de maintenance (clauses.maintenance).",
    messages: {
      absente: "La répartition de la maintenance (clauses.maintenance) manque dans {type} « {id} » : indiquez qui assure chaque niveau, de 0 à 3.",
      vide: "La clause « maintenance » de {type} « {id} » est vide : indiquez qui assure chaque niveau, de 0 à 3.",
    },
  },
};
