// Messages (fr): texts of the établissement rules (groups D and H, see docs/regles.md), by rule id then message id.
import type { RuleTexts } from "../types.js";

export const rulesEtablissement: Record<string, RuleTexts> = {
  "chef-etablissement-absent": {
    summary: "Un établissement public doit avoir un chef d'établissement (ou un directeur d'école) en fonction.",
    messages: {
      absent:
        "Aucun chef d'établissement (ou directeur d'école) n'est déclaré dans « direction.chef » : c'est lui qui pilote la politique numérique de l'établissement ; renseignez le rôle.",
      vacant:
        "Le poste de chef d'établissement (ou de directeur d'école) est déclaré vacant (« direction.chef.vacant: true ») : personne ne pilote la politique numérique de l'établissement ; indiquez qui assure l'intérim.",
    },
  },
  "referent-technique-manquant": {
    summary: "Un EPLE public doit avoir un référent technique, interlocuteur de la collectivité pour les équipements et services.",
    messages: {
      absent:
        "Aucun référent technique n'est déclaré (« referent_technique ») : l'établissement n'a pas d'interlocuteur identifié de la collectivité pour ses équipements et services numériques.",
      vacant:
        "Le poste de référent technique est vacant (« referent_technique.vacant: true ») : l'établissement n'a pas d'interlocuteur de la collectivité pour ses équipements et services numériques.",
    },
  },
  "referent-numerique-manquant": {
    summary: "Un EPLE public doit avoir un référent numérique pour l'accompagnement pédagogique des usages.",
    messages: {
      absent:
        "Aucun référent numérique n'est déclaré (« referent_numerique ») : personne n'est chargé d'accompagner les enseignants dans leurs usages pédagogiques du numérique.",
      vacant:
        "Le rôle de référent numérique est vacant (« referent_numerique.vacant: true ») : personne n'accompagne les enseignants dans leurs usages pédagogiques du numérique.",
    },
  },
  "referent-technique-employeur-etat": {
    summary: "Depuis que la loi de 2013 a confié la maintenance à la collectivité, l'État a retiré ses moyens pour le rôle de référent technique : ce rôle n'est plus tenu par un agent de l'État ni par une décharge.",
    messages: {
      etat:
        "Le référent technique est employé par l'État (« employeur: etat ») : depuis que la loi du 8 juillet 2013 a confié la maintenance des équipements à la collectivité, l'État a retiré ses moyens pour ce rôle ; voyez avec la collectivité qui le tient.",
      decharge:
        "Le référent technique tient le rôle grâce à une décharge de {heures} h par semaine (« decharge_heures ») : depuis que la loi du 8 juillet 2013 a confié la maintenance des équipements à la collectivité, l'État a retiré ses moyens pour ce rôle ; voyez avec la collectivité qui le tient.",
      etatEtDecharge:
        "Le référent technique est employé par l'État (« employeur: etat ») et tient le rôle grâce à une décharge de {heures} h par semaine : depuis que la loi du 8 juillet 2013 a confié la maintenance des équipements à la collectivité, l'État a retiré ses moyens pour ce rôle ; voyez avec la collectivité qui le tient.",
    },
  },
  "referent-numerique-maintenance": {
    summary: "Le référent numérique, chargé du seul accompagnement pédagogique, ne doit être l'acteur d'aucun niveau de maintenance.",
    messages: {
      etablissement:
        "Niveau(x) de maintenance confié(s) au référent numérique par l'établissement lui-même (sa clé « maintenance ») : {niveaux}. Ce rôle est réservé à l'accompagnement pédagogique : confiez ce travail au référent technique, à un agent formé ou aux services de la collectivité.",
      convention:
        "Niveau(x) de maintenance confié(s) au référent numérique par la convention « {convention} » (« clauses.maintenance ») : {niveaux}. Ce rôle est réservé à l'accompagnement pédagogique : revoyez cette répartition avec la collectivité, ou fixez un autre acteur dans la clé « maintenance » de l'établissement.",
      collectivite:
        "Niveau(x) de maintenance confié(s) au référent numérique par la répartition par défaut de la collectivité « {collectivite} » (sa clé « maintenance ») : {niveaux}. Ce rôle est réservé à l'accompagnement pédagogique : la collectivité doit confier ce travail à un autre acteur (ou l'établissement en fixer un dans sa clé « maintenance »).",
      plusieurs:
        "Niveaux de maintenance confiés au référent numérique par plusieurs couches ({niveaux}) ; niveau et couche qui le fixe — {detail}. Ce rôle est réservé à l'accompagnement pédagogique : confiez ce travail au référent technique, à un agent formé ou aux services de la collectivité.",
    },
  },
  "instances-eple-incompletes": {
    summary: "Un EPLE public doit avoir un conseil pédagogique et un conseil d'administration constitués.",
    messages: {
      conseilPedagogiqueAbsent:
        "Le conseil pédagogique n'est pas déclaré (« instances.conseil_pedagogique ») : cette instance de l'EPLE est prévue par le Code de l'éducation (L.421-5) ; indiquez « existe: true » s'il est constitué.",
      conseilPedagogiqueInexistant:
        "Le conseil pédagogique est déclaré non constitué (« existe: false ») : cette instance de l'EPLE est prévue par le Code de l'éducation (L.421-5) ; installez-la.",
      conseilAdministrationAbsent:
        "Le conseil d'administration n'est pas déclaré (« instances.conseil_administration ») : c'est lui qui vote le règlement intérieur et le projet d'établissement et autorise la signature des conventions ; indiquez « existe: true » s'il est constitué.",
      conseilAdministrationInexistant:
        "Le conseil d'administration est déclaré non constitué (« existe: false ») : sans lui, ni le règlement intérieur ni la convention avec la collectivité ne peuvent être adoptés ou autorisés.",
    },
  },
  "rattachement-incompetent": {
    summary: "La collectivité de rattachement doit avoir la compétence correspondant au type de l'établissement.",
    messages: {
      incompetent:
        "L'établissement (type « {type} ») est rattaché à la collectivité « {collectivite} », qui n'a pas la compétence « {competence} » (ses compétences : {competences}) : rattachez-le à la collectivité compétente, corrigez « competences » de la collectivité, ou, si elle le gère par un arrangement légal (cité scolaire, délégation, transfert), déclarez « rattachement_derogatoire ».",
      sansCompetence:
        "L'établissement (type « {type} ») est rattaché à la collectivité « {collectivite} », qui ne déclare aucune compétence (« competences: [] ») alors qu'il lui faut « {competence} » : rattachez-le à la collectivité compétente, complétez ses compétences, ou déclarez « rattachement_derogatoire » s'il s'agit d'une cité scolaire, d'une délégation ou d'un transfert.",
      etatEcole:
        "Une école ne peut pas être gérée directement par l'État (« collectivite: etat ») : même à Mayotte, les écoles relèvent de leur commune. Indiquez l'identifiant de la commune (ou de l'EPCI) de rattachement.",
      etatHorsMayotte:
        "« collectivite: etat » n'est admis que pour les EPLE de l'académie de Mayotte (43), où l'État construit, équipe et entretient collèges et lycées ; cet établissement relève de l'académie {academie} : indiquez sa collectivité de rattachement.",
    },
  },
  "filtrage-absent": {
    summary: "L'accès à internet d'une école ou d'un EPLE public doit être filtré.",
    messages: {
      absent:
        "Le filtrage de l'accès à internet n'est pas déclaré (pas de clé « securite ») : le chef d'établissement doit s'assurer que l'accès est filtré ; indiquez « securite: { filtrage: true } » une fois le filtrage en place.",
      faux:
        "L'accès à internet n'est pas filtré (« securite.filtrage: false ») : le chef d'établissement doit mettre en place un filtrage, avec la collectivité qui fournit le réseau.",
    },
  },
  "rgpd-registre-absent": {
    summary: "Un EPLE public doit tenir le registre des activités de traitement prévu par le RGPD.",
    messages: {
      absent:
        "La tenue du registre des activités de traitement n'est pas déclarée (pas de clé « rgpd ») : le chef d'établissement, responsable de traitement selon la doctrine du ministère, doit le tenir (RGPD, art. 30).",
      faux:
        "Le registre des activités de traitement n'est pas tenu (« rgpd.registre_traitements: false ») : le chef d'établissement, responsable de traitement selon la doctrine du ministère, doit le tenir (RGPD, art. 30).",
    },
  },
  "rgpd-declaration-cnil-obsolete": {
    summary: "Les déclarations préalables à la CNIL n'existent plus depuis le 25 mai 2018 : le registre des traitements les remplace.",
    messages: {
      obsolete:
        "« rgpd.declarations_cnil » fait référence aux déclarations préalables à la CNIL, supprimées depuis le 25 mai 2018 : reportez ces traitements dans le registre des activités de traitement et retirez la clé.",
    },
  },
  "reglement-interieur-equipements-personnels": {
    summary: "Le règlement intérieur d'une école ou d'un EPLE public gagne à dire comment s'applique l'article L.511-5 aux équipements personnels des élèves.",
    messages: {
      absentInterdiction:
        "Aucun règlement intérieur n'est déclaré (« reglement_interieur ») : dans les écoles et les collèges, l'utilisation d'un téléphone mobile ou d'un autre équipement de communication électronique par un élève est interdite par la loi (Code de l'éducation, L.511-5, al. 1), et c'est le règlement intérieur qui en fixe les exceptions (usages pédagogiques, lieux, circonstances).",
      fauxInterdiction:
        "Le règlement intérieur ne traite pas des équipements personnels des élèves (« equipements_personnels » n'est pas true) : l'interdiction s'applique de toute façon dans les écoles et les collèges (L.511-5, al. 1) ; le règlement intérieur en fixe les exceptions éventuelles (usages pédagogiques, lieux, circonstances).",
      absentLycee:
        "Aucun règlement intérieur n'est déclaré (« reglement_interieur ») : dans un lycée, c'est le règlement intérieur qui peut interdire l'utilisation des téléphones mobiles et autres équipements de communication électronique par les élèves, dans tout ou partie de l'enceinte ou pendant certaines activités (Code de l'éducation, L.511-5, al. 2).",
      fauxLycee:
        "Le règlement intérieur ne traite pas des équipements personnels des élèves (« equipements_personnels » n'est pas true) : dans un lycée, la loi permet au règlement intérieur d'en interdire l'utilisation (L.511-5, al. 2) ; indiquez le choix fait par l'établissement.",
    },
  },
  "formation-non-organisee": {
    summary: "Un EPLE public doit organiser la formation de ses personnels au numérique.",
    messages: {
      absent:
        "Aucune formation des personnels au numérique n'est déclarée (pas de clé « formation ») : indiquez le plan de formation organisé par l'établissement.",
      faux:
        "L'établissement n'organise pas de plan de formation au numérique (« formation.plan: false ») : le chef d'établissement veille à la formation des enseignants aux équipements et services déployés.",
    },
  },
  "projet-sans-volet-numerique": {
    summary: "Le projet d'un EPLE public doit comporter un volet numérique.",
    messages: {
      absent:
        "Aucun projet d'établissement n'est déclaré (« projet_etablissement ») : c'est lui qui porte la politique numérique de l'établissement, en convergence avec le projet de la collectivité.",
      faux:
        "Le projet d'établissement n'a pas de volet numérique (« volet_numerique: false ») : ajoutez-en un, voté par le conseil d'administration, pour formaliser la politique numérique de l'établissement.",
    },
  },
};
