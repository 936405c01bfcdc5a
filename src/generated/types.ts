// Fichier généré par scripts/gen-types.mjs — ne pas modifier à la main.
// Source : schemas/*.schema.json. Régénérer avec `npm run gen` ; `npm run gen:check` vérifie qu'il est à jour.

/**
 * Un document YAML du territoire, distingué par sa clé `kind`.
 */
export type GouvnumDocument = Academie | Collectivite | Etablissement | Convention;
/**
 * Code à deux chiffres, entre guillemets, d'une des 30 académies actuelles : 01 = Paris, 02 = Aix-Marseille, 03 = Besançon, 04 = Bordeaux, 06 = Clermont-Ferrand, 07 = Dijon, 08 = Grenoble, 09 = Lille, 10 = Lyon, 11 = Montpellier, 12 = Nancy-Metz, 13 = Poitiers, 14 = Rennes, 15 = Strasbourg, 16 = Toulouse, 17 = Nantes, 18 = Orléans-Tours, 19 = Reims, 20 = Amiens, 22 = Limoges, 23 = Nice, 24 = Créteil, 25 = Versailles, 27 = Corse, 28 = La Réunion, 31 = Martinique, 32 = Guadeloupe, 33 = Guyane, 43 = Mayotte, 70 = Normandie. Les codes 05 (Caen) et 21 (Rouen) sont devenus 70 (Normandie) le 1er janvier 2020. L'appartenance à cette liste est vérifiée par la règle `academie-inconnue`. Exemple : `"14"`.
 */
export type CodeAcademie = string;
/**
 * Adresse de courriel, de préférence fonctionnelle plutôt que nominative. Exemple : `ce.0350017d@ac-rennes.fr`.
 */
export type Courriel = string;
/**
 * Numéro de téléphone (il doit contenir au moins un chiffre), toujours entre guillemets : sans guillemets, `0299000000` deviendrait le nombre 299000000. Exemple : `"02 99 00 00 00"`.
 */
export type Telephone = string;
/**
 * Qui emploie la personne qui tient le rôle : `etat` (Éducation nationale), `collectivite` (commune, département, région…), `etablissement` (contrat passé par l'EPLE) ou `prestataire` (entreprise sous contrat).
 */
export type Employeur = "etat" | "collectivite" | "etablissement" | "prestataire";
/**
 * Adresse d'un site ou d'une page, commençant par `http://` ou `https://`. Exemple : `https://www.ac-rennes.fr/`.
 */
export type Url = string;
/**
 * Date calendaire réelle au format AAAA-MM-JJ, écrite entre guillemets de préférence. Exemple : `"2024-03-01"`.
 */
export type DateIso = string;
/**
 * Code INSEE du département, entre guillemets : `"01"` à `"19"`, `"2A"`, `"2B"`, `"21"` à `"95"`, `"971"` à `"976"`. Exemple : `"35"`.
 */
export type CodeDepartement = string;
/**
 * Unité administrative immatriculée : 7 chiffres puis une lettre de contrôle majuscule, toujours entre guillemets. Les trois premiers chiffres donnent le département (`035`, `620` = 2A, `720` = 2B, `974`). La lettre de contrôle est vérifiée par la règle `uai-invalide`. Exemple : `"0350017D"`.
 */
export type Uai = string;
/**
 * Identifiant choisi librement : lettres minuscules sans accent, chiffres et tirets simples (ni tiret initial ou final, ni espace). Exemples : `dep-35`, `conv-dep35-0350017d-2024`.
 */
export type Slug = string;
/**
 * Qui assure un niveau de maintenance : `usager` (l'utilisateur lui-même), `agent_batiment` (agent technique de la collectivité présent dans l'établissement), `referent_technique`, `referent_numerique` (à éviter : son rôle est l'accompagnement pédagogique), `assistant_education`, `technicien_collectivite` (technicien de proximité), `dsi_collectivite`, `dsi_academique`, `prestataire` (entreprise sous contrat, à nommer) ou `a_definir` (personne n'est encore désigné).
 */
export type Acteur =
  | "usager"
  | "agent_batiment"
  | "referent_technique"
  | "referent_numerique"
  | "assistant_education"
  | "technicien_collectivite"
  | "dsi_collectivite"
  | "dsi_academique"
  | "prestataire"
  | "a_definir";
/**
 * Renvoi vers un autre document du territoire, sous la forme `<kind>:<identifiant>` : `academie:<code>`, `collectivite:<id>`, `etablissement:<UAI>`, `convention:<id>`. Exemples : `academie:14`, `collectivite:dep-35`, `etablissement:0350017D`, `convention:conv-cadre-35`.
 */
export type Ref = string;
/**
 * Code officiel géographique de la commune (pas le code postal), 5 caractères entre guillemets. Exemples : `"35238"` (Rennes), `"2A004"` (Ajaccio), `"97411"` (Saint-Denis de La Réunion).
 */
export type CodeCommune = string;
/**
 * Sévérité d'une règle : `error`, `warning`, `info`, ou `off` pour la désactiver (les règles de lecture et de structure ne peuvent pas être désactivées).
 */
export type Severite = "error" | "warning" | "info" | "off";
/**
 * Une sévérité (`error`, `warning`, `info` ou `off`), ou une liste `[sévérité]` ou `[sévérité, { options }]`. Exemple : `[warning, { age_max_ans: 5 }]`.
 */
export type ReglageRegle =
  | Severite
  | [Severite]
  | [
      Severite,
      {
        [k: string]: unknown;
      },
    ];

/**
 * Document `kind: academie` : une académie, son pilotage (recteur, DAN, DSI, DPD), ses DSDEN, circonscriptions, instances de concertation et la maintenance que le rectorat assure encore. Identifiant : `academie:<code>`.
 */
export interface Academie {
  /**
   * Toujours `academie` dans ce fichier : indique que le document décrit une académie. Chaque document YAML (séparé par `---`) commence par sa clé `kind`.
   */
  kind: "academie";
  /**
   * Code à deux chiffres de l'académie, entre guillemets ; c'est son identifiant (`academie:14`). Exemple : `"14"` (Rennes).
   */
  code: CodeAcademie;
  /**
   * Nom de l'académie. Exemple : `Rennes`.
   */
  nom: string;
  /**
   * Région académique dont relève l'académie. Exemple : `Bretagne`.
   */
  region_academique?: string;
  /**
   * Le recteur ou la rectrice d'académie.
   */
  recteur?: Personne | null;
  /**
   * Délégué(e) académique au numérique : définit, conduit et évalue la stratégie numérique de l'académie avec les collectivités.
   */
  dan?: Personne | null;
  /**
   * Délégation académique au numérique éducatif (ou DRANE), le service du DAN. Exemple : `{ nom: DRANE Bretagne, url: https://dane.ac-rennes.fr/ }`.
   */
  dane?: {
    /**
     * Nom de la délégation. Exemple : `DRANE Bretagne`.
     */
    nom?: string;
    /**
     * Adresse du site de la délégation. Exemple : `https://dane.ac-rennes.fr/`.
     */
    url?: Url;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Pôle technique de l'académie (applications nationales, assistance aux utilisateurs). Sa seule présence suffit à le déclarer ; son absence est signalée (règle `academie-pilotage-incomplet`).
   */
  dsi?: {
    /**
     * Le ou la responsable de la DSI académique.
     */
    responsable?: Personne | null;
    /**
     * Comment joindre l'assistance aux utilisateurs.
     */
    assistance?: {
      /**
       * Adresse du portail d'assistance. Exemple : `https://assistance.ac-rennes.fr/`.
       */
      url?: Url;
      /**
       * Adresse de courriel de l'assistance. Exemple : `assistance@ac-rennes.fr`.
       */
      courriel?: Courriel;
      /**
       * Numéro de l'assistance, entre guillemets. Exemple : `"02 23 21 77 77"`.
       */
      telephone?: Telephone;
      /**
       * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
       */
      [k: `x_${string}`]: unknown;
    };
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Délégué(e) à la protection des données (RGPD, art. 37), généralement mutualisé au niveau de l'académie.
   */
  dpd?: Personne | null;
  /**
   * La politique de sécurité des systèmes d'information (PSSI) que l'État définit et que les collectivités mettent en œuvre. Exemple : `{ reference: PSSI académique v2, date: "2023-06-01" }`.
   */
  politique_securite?: {
    /**
     * Référence ou titre du document. Exemple : `PSSI académique v2`.
     */
    reference: string;
    /**
     * Date d'adoption ou de mise à jour de la politique.
     */
    date?: DateIso;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Plan de formation des personnels aux équipements et services numériques (une obligation de l'État).
   */
  plan_formation?: {
    /**
     * Référence ou titre du plan. Exemple : `Plan académique de formation 2025-2026`.
     */
    reference?: string;
    /**
     * Date d'adoption du plan.
     */
    date?: DateIso;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Les directions des services départementaux de l'Éducation nationale de l'académie, avec leur DASEN. Exemple : `- { departement: "35", dasen: { nom: Anne Martin } }`.
   *
   * Items: Une direction des services départementaux et son directeur ou sa directrice académique (IA-DASEN).
   */
  dsden?: {
    /**
     * Code INSEE du département, entre guillemets. Exemple : `"35"`.
     */
    departement: CodeDepartement;
    /**
     * Le directeur ou la directrice académique des services de l'Éducation nationale, qui agit pour le recteur dans le département.
     */
    dasen: Personne | null;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  }[];
  /**
   * Les circonscriptions d'inspection (IEN) dont dépendent les écoles. Les établissements y renvoient par leur clé `circonscription`.
   *
   * Items: Une circonscription du premier degré. Exemple : `{ uai: "0351234X", nom: Rennes Nord, departement: "35" }`.
   */
  circonscriptions?: {
    /**
     * Code UAI de la circonscription, entre guillemets. Exemple : `"0351234X"`.
     */
    uai: Uai;
    /**
     * Nom de la circonscription. Exemple : `Rennes Nord`.
     */
    nom: string;
    /**
     * Code du département de la circonscription. Exemple : `"35"`.
     */
    departement: CodeDepartement;
    /**
     * L'inspecteur ou l'inspectrice de l'Éducation nationale chargé(e) de la circonscription.
     */
    ien?: Personne | null;
    /**
     * Les enseignants référents pour les usages du numérique de la circonscription.
     */
    erun?: (Personne | null)[];
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  }[];
  /**
   * La maintenance que le rectorat assure encore pour les collectivités après la loi de 2013, et dans quel cadre. Exemple : `{ niveaux: [2, 3], jusqu_au: "2026-08-31", facturee: true, convention: conv-maintenance-35 }`.
   */
  maintenance_residuelle?: {
    /**
     * Niveaux de maintenance (0 à 3) encore assurés par le rectorat. Exemple : `[2, 3]`.
     *
     * Items: Un niveau de maintenance, de 0 (vérifications de base) à 3 (expertise, infrastructure).
     */
    niveaux: number[];
    /**
     * Date jusqu'à laquelle ce service est assuré.
     */
    jusqu_au?: DateIso;
    /**
     * `true` si le rectorat facture ce service à la collectivité.
     */
    facturee?: boolean;
    /**
     * Identifiant de la convention qui encadre ce service ; son absence est signalée (règle `maintenance-academique-residuelle`). Exemple : `conv-maintenance-35`.
     */
    convention?: Slug;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Répartition par défaut des niveaux de maintenance pour les EPLE que l'État gère directement (`collectivite: etat`, Mayotte).
   */
  maintenance?: Maintenance;
  /**
   * Les instances où l'académie et les collectivités se concertent, transversales ou par projet.
   */
  instances?: Instance[];
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Qui tient un rôle. Tous les champs sont facultatifs : un rôle peut être déclaré tenu sans nom (RGPD). Un rôle est tenu quand sa clé est présente, n'est pas `null` et que `vacant` n'est pas `true`. Exemple : `{ fonction: technicien de proximité, employeur: collectivite }`.
 */
export interface Personne {
  /**
   * Prénom et nom de la personne. Facultatif : le rôle peut être déclaré sans nommer personne. Exemple : `Karim Benali`.
   */
  nom?: string;
  /**
   * Fonction ou métier de la personne. Exemple : `technicien de proximité`, `professeure de technologie`.
   */
  fonction?: string;
  /**
   * Adresse électronique à laquelle joindre la personne ou le rôle. Exemple : `k.benali@ille-et-vilaine.fr`.
   */
  courriel?: Courriel;
  /**
   * Numéro de téléphone, entre guillemets. Exemple : `"02 99 00 00 00"`.
   */
  telephone?: Telephone;
  /**
   * Qui emploie la personne : `etat`, `collectivite`, `etablissement` ou `prestataire`. Un référent technique employé par l'État est signalé (règle `referent-technique-employeur-etat`).
   */
  employeur?: Employeur;
  /**
   * Nombre d'heures hebdomadaires de décharge de service accordées à un enseignant pour tenir le rôle (0 s'il n'y en a pas). Exemple : `2`.
   */
  decharge_heures?: number;
  /**
   * `true` : le rôle existe mais personne ne le tient actuellement ; il est alors considéré comme non tenu.
   */
  vacant?: boolean;
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Qui assure chacun des quatre niveaux de maintenance (0 à 3). Un niveau non décrit ici est cherché dans la couche plus générale (convention en vigueur, puis collectivité).
 */
export interface Maintenance {
  /**
   * Niveau 0 : vérifier les câbles et l'alimentation, redémarrer, signaler l'incident. Indique l'acteur qui en est chargé. Exemple : `niveau_0: { acteur: agent_batiment }`.
   */
  niveau_0?: NiveauMaintenance;
  /**
   * Niveau 1 : réglages simples, consommables, premier diagnostic. Indique l'acteur qui en est chargé. Exemple : `niveau_1: { acteur: referent_technique }`.
   */
  niveau_1?: NiveauMaintenance;
  /**
   * Niveau 2 : intervention d'un technicien sur place. Indique l'acteur qui en est chargé. Exemple : `niveau_2: { acteur: technicien_collectivite }`.
   */
  niveau_2?: NiveauMaintenance;
  /**
   * Niveau 3 : expertise, infrastructure, intervention du fournisseur. Indique l'acteur qui en est chargé. Exemple : `niveau_3: { acteur: prestataire, prestataire: "Société Exemple" }`.
   */
  niveau_3?: NiveauMaintenance;
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Qui assure un niveau de maintenance, et dans quelles conditions. Exemple : `{ acteur: technicien_collectivite, delai_intervention_heures: 48 }`.
 */
export interface NiveauMaintenance {
  /**
   * Qui assure ce niveau. Valeurs : `usager`, `agent_batiment`, `referent_technique`, `referent_numerique`, `assistant_education`, `technicien_collectivite`, `dsi_collectivite`, `dsi_academique`, `prestataire`, `a_definir`.
   */
  acteur: Acteur;
  /**
   * Précision libre sur l'organisation de ce niveau. Exemple : `le technicien passe tous les mardis`.
   */
  precision?: string;
  /**
   * Nom de l'entreprise chargée de ce niveau ; obligatoire quand `acteur: prestataire`. Exemple : `"Société Exemple"`.
   */
  prestataire?: string;
  /**
   * Délai d'intervention promis, en heures. Exemple : `48`.
   */
  delai_intervention_heures?: number;
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Instance où l'académie et les collectivités se concertent, transversale ou liée à un projet. Exemple : `{ id: comite-numerique-35, nom: Comité départemental du numérique, portee: transversale, membres: [academie:14, collectivite:dep-35] }`.
 */
export interface Instance {
  /**
   * Identifiant de l'instance. Exemple : `comite-numerique-35`.
   */
  id: Slug;
  /**
   * Nom en clair. Exemple : `Comité départemental du numérique éducatif`.
   */
  nom: string;
  /**
   * `transversale` : instance permanente couvrant toute la politique numérique ; `projet` : instance liée à un projet (précisé dans `projet`).
   */
  portee: "transversale" | "projet";
  /**
   * Le projet suivi par l'instance, quand `portee: projet`. Exemple : `déploiement de l'ENT`.
   */
  projet?: string;
  /**
   * Références des documents membres de l'instance (académie, collectivités, établissements). Exemple : `[academie:14, collectivite:dep-35]`.
   *
   * Items: Référence d'un membre de l'instance, de la forme `<kind>:<id>`. Exemple : `collectivite:dep-35`.
   */
  membres: Ref[];
  /**
   * Dates des réunions tenues ; une instance sans réunion dans les 12 mois avant la date d'audit est signalée. Exemple : `["2025-11-14"]`.
   */
  reunions?: DateIso[];
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Document `kind: collectivite` : une collectivité territoriale qui a des établissements en charge (commune, EPCI, département, région, collectivité unique, métropole) et son organisation du numérique éducatif. Identifiant : `collectivite:<id>`.
 */
export interface Collectivite {
  /**
   * Toujours `collectivite` dans ce fichier : indique que le document décrit une collectivité territoriale. Chaque document YAML (séparé par `---`) commence par sa clé `kind`.
   */
  kind: "collectivite";
  /**
   * Identifiant de la collectivité, repris dans `collectivite:<id>` et dans la clé `collectivite` des établissements. Exemple : `dep-35`.
   */
  id: Slug;
  /**
   * `commune`, `epci`, `departement`, `region`, `collectivite_unique` (Corse, Guyane, Martinique…) ou `metropole`. Le type donne les compétences par défaut.
   */
  type: "commune" | "epci" | "departement" | "region" | "collectivite_unique" | "metropole";
  /**
   * Nom officiel. Exemple : `Département d'Ille-et-Vilaine`.
   */
  nom: string;
  /**
   * Code de la collectivité, entre guillemets : commune 5 caractères (`"35238"`), département (`"35"`, `"2A"`, `"974"`), région 2 chiffres (`"53"`), EPCI ou métropole : numéro SIREN à 9 chiffres (`"243500139"`).
   */
  code_insee: string;
  /**
   * Code de l'académie du territoire de la collectivité, entre guillemets. Exemple : `"14"` (Rennes).
   */
  academie: CodeAcademie;
  /**
   * Les établissements dont la collectivité a la charge : `ecoles`, `colleges`, `lycees`. Par défaut selon le type : commune et EPCI → écoles ; département et métropole → collèges ; région → lycées ; collectivité unique → collèges et lycées. Exemple : `[colleges]`.
   *
   * Items: `ecoles` (communes, EPCI), `colleges` (départements, métropoles) ou `lycees` (régions) ; une collectivité unique a `colleges` et `lycees`.
   */
  competences?: ("ecoles" | "colleges" | "lycees")[];
  /**
   * Quel service porte l'équipement numérique des établissements : `service_education` (tout au service éducation), `dsi` (tout à la DSI) ou `partagee` (répartition entre les deux).
   */
  organisation?: "service_education" | "dsi" | "partagee";
  /**
   * Les services de la collectivité concernés par le numérique éducatif.
   */
  services?: {
    /**
     * Le service qui gère le fonctionnement des établissements.
     */
    education?: ServiceCollectivite;
    /**
     * La direction des systèmes d'information de la collectivité.
     */
    dsi?: ServiceCollectivite;
    /**
     * Le service bâtiment (historiquement chargé du câblage).
     */
    batiment?: ServiceCollectivite;
    /**
     * Le service chargé des réseaux et des raccordements.
     */
    amenagement_numerique?: ServiceCollectivite;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * `true` s'il existe un échange permanent entre les services éducation / DSI et le service bâtiment.
   */
  cooperation_batiment?: boolean;
  /**
   * L'instance interne qui pilote le projet numérique de la collectivité. Exemple : `{ instance: comité de pilotage numérique, reunions: ["2025-10-02"] }`.
   */
  gouvernance_interne?: {
    /**
     * Nom de l'instance interne. Exemple : `comité de pilotage numérique`.
     */
    instance: string;
    /**
     * Dates des réunions tenues.
     */
    reunions?: DateIso[];
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Le projet numérique éducatif de la collectivité.
   */
  projet_numerique?: {
    /**
     * Référence ou titre du projet. Exemple : `Plan numérique des collèges 2024-2028`.
     */
    reference?: string;
    /**
     * Date d'adoption par l'assemblée délibérante.
     */
    adopte_le?: DateIso;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Mise en œuvre de la politique de sécurité définie par l'académie.
   */
  securite?: {
    /**
     * `true` si la collectivité met en œuvre la politique de sécurité des systèmes d'information de l'académie.
     */
    mise_en_oeuvre_pssi: boolean;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Répartition des niveaux de maintenance appliquée par défaut à ses établissements ; une convention en vigueur ou l'établissement lui-même peuvent la préciser.
   */
  maintenance?: Maintenance;
  /**
   * La politique de renouvellement des équipements. Exemple : `{ mode: systematique, age_max_ans: 6 }`.
   */
  renouvellement?: {
    /**
     * `systematique` (tout équipement au-delà d'un âge est remplacé ; préciser `age_max_ans`), `appel_a_projets` ou `expression_des_besoins` (besoins exprimés chaque année).
     */
    mode: "systematique" | "appel_a_projets" | "expression_des_besoins";
    /**
     * Âge au-delà duquel un équipement est renouvelé ; obligatoire quand `mode: systematique`, et utilisé par la règle `equipement-obsolete`. Exemple : `6`.
     */
    age_max_ans?: number;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Le référentiel d'équipement des établissements adopté par la collectivité.
   */
  referentiel_equipement?: {
    /**
     * Référence ou titre du référentiel. Exemple : `Référentiel d'équipement des collèges 2024`.
     */
    reference?: string;
    /**
     * Date d'adoption du référentiel.
     */
    adopte_le?: DateIso;
    /**
     * `true` si le référentiel repose sur une analyse des besoins des établissements.
     */
    analyse_besoins?: boolean;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * L'espace numérique de travail fourni par la collectivité. Exemple : `{ nom: Toutatice, mutualise_avec: [region-bretagne] }`.
   */
  ent?: {
    /**
     * Nom de l'ENT. Exemple : `Toutatice`.
     */
    nom: string;
    /**
     * Identifiants des collectivités avec lesquelles l'ENT est mutualisé. Exemple : `[region-bretagne, dep-29]`.
     *
     * Items: Identifiant d'une collectivité avec laquelle l'ENT est partagé. Exemple : `region-bretagne`.
     */
    mutualise_avec?: Slug[];
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Équipements remis aux élèves et accompagnement de leur usage. Exemple : `{ dispositif: un ordinateur portable par collégien, accompagnement: un assistant d'éducation par collège }`.
   */
  equipement_individuel?: {
    /**
     * Ce qui est remis aux élèves. Exemple : `une tablette par élève de 6e`.
     */
    dispositif: string;
    /**
     * Qui accompagne l'usage de ces équipements. Exemple : `un assistant d'éducation par collège`.
     */
    accompagnement?: string;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Les agents de la collectivité qui accompagnent les établissements sur le terrain. Exemple : `{ agents: 12, etablissements_par_agent: 10 }`.
   */
  accompagnement_territorial?: {
    /**
     * Nombre d'agents d'accompagnement territorial. Exemple : `12`.
     */
    agents: number;
    /**
     * Nombre moyen d'établissements suivis par un agent. Exemple : `10`.
     */
    etablissements_par_agent?: number;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Un service de la collectivité : son nom, son ou sa responsable et son adresse de contact.
 */
export interface ServiceCollectivite {
  /**
   * Nom du service. Exemple : `Direction de l'éducation`.
   */
  nom?: string;
  /**
   * Le ou la responsable du service.
   */
  responsable?: Personne | null;
  /**
   * Adresse de contact du service. Exemple : `education@ille-et-vilaine.fr`.
   */
  courriel?: Courriel;
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Document `kind: etablissement` : une école, un collège, un lycée, un lycée professionnel ou un EREA, ses rôles (direction, référents), ses instances, sa sécurité, sa maintenance et ses équipements. Identifiant : `etablissement:<UAI>`.
 */
export interface Etablissement {
  /**
   * Toujours `etablissement` dans ce fichier : indique que le document décrit un établissement scolaire. Chaque document YAML (séparé par `---`) commence par sa clé `kind`.
   */
  kind: "etablissement";
  /**
   * Code UAI de l'établissement, entre guillemets ; c'est son identifiant (`etablissement:0350017D`). Exemple : `"0350017D"`.
   */
  uai: Uai;
  /**
   * Nom de l'établissement. Exemple : `Collège du Querpon`.
   */
  nom: string;
  /**
   * `ecole`, `college`, `lycee`, `lycee_professionnel` ou `erea`. Tous sauf `ecole` sont des EPLE (établissements publics locaux d'enseignement).
   */
  type: "ecole" | "college" | "lycee" | "lycee_professionnel" | "erea";
  /**
   * `public` (par défaut) ou `prive`. Un établissement public doit indiquer sa `collectivite` de rattachement.
   */
  statut?: "public" | "prive";
  /**
   * Code de l'académie, entre guillemets. Exemple : `"14"` (Rennes).
   */
  academie: CodeAcademie;
  /**
   * Commune d'implantation. Exemple : `{ code_insee: "35168", nom: Val d'Anast }`.
   */
  commune?: {
    /**
     * Code INSEE de la commune (pas le code postal), entre guillemets. Exemple : `"35001"`.
     */
    code_insee: CodeCommune;
    /**
     * Nom de la commune. Exemple : `Val d'Anast`.
     */
    nom?: string;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Identifiant de la collectivité de rattachement (commune pour une école, département pour un collège, région pour un lycée), ou `etat` pour un EPLE que l'État gère directement (Mayotte) ; obligatoire pour un établissement public. Exemples : `dep-35`, `etat`.
   */
  collectivite?: Slug;
  /**
   * La collectivité de rattachement n'a pas la compétence ordinaire pour ce type d'établissement, mais le gère en vertu d'un arrangement légal : cité scolaire gérée par une seule collectivité (Code de l'éducation, art. L.216-4), délégation de compétence (CGCT, art. L.1111-8) ou transfert de compétence (par exemple à une métropole, CGCT, art. L.5217-2). Exemple : `{ motif: cite_scolaire, convention: conv-cite-scolaire-vitre }`.
   */
  rattachement_derogatoire?: {
    /**
     * `cite_scolaire` (collège et lycée sur un même site, gérés par une seule collectivité), `delegation` (délégation de compétence) ou `transfert` (transfert de compétence).
     */
    motif: "cite_scolaire" | "delegation" | "transfert";
    /**
     * Le texte ou l'acte qui fonde l'arrangement. Exemple : `Délibération du 12 mars 2019`.
     */
    fondement?: string;
    /**
     * Identifiant de la convention entre collectivités qui organise l'arrangement. Exemple : `conv-cite-scolaire-vitre`.
     */
    convention?: Slug;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * UAI de la circonscription d'IEN dont relève l'école. Exemple : `"0351234X"`.
   */
  circonscription?: Uai;
  /**
   * Nombre d'élèves. Exemple : `540`.
   */
  effectif?: number;
  /**
   * Coordonnées géographiques de l'établissement en WGS 84 (degrés décimaux), reprises de l'annuaire de l'éducation par `gouvnum import annuaire`. Exemple : `{ latitude: 48.1113, longitude: -1.6800 }`.
   */
  localisation?: {
    /**
     * Latitude en degrés décimaux (WGS 84), de -90 à 90. Exemple : `48.1113`.
     */
    latitude: number;
    /**
     * Longitude en degrés décimaux (WGS 84), de -180 à 180. Exemple : `-1.68`.
     */
    longitude: number;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Coordonnées fonctionnelles de l'établissement (adresse du secrétariat ou de la direction, pas celle d'une personne), reprises de l'annuaire. Exemple : `{ courriel: ce.0350017D@ac-rennes.fr, telephone: "02 99 00 00 00" }`.
   */
  contact?: {
    /**
     * Adresse électronique fonctionnelle de l'établissement. Exemple : `ce.0350017D@ac-rennes.fr`.
     */
    courriel?: string;
    /**
     * Numéro de téléphone de l'établissement, entre guillemets. Exemple : `"02 99 00 00 00"`.
     */
    telephone?: string;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Appartenance au réseau d'éducation prioritaire : `rep` ou `rep_plus`. Absente quand l'établissement n'en relève pas.
   */
  education_prioritaire?: "rep" | "rep_plus";
  /**
   * Nom de la circonscription d'IEN, tel que l'annuaire le donne (la clé `circonscription` garde son UAI). Exemple : `Circonscription d'inspection du 1er degré de Bruz`.
   */
  circonscription_nom?: string;
  /**
   * Bassin de formation de l'établissement, quand l'export de l'annuaire le donne. Exemple : `{ code: "14001", nom: Rennes }`.
   */
  bassin?: {
    /**
     * Code du bassin de formation, entre guillemets. Exemple : `"14001"`.
     */
    code?: string;
    /**
     * Nom du bassin de formation. Exemple : `Rennes`.
     */
    nom: string;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Ministère de tutelle, pour une unité qui ne relève pas de l'Éducation nationale (agriculture, santé, mer…) importée avec `gouvnum import annuaire --toutes-tutelles`. Absente pour les établissements de l'Éducation nationale. Exemple : `AGRICULTURE`.
   */
  tutelle?: string;
  /**
   * L'équipe de direction de l'établissement.
   */
  direction?: {
    /**
     * Le chef d'établissement, ou le directeur ou la directrice d'école ; il ou elle pilote la politique numérique de l'établissement.
     */
    chef?: Personne | null;
    /**
     * Le ou la chef d'établissement adjoint(e).
     */
    adjoint?: Personne | null;
    /**
     * Le ou la secrétaire général(e) (adjoint gestionnaire) de l'EPLE.
     */
    secretaire_general?: Personne | null;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Le référent pour les usages pédagogiques du numérique (en général un enseignant) : accompagnement pédagogique uniquement, pas de maintenance.
   */
  referent_numerique?: Personne | null;
  /**
   * L'interlocuteur de la collectivité pour les équipements et services numériques ; depuis la loi de 2013, à la charge de la collectivité. Exemple : `{ vacant: true }` si le poste n'est pas pourvu.
   */
  referent_technique?: Personne | null;
  /**
   * Les instances de l'établissement (conseils).
   */
  instances?: {
    /**
     * Le conseil pédagogique de l'EPLE (Code de l'éducation, L.421-5). Exemple : `{ existe: true, numerique_a_l_ordre_du_jour: "2025-01-20" }`.
     */
    conseil_pedagogique?: {
      /**
       * `true` si l'instance est constituée et se réunit.
       */
      existe: boolean;
      /**
       * Date de la dernière séance dont le numérique était à l'ordre du jour.
       */
      numerique_a_l_ordre_du_jour?: DateIso;
      /**
       * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
       */
      [k: `x_${string}`]: unknown;
    };
    /**
     * Le conseil d'administration de l'EPLE (vote le budget, le règlement intérieur, le projet d'établissement, autorise la signature des conventions). Exemple : `{ existe: true }`.
     */
    conseil_administration?: {
      /**
       * `true` si l'instance est constituée et se réunit.
       */
      existe: boolean;
      /**
       * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
       */
      [k: `x_${string}`]: unknown;
    };
    /**
     * Le conseil d'école (écoles). Exemple : `{ existe: true }`.
     */
    conseil_ecole?: {
      /**
       * `true` si l'instance est constituée et se réunit.
       */
      existe: boolean;
      /**
       * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
       */
      [k: `x_${string}`]: unknown;
    };
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Le projet d'établissement ou d'école.
   */
  projet_etablissement?: {
    /**
     * `true` si le projet comporte un volet numérique.
     */
    volet_numerique: boolean;
    /**
     * Date d'adoption du projet.
     */
    adopte_le?: DateIso;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Le règlement intérieur et ce qu'il prévoit pour le numérique. Exemple : `{ equipements_personnels: true, telephones_portables: true }`.
   */
  reglement_interieur?: {
    /**
     * Date d'adoption par le conseil d'administration (ou le conseil d'école).
     */
    adopte_le?: DateIso;
    /**
     * `true` si le règlement intérieur encadre l'usage des équipements personnels des élèves (Code de l'éducation, L.511-5).
     */
    equipements_personnels: boolean;
    /**
     * `true` si le règlement intérieur traite des téléphones portables.
     */
    telephones_portables?: boolean;
    /**
     * `true` si une charte d'usage du numérique est annexée au règlement intérieur.
     */
    charte_usage?: boolean;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Sécurité des accès au réseau. Exemple : `{ filtrage: true, controle_acces_reseau: true }`.
   */
  securite?: {
    /**
     * `true` si l'accès à internet est filtré.
     */
    filtrage: boolean;
    /**
     * `true` si l'accès au réseau est contrôlé (authentification des utilisateurs et des appareils).
     */
    controle_acces_reseau?: boolean;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Protection des données personnelles. Exemple : `{ registre_traitements: true, dpd_designe: true }`.
   */
  rgpd?: {
    /**
     * `true` si le registre des activités de traitement est tenu (RGPD, art. 30).
     */
    registre_traitements: boolean;
    /**
     * `true` si un délégué à la protection des données est désigné pour l'établissement.
     */
    dpd_designe?: boolean;
    /**
     * Obsolète : les déclarations préalables à la CNIL n'existent plus depuis le 25 mai 2018 ; le registre des traitements les remplace. La clé est acceptée, quelle que soit sa valeur, seulement pour signaler cette obsolescence (règle `rgpd-declaration-cnil-obsolete`).
     */
    declarations_cnil?: unknown;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Formation des personnels au numérique. Exemple : `{ plan: true, heures_annuelles: 12 }`.
   */
  formation?: {
    /**
     * `true` si l'établissement organise un plan de formation au numérique.
     */
    plan: boolean;
    /**
     * Nombre d'heures de formation par an. Exemple : `12`.
     */
    heures_annuelles?: number;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Répartition des niveaux de maintenance propre à l'établissement ; elle l'emporte sur la convention et sur la collectivité.
   */
  maintenance?: Maintenance;
  /**
   * Le parc d'équipements, par catégorie et année de mise en service. Exemple : `- { categorie: poste_fixe, nombre: 60, annee_mise_en_service: 2017 }`.
   *
   * Items: Un lot d'équipements de même catégorie mis en service la même année.
   */
  equipements?: {
    /**
     * `poste_fixe`, `portable`, `tablette`, `videoprojecteur`, `tni` (tableau numérique interactif), `ecran_interactif`, `imprimante`, `serveur`, `borne_wifi` ou `autre`.
     */
    categorie:
      | "poste_fixe"
      | "portable"
      | "tablette"
      | "videoprojecteur"
      | "tni"
      | "ecran_interactif"
      | "imprimante"
      | "serveur"
      | "borne_wifi"
      | "autre";
    /**
     * Nombre d'appareils du lot. Exemple : `60`.
     */
    nombre: number;
    /**
     * Année, sur quatre chiffres, de mise en service du lot. Exemple : `2017`.
     */
    annee_mise_en_service: number;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  }[];
  /**
   * La connexion et le réseau de l'établissement. Exemple : `{ debit_mbps: 100, fibre: true, wifi: { present: true } }`.
   */
  reseau?: {
    /**
     * Débit de l'accès à internet, en mégabits par seconde. Exemple : `100`.
     */
    debit_mbps?: number;
    /**
     * `true` si l'établissement est raccordé à la fibre optique.
     */
    fibre?: boolean;
    /**
     * Le réseau sans fil. Dans les écoles, la loi n° 2015-136 (art. 7) demande de désactiver les accès sans fil installés depuis la loi quand ils ne servent pas aux activités pédagogiques (II) et d'informer le conseil d'école avant toute nouvelle installation (III). Exemple : `{ present: true, installe_le: "2024-09-02", desactivation_hors_usage: true, conseil_ecole_informe_le: "2024-06-20" }`.
     */
    wifi?: {
      /**
       * `true` si un réseau Wi-Fi est installé.
       */
      present: boolean;
      /**
       * Date d'installation des accès sans fil. Exemple : `"2024-09-02"`.
       */
      installe_le?: DateIso;
      /**
       * `true` si les accès sans fil sont désactivés lorsqu'ils ne servent pas aux activités pédagogiques (loi n° 2015-136, art. 7 II).
       */
      desactivation_hors_usage?: boolean;
      /**
       * @deprecated
       * Ancien nom de `desactivation_hors_usage`, encore accepté avec le même sens ; préférez `desactivation_hors_usage`. Si les deux sont présents, `desactivation_hors_usage` l'emporte.
       */
      coupure_par_classe?: boolean;
      /**
       * Date à laquelle le conseil d'école a été informé de l'installation (loi n° 2015-136, art. 7 III : avant toute nouvelle installation).
       */
      conseil_ecole_informe_le?: DateIso;
      /**
       * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
       */
      [k: `x_${string}`]: unknown;
    };
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Usage de l'espace numérique de travail.
   */
  ent?: {
    /**
     * `true` si l'établissement utilise l'ENT fourni par sa collectivité ou l'académie.
     */
    utilise: boolean;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Document `kind: convention` : une convention ou un contrat entre académie, collectivités et établissements, ses parties, ses signatures, sa durée et ses clauses. Identifiant : `convention:<id>`.
 */
export interface Convention {
  /**
   * Toujours `convention` dans ce fichier : indique que le document décrit une convention. Chaque document YAML (séparé par `---`) commence par sa clé `kind`.
   */
  kind: "convention";
  /**
   * Identifiant de la convention, repris dans `convention:<id>`. Exemple : `conv-dep35-0350017d-2024`.
   */
  id: Slug;
  /**
   * `eple_collectivite` (EPLE et collectivité de rattachement, Code de l'éducation L.421-23 II), `ecole_commune` (convention numérique des écoles entre la commune et l'académie : IEN, DASEN), `academie_collectivite` (convention cadre entre l'académie et une collectivité), `contrat_objectifs` (L.421-4 : académie et EPLE, la collectivité pouvant être partie) ou `autre`.
   */
  type: "eple_collectivite" | "ecole_commune" | "academie_collectivite" | "contrat_objectifs" | "autre";
  /**
   * Objet de la convention, en clair. Exemple : `Maintenance et usages numériques au collège du Querpon`.
   */
  objet?: string;
  /**
   * Références des parties à la convention, au moins deux. Exemple : `[collectivite:dep-35, etablissement:0350017D]`.
   *
   * @minItems 2
   *
   * Items: Référence d'une partie à la convention, de la forme `<kind>:<id>`. Exemple : `etablissement:0350017D`.
   */
  parties: Ref[];
  /**
   * Les signatures, une par signataire ; une partie a signé quand une entrée la concerne avec une `date` non nulle.
   *
   * Items: Une signature. Exemple : `{ partie: collectivite:dep-35, role: president_collectivite, signataire: Jean Durand, date: "2024-09-12" }`.
   */
  signatures?: {
    /**
     * Référence de la partie qui signe ; elle doit figurer dans `parties`. Exemple : `etablissement:0350017D`.
     */
    partie: Ref;
    /**
     * `president_collectivite`, `maire`, `chef_etablissement`, `recteur`, `dasen`, `ien`, `directeur_ecole` ou `autre`.
     */
    role:
      | "president_collectivite"
      | "maire"
      | "chef_etablissement"
      | "recteur"
      | "dasen"
      | "ien"
      | "directeur_ecole"
      | "autre";
    /**
     * Nom de la personne qui signe. Exemple : `Jean Durand`.
     */
    signataire?: string;
    /**
     * Date de la signature au format AAAA-MM-JJ, ou `null` si la signature est attendue mais pas encore faite. Exemple : `"2024-09-12"`.
     */
    date: string | null;
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  }[];
  /**
   * Date à laquelle le conseil d'administration de l'EPLE a autorisé le chef d'établissement à signer (R.421-9) ; elle doit précéder sa signature.
   */
  autorisation_ca_le?: DateIso;
  /**
   * Date d'entrée en vigueur. Sans début, la convention est réputée en vigueur depuis toujours.
   */
  debut?: DateIso;
  /**
   * Date d'échéance. Sans fin, la convention n'a pas d'échéance (signalé par la règle `convention-sans-echeance`).
   */
  fin?: DateIso;
  /**
   * Ce que la convention règle. Exemple : `{ maintenance: { niveau_2: { acteur: technicien_collectivite } }, securite: true, autorite_fonctionnelle: true }`.
   */
  clauses?: {
    /**
     * Répartition des niveaux de maintenance convenue ; elle l'emporte sur celle de la collectivité pendant la période de validité.
     */
    maintenance?: Maintenance;
    /**
     * `true` si la convention traite de la sécurité des systèmes et des données.
     */
    securite?: boolean;
    /**
     * `true` si la convention traite de la formation des personnels.
     */
    formation?: boolean;
    /**
     * `true` si la convention traite de l'espace numérique de travail.
     */
    ent?: boolean;
    /**
     * `true` si la convention fixe l'autorité fonctionnelle de la collectivité sur l'adjoint gestionnaire (clause ajoutée par la loi 3DS du 21 février 2022).
     */
    autorite_fonctionnelle?: boolean;
    /**
     * Les tâches réparties par la convention, en texte libre. Exemple : `[inventaire annuel du parc, gestion des comptes ENT]`.
     *
     * Items: Une tâche et qui l'assure, en texte libre. Exemple : `inventaire annuel du parc (collectivité)`.
     */
    taches?: string[];
    /**
     * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
     */
    [k: `x_${string}`]: unknown;
  };
  /**
   * Pour un contrat d'objectifs dont la collectivité n'est pas partie : date à laquelle il lui a été transmis (au moins un mois avant le conseil d'administration).
   */
  transmis_collectivite_le?: DateIso;
  /**
   * Clés libres à usage local, jamais vérifiées (préfixe `x_`).
   */
  [k: `x_${string}`]: unknown;
}
/**
 * Fichier `gouvnum.config.yaml` : date d'audit, sévérité et options des règles, fichiers ignorés, rapport et limites de lecture.
 */
export interface GouvnumConfig {
  /**
   * Date à laquelle l'audit est évalué (conventions en vigueur, âge des équipements…), au format AAAA-MM-JJ, entre guillemets. L'option `--date` l'emporte ; sans l'une ni l'autre : la date du jour. Exemple : `"2026-09-01"`.
   */
  auditDate?: string;
  /**
   * Une configuration (ou une liste) dont celle-ci part : un chemin relatif au dossier de ce fichier, ou un paquet npm qui contient un `gouvnum.config.yaml` (les réglages partagés d'une académie, réutilisés par les dépôts de ses collectivités). Les clés de ce fichier l'emportent ; `rules`, `report` et `limits` sont fusionnés clé par clé, `ignore` et `plugins` s'ajoutent. Exemple : `../commun/gouvnum.config.yaml`.
   */
  extends?: string | string[];
  /**
   * Modules ES (chemins relatifs au dossier de ce fichier, ou paquets npm) qui exportent des règles écrites avec `defineRule` de gouvnum, avec leurs propres messages. gouvnum ne charge jamais de code que la configuration ne nomme pas. Exemple : `[./regles/referent-academique.mjs]`.
   *
   * Items: Un chemin (relatif au dossier de ce fichier) ou un paquet npm. Exemple : `./regles/effectif-absent.mjs`.
   */
  plugins?: string[];
  /**
   * Réglage des règles, par identifiant : une sévérité (`error`, `warning`, `info` ou `off`) ou une liste `[sévérité, { options }]`. Exemple : `equipement-obsolete: [warning, { age_max_ans: 5 }]`, `debit-insuffisant: off`.
   */
  rules?: {
    /**
     * Une académie doit désigner un délégué ou une déléguée à la protection des données (DPD). Groupe B, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "academie-dpd-absent"?: ReglageRegle;
    /**
     * Le code académie doit être l'un des 30 codes en vigueur. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "academie-inconnue"?: ReglageRegle;
    /**
     * Une académie devrait déclarer son ou sa délégué(e) académique au numérique (DAN) et sa DSI académique (un choix d'organisation de l'État, pas un poste prévu par la loi). Groupe B, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "academie-pilotage-incomplet"?: ReglageRegle;
    /**
     * Une académie devrait déclarer le plan qui forme ses personnels aux équipements et services numériques déployés par les collectivités. Groupe B, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "academie-plan-formation-absent"?: ReglageRegle;
    /**
     * Une académie doit déclarer la politique de sécurité des systèmes d'information que les collectivités mettent en œuvre. Groupe B, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "academie-politique-securite-absente"?: ReglageRegle;
    /**
     * Une académie doit déclarer son recteur ou sa rectrice, autorité de l'État dont dépendent ses conventions et ses instances. Groupe B, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "academie-recteur-absent"?: ReglageRegle;
    /**
     * Un établissement public doit avoir un chef d'établissement (ou un directeur d'école) en fonction. Groupe D, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "chef-etablissement-absent"?: ReglageRegle;
    /**
     * Une collectivité qui a des établissements doit déclarer quel service porte en interne l'équipement numérique éducatif. Groupe C, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "collectivite-organisation-non-declaree"?: ReglageRegle;
    /**
     * Un EPLE public doit être partie d'un contrat d'objectifs en vigueur à la date d'audit. Groupe E, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "contrat-objectifs-absent"?: ReglageRegle;
    /**
     * Le chef d'établissement ne signe une convention EPLE–collectivité ou un contrat d'objectifs qu'après l'autorisation du conseil d'administration. Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-autorisation-ca"?: ReglageRegle;
    /**
     * Une convention EPLE–collectivité en vigueur doit prévoir comment la collectivité exerce son autorité fonctionnelle sur l'adjoint gestionnaire (loi n° 2022-217, art. 145). Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-autorite-fonctionnelle-absente"?: ReglageRegle;
    /**
     * Une collectivité qui a des établissements dans le territoire doit être partie d'une convention cadre avec l'académie. Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-cadre-absente"?: ReglageRegle;
    /**
     * Une convention en vigueur qui arrive bientôt à échéance doit être renégociée avant de cesser de s'appliquer. Groupe E, sévérité par défaut : info. Options : `jours` (nombre, par défaut `90`). Exemple : `[info, { jours: 90 }]`.
     */
    "convention-echeance-proche"?:
      | Severite
      | [Severite]
      | [
          Severite,
          {
            /**
             * Nombre de jours avant la date de fin d'une convention en vigueur à partir duquel il faut préparer son renouvellement (le jour de l'audit et le dernier jour compris). Type : nombre ; par défaut : `90`.
             */
            jours?: unknown;
            [k: string]: unknown;
          },
        ];
    /**
     * La collectivité d'une école publique (sa commune, ou l'EPCI qui en a la charge) doit être partie d'une convention numérique des écoles avec l'académie. Groupe E, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-ecole-manquante"?: ReglageRegle;
    /**
     * Une école ne peut pas être partie d'une convention : elle n'a pas la personnalité juridique. Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-ecole-partie"?: ReglageRegle;
    /**
     * Une convention ne doit pas être échue à la date d'audit. Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-expiree"?: ReglageRegle;
    /**
     * Chaque partie d'une convention que la loi n'impose pas (écoles, convention-cadre, autre) devrait l'avoir signée (une signature datée). Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-facultative-non-signee"?: ReglageRegle;
    /**
     * Un EPLE public doit avoir une convention avec sa collectivité de rattachement (Code de l'éducation, L.421-23 II). Groupe E, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-manquante"?: ReglageRegle;
    /**
     * Chaque partie d'une convention exigée par la loi (EPLE–collectivité, contrat d'objectifs) doit l'avoir signée (une signature datée). Groupe E, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-non-signee"?: ReglageRegle;
    /**
     * Une convention doit avoir une date d'échéance. Groupe E, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-sans-echeance"?: ReglageRegle;
    /**
     * Les conventions des écoles, les conventions cadres et les contrats d'objectifs portent la signature datée du recteur ou du DASEN ; celles des écoles, aussi celle d'un IEN. Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-signataire-academique-absent"?: ReglageRegle;
    /**
     * Une convention EPLE–collectivité ou école–commune doit répartir les niveaux de maintenance (clauses.maintenance). Groupe E, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "convention-taches-non-reparties"?: ReglageRegle;
    /**
     * Les services éducation et DSI d'une collectivité qui a des établissements doivent échanger de façon permanente avec son service bâtiment. Groupe C, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "cooperation-batiment-absente"?: ReglageRegle;
    /**
     * Le débit internet d'un établissement doit atteindre le minimum retenu pour une école ou un EPLE. Groupe G, sévérité par défaut : info. Options : `debit_min_mbps_eple` (nombre, par défaut `100`), `debit_min_mbps_ecole` (nombre, par défaut `30`). Exemple : `[info, { debit_min_mbps_eple: 100 }]`.
     */
    "debit-insuffisant"?:
      | Severite
      | [Severite]
      | [
          Severite,
          {
            /**
             * Débit minimal attendu (en Mbit/s) pour un collège, un lycée, un lycée professionnel ou un EREA. Type : nombre ; par défaut : `100`.
             */
            debit_min_mbps_eple?: unknown;
            /**
             * Débit minimal attendu (en Mbit/s) pour une école. Type : nombre ; par défaut : `30`.
             */
            debit_min_mbps_ecole?: unknown;
            [k: string]: unknown;
          },
        ];
    /**
     * Les fichiers doivent être encodés en UTF-8. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    encodage?: ReglageRegle;
    /**
     * Les collectivités d'une même académie chargées des collèges ou des lycées gagnent à fournir le même ENT à leurs établissements. Groupe C, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "ent-non-mutualise"?: ReglageRegle;
    /**
     * Une collectivité qui remet des équipements aux élèves doit dire qui accompagne leur usage. Groupe C, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "equipement-individuel-sans-accompagnement"?: ReglageRegle;
    /**
     * Les équipements d'un établissement ne doivent pas dépasser l'âge de renouvellement fixé par sa collectivité (6 ans par défaut). Groupe G, sévérité par défaut : avertissement. Options : `age_max_ans` (nombre, par défaut `6`). Exemple : `[warning, { age_max_ans: 6 }]`.
     */
    "equipement-obsolete"?:
      | Severite
      | [Severite]
      | [
          Severite,
          {
            /**
             * Âge maximal (en années) d'un équipement quand la collectivité de rattachement ne fixe pas « renouvellement.age_max_ans » ; au-delà, il est compté comme obsolète. Type : nombre ; par défaut : `6`.
             */
            age_max_ans?: unknown;
            [k: string]: unknown;
          },
        ];
    /**
     * L'accès à internet d'une école ou d'un EPLE public doit être filtré. Groupe H, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "filtrage-absent"?: ReglageRegle;
    /**
     * Un EPLE public doit organiser la formation de ses personnels au numérique. Groupe H, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "formation-non-organisee"?: ReglageRegle;
    /**
     * Une collectivité qui a des établissements doit avoir une instance interne permanente qui pilote son projet numérique éducatif. Groupe C, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "gouvernance-interne-absente"?: ReglageRegle;
    /**
     * Deux documents du même type ne peuvent pas avoir le même identifiant. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "identifiant-duplique"?: ReglageRegle;
    /**
     * Chaque collectivité qui a des établissements dans le territoire doit être membre d'au moins une instance de concertation d'une académie. Groupe B, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "instance-concertation-absente"?: ReglageRegle;
    /**
     * Chaque instance de concertation d'une académie doit s'être réunie dans les 12 mois précédant la date d'audit. Groupe B, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "instance-concertation-inactive"?: ReglageRegle;
    /**
     * Un EPLE public doit avoir un conseil pédagogique et un conseil d'administration constitués. Groupe D, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "instances-eple-incompletes"?: ReglageRegle;
    /**
     * Chaque document doit déclarer un « kind » connu : academie, collectivite, etablissement ou convention. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "kind-inconnu"?: ReglageRegle;
    /**
     * La maintenance que le rectorat assure encore pour les collectivités doit être encadrée par une convention. Groupe B, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "maintenance-academique-residuelle"?: ReglageRegle;
    /**
     * Chacun des niveaux 0 à 3 de maintenance d'un établissement public doit avoir un acteur clairement désigné. Groupe F, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "maintenance-niveau-flou"?: ReglageRegle;
    /**
     * Le projet d'un EPLE public doit comporter un volet numérique. Groupe H, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "projet-sans-volet-numerique"?: ReglageRegle;
    /**
     * Un rattachement dérogatoire par cité scolaire ou par délégation doit nommer la convention qui l'organise entre les collectivités. Groupe D, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "rattachement-derogatoire-sans-convention"?: ReglageRegle;
    /**
     * La collectivité de rattachement doit avoir la compétence correspondant au type de l'établissement. Groupe D, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "rattachement-incompetent"?: ReglageRegle;
    /**
     * Chaque référence doit désigner un document du territoire. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "reference-inconnue"?: ReglageRegle;
    /**
     * Le référent numérique, chargé du seul accompagnement pédagogique, ne doit être l'acteur d'aucun niveau de maintenance. Groupe D, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "referent-numerique-maintenance"?: ReglageRegle;
    /**
     * Un EPLE public doit avoir un référent numérique pour l'accompagnement pédagogique des usages. Groupe D, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "referent-numerique-manquant"?: ReglageRegle;
    /**
     * Une école publique gagne à avoir un référent technique, interlocuteur de la commune pour ses équipements (beaucoup de communes ont plutôt une assistance centrale). Groupe D, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "referent-technique-ecole-manquant"?: ReglageRegle;
    /**
     * Depuis que la loi de 2013 a confié la maintenance à la collectivité, l'État a retiré ses moyens pour le rôle de référent technique : ce rôle n'est plus tenu par un agent de l'État ni par une décharge. Groupe D, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "referent-technique-employeur-etat"?: ReglageRegle;
    /**
     * Un EPLE public doit avoir un référent technique, interlocuteur de la collectivité pour les équipements et services. Groupe D, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "referent-technique-manquant"?: ReglageRegle;
    /**
     * Une collectivité qui a des établissements doit disposer d'un référentiel d'équipement fondé sur une analyse des besoins. Groupe C, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "referentiel-equipement-absent"?: ReglageRegle;
    /**
     * Le règlement intérieur d'une école ou d'un EPLE public gagne à dire comment s'applique l'article L.511-5 aux équipements personnels des élèves. Groupe H, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "reglement-interieur-equipements-personnels"?: ReglageRegle;
    /**
     * Une collectivité qui a des établissements doit définir sa politique de renouvellement des équipements. Groupe C, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "renouvellement-non-defini"?: ReglageRegle;
    /**
     * Les déclarations préalables à la CNIL n'existent plus depuis le 25 mai 2018 : le registre des traitements les remplace. Groupe H, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "rgpd-declaration-cnil-obsolete"?: ReglageRegle;
    /**
     * Un EPLE public doit tenir le registre des activités de traitement prévu par le RGPD. Groupe H, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "rgpd-registre-absent"?: ReglageRegle;
    /**
     * Chaque document doit respecter le format décrit par les schémas JSON de gouvnum. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    schema?: ReglageRegle;
    /**
     * Une collectivité qui a des établissements doit déclarer mettre en œuvre la politique de sécurité des systèmes d'information de l'académie. Groupe C, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "securite-mise-en-oeuvre-non-declaree"?: ReglageRegle;
    /**
     * Un commentaire « gouvnum-ignore » qui n'a masqué aucun constat peut être retiré. Groupe I, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "suppression-inutile"?: ReglageRegle;
    /**
     * Un commentaire « gouvnum-ignore » sans raison ou nommant une règle inconnue ne masque rien. Groupe I, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "suppression-invalide"?: ReglageRegle;
    /**
     * Le préfixe département de l'UAI doit correspondre au département de la commune. Groupe A, sévérité par défaut : avertissement. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "uai-departement-incoherent"?: ReglageRegle;
    /**
     * La lettre de contrôle d'un UAI doit correspondre à ses sept chiffres. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "uai-invalide"?: ReglageRegle;
    /**
     * Dans une école publique, les accès sans fil installés depuis la loi n° 2015-136 doivent être désactivés hors des activités pédagogiques, et le conseil d'école informé avant toute nouvelle installation (art. 7). Groupe G, sévérité par défaut : info. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "wifi-ecole-non-conforme"?: ReglageRegle;
    /**
     * Le fichier doit être du YAML valide. Groupe A, sévérité par défaut : erreur. Sans option : une sévérité (`error`, `warning`, `info` ou `off`).
     */
    "yaml-syntaxe"?: ReglageRegle;
    [k: string]:
      | ReglageRegle
      | Severite
      | [Severite]
      | [
          Severite,
          {
            /**
             * Nombre de jours avant la date de fin d'une convention en vigueur à partir duquel il faut préparer son renouvellement (le jour de l'audit et le dernier jour compris). Type : nombre ; par défaut : `90`.
             */
            jours?: unknown;
            [k: string]: unknown;
          },
        ]
      | [
          Severite,
          {
            /**
             * Débit minimal attendu (en Mbit/s) pour un collège, un lycée, un lycée professionnel ou un EREA. Type : nombre ; par défaut : `100`.
             */
            debit_min_mbps_eple?: unknown;
            /**
             * Débit minimal attendu (en Mbit/s) pour une école. Type : nombre ; par défaut : `30`.
             */
            debit_min_mbps_ecole?: unknown;
            [k: string]: unknown;
          },
        ]
      | [
          Severite,
          {
            /**
             * Âge maximal (en années) d'un équipement quand la collectivité de rattachement ne fixe pas « renouvellement.age_max_ans » ; au-delà, il est compté comme obsolète. Type : nombre ; par défaut : `6`.
             */
            age_max_ans?: unknown;
            [k: string]: unknown;
          },
        ]
      | undefined;
  };
  /**
   * Motifs glob (relatifs au dossier du fichier de configuration) des fichiers à ne pas lire. Exemple : `["brouillons/**"]`.
   *
   * Items: Un motif glob : `*` dans un nom, `**` pour tous les sous-dossiers. Exemple : `brouillons/**`.
   */
  ignore?: string[];
  /**
   * Réglages par défaut de la commande `report` ; les options de la ligne de commande l'emportent.
   */
  report?: {
    /**
     * Titre du rapport. Exemple : `Audit du numérique éducatif — Académie de Rennes`.
     */
    title?: string;
    /**
     * Auteur affiché dans le rapport. Exemple : `DRANE Bretagne`.
     */
    author?: string;
    /**
     * `html` (par défaut) ou `md` (Markdown).
     */
    format?: "html" | "md";
    /**
     * Un fichier par unité et une page d'index : `collectivite` (un rapport par collectivité), `departement` (un rapport par département) ou `etablissement` (une fiche par établissement).
     */
    splitBy?: "collectivite" | "departement" | "etablissement";
    /**
     * `true` : noms, courriels et téléphones sont remplacés par l'intitulé du rôle (RGPD).
     */
    anonymize?: boolean;
    /**
     * Fichier (ou dossier avec `splitBy`) où écrire le rapport. Exemple : `rapports/rapport.html`.
     */
    output?: string;
  };
  /**
   * Réglages de la commande `collect` (campagne de collecte par classeurs).
   */
  collect?: {
    /**
     * À qui renvoyer les classeurs remplis, écrit dans leur mode d'emploi. Exemple : `DRANE Bretagne — collecte@ac-rennes.fr`.
     */
    contact?: string;
  };
  /**
   * Limites qui protègent la lecture des fichiers YAML (fichiers énormes, « bombes » d'alias). Les valeurs par défaut conviennent à un territoire national ; ne les augmenter qu'en connaissance de cause.
   */
  limits?: {
    /**
     * Un fichier plus gros n'est pas lu et est signalé. Par défaut : `10485760` (10 Mio).
     */
    maxFileBytes?: number;
    /**
     * Nombre maximal de documents YAML (séparés par `---`) dans un même fichier. Par défaut : `10000`.
     */
    maxDocumentsPerFile?: number;
    /**
     * Nombre maximal d'alias (`*ancre`) développés dans un document, pour arrêter les « bombes » d'alias ; `0` interdit les alias. Par défaut : `1000`.
     */
    maxAliasCount?: number;
    /**
     * Profondeur maximale d'imbrication des listes et tables dans un document. Par défaut : `100`.
     */
    maxDepth?: number;
  };
}
