// Report: the view model's types — the contract custom templates rely on. docs/rapport-modele-de-vue.md is generated
// from this file (`npm run gen:vm-doc`, checked by `npm run gen:check`), so the doc comments here are in French.
import type { Severity } from "../core/finding.js";

/** Un morceau de texte de la documentation d'une règle : texte simple, ou code. */
export interface Morceau {
  texte: string;
  /** Vrai pour un nom de clé ou une valeur à écrire tels quels (à afficher en `<code>`). */
  code: boolean;
}
/** Un paragraphe de la documentation d'une règle. */
export type Paragraphe = Morceau[];

/** Constats comptés, par sévérité. */
export interface Compte {
  erreurs: number;
  avertissements: number;
  infos: number;
  total: number;
}

/** Une règle citée par le rapport, avec sa documentation. */
export interface RegleVM {
  /** Identifiant de la règle (`referent-technique-manquant`). */
  id: string;
  /** Ancre de sa fiche dans l'annexe « Pour l'équipe ». */
  ancre: string;
  /** Adresse de sa documentation complète. */
  url: string;
  /** Thème (groupe de règles, `A` à `I`) et son libellé. */
  groupe: string;
  groupeLibelle: string;
  severite: Severity;
  severiteLibelle: string;
  /** Une phrase en français courant : ce que la règle demande. C'est le texte d'un constat dans le corps du rapport. */
  resume: string;
  /** « Pourquoi » : le texte ou la pratique de gouvernance sur lequel la règle repose. */
  fondement: Paragraphe[];
  /** « Pour corriger ». */
  correction: Paragraphe[];
  /** Sa première phrase : la correction en une ligne, que les tableaux de constats donnent à chaque constat (le texte entier une fois, dans l'annexe ou sur la page de la règle). */
  correctionCourte: Paragraphe;
  references: Paragraphe[];
  /** Faux quand la règle n'a pas encore de page de documentation. */
  documentee: boolean;
}

/**
 * Un constat compté (ou masqué). `message` (qui cite les clés du fichier), `fichier`, `ligne`, `colonne` et
 * `emplacement` sont des informations techniques : les gabarits fournis ne les montrent que dans la colonne
 * « Pour corriger » et dans l'annexe « Pour l'équipe ».
 */
export interface ConstatVM {
  regle: RegleVM;
  severite: Severity;
  severiteLibelle: string;
  /** Le message détaillé de la règle, pour l'équipe (il nomme les clés à écrire). */
  message: string;
  /** Référence de l'entité (`etablissement:0350017D`) et son nom en français. */
  entite: string;
  entiteLibelle: string;
  fichier: string;
  ligne: number;
  colonne: number;
  /** « fichier, ligne n ». */
  emplacement: string;
  /** Raison du masquage (`# gouvnum-ignore`), sinon null. */
  masque: string | null;
}

/** Un indicateur de gouvernance : numérateur sur dénominateur. */
export interface IndicateurVM {
  id: string;
  libelle: string;
  /** Définition précise (numérateur, dénominateur), en français courant. */
  definition: string;
  numerateur: number;
  denominateur: number;
  numerateurTexte: string;
  denominateurTexte: string;
  /** De 0 à 100, une décimale ; null quand le dénominateur est nul. */
  pourcentage: number | null;
  /** « 42,5 % », ou « sans objet ». */
  pourcentageTexte: string;
  /** « 17 sur 40 ». */
  fractionTexte: string;
  /** `plus` : plus c'est haut, mieux c'est ; `moins` : l'inverse. */
  sens: "plus" | "moins";
  sensLibelle: string;
}

/** Les constats d'un thème (groupe de règles). */
export interface ThemeVM extends Compte {
  groupe: string;
  libelle: string;
}

/** Établissements publics sans erreur ni avertissement, pour une collectivité ou un regroupement. */
export interface ConformiteVM {
  ref: string;
  nom: string;
  /** Ancre du détail dans le rapport, ou chaîne vide. */
  ancre: string;
  /** Établissements publics. */
  etablissements: number;
  /** Ceux sans erreur ni avertissement (sur eux ou sur une convention dont ils sont partie). */
  conformes: number;
  pourcentage: number | null;
  pourcentageTexte: string;
  constats: Compte;
}

/** Une cellule de la matrice de la maintenance : qui assure un niveau pour un ensemble d'établissements publics. */
export interface CelluleMaintenanceVM {
  niveau: number;
  /** L'acteur, « flou », « variable selon l'établissement »… */
  texte: string;
  /** Vrai quand le niveau est flou pour au moins un établissement. */
  flou: boolean;
  flous: number;
  total: number;
  acteurs: Array<{ acteur: string; libelle: string; nombre: number }>;
  /** Précision (« ailleurs : Prestataire (3) »), ou chaîne vide. */
  detail: string;
}

/** Une ligne de la matrice de la maintenance : une collectivité, ou un type de collectivité. */
export interface LigneMaintenanceVM {
  ref: string;
  nom: string;
  cellules: CelluleMaintenanceVM[];
}

/** Un niveau de maintenance (0 à 3) et ce qu'il recouvre. */
export interface NiveauVM {
  niveau: number;
  libelle: string;
  description: string;
}

/** Part des établissements publics dont un niveau de maintenance est clair. */
export interface CouvertureVM {
  niveau: number;
  libelle: string;
  clairs: number;
  total: number;
  pourcentage: number | null;
  pourcentageTexte: string;
}

/** Un graphique : SVG en ligne et son alternative textuelle ; ses données sont ailleurs dans le modèle (et dans un tableau du rapport). */
export interface GraphiqueVM {
  id: string;
  titre: string;
  /** Alternative textuelle : les mêmes nombres en une phrase. */
  description: string;
  /** SVG échappé par gouvnum : à insérer tel quel (`{{{svg}}}`). Chaîne vide quand il n'y a rien à dessiner. */
  svg: string;
}

/** L'état d'un indicateur pour un établissement. */
export interface EtatVM {
  /** null : sans objet (par exemple le référent numérique d'une école). */
  valeur: boolean | null;
  texte: string;
  /** `oui`, `non` ou `na` (pour une classe CSS). */
  classe: "oui" | "non" | "na";
}

/** Une personne qui tient un rôle dans l'établissement. */
export interface ContactVM {
  role: string;
  nom: string | null;
  fonction: string | null;
  courriel: string | null;
  telephone: string | null;
}

/** Un niveau de maintenance d'un établissement, après résolution. */
export interface NiveauEtablissementVM {
  niveau: number;
  clair: boolean;
  /** L'acteur (valeur du fichier), ou null. */
  acteur: string | null;
  /** L'acteur en français, ou « flou (raison) ». */
  texte: string;
}

/** Un établissement : identité, état de chaque indicateur, niveaux de maintenance, équipements et constats. */
export interface EtablissementVM {
  ref: string;
  uai: string;
  nom: string;
  /** « Nom (UAI) ». */
  titre: string;
  ancre: string;
  type: string;
  typeLibelle: string;
  public: boolean;
  statutLibelle: string;
  commune: string | null;
  effectif: number | null;
  /** « Collège · Bruz · 540 élèves ». */
  description: string;
  contacts: ContactVM[];
  referentTechnique: EtatVM;
  referentNumerique: EtatVM;
  /** Couvert par une convention établissement – collectivité signée et en vigueur. */
  convention: EtatVM;
  maintenance: EtatVM;
  niveaux: NiveauEtablissementVM[];
  equipements: { obsoletes: number; total: number; texte: string };
  /** Ses constats et ceux des conventions dont il est partie. */
  constats: ConstatVM[];
  totaux: Compte;
}

/** Une collectivité, ses établissements et ses constats. */
export interface CollectiviteVM {
  ref: string;
  id: string;
  nom: string;
  /** Le nom, pour un titre (jamais l'identifiant interne). */
  titre: string;
  ancre: string;
  type: string;
  typeLibelle: string;
  /** Organisation, renouvellement, instance de concertation : une phrase. */
  declaration: string;
  /** Légende du tableau de bord de ses établissements. */
  legendeTableau: string;
  constats: ConstatVM[];
  constatsConventions: ConstatVM[];
  etablissements: EtablissementVM[];
  etablissementsAvecConstats: EtablissementVM[];
  /** Les établissements sans constat, séparés par des virgules. */
  etablissementsSansConstat: string;
  conformite: ConformiteVM;
  totaux: Compte;
}

/** Une académie et ses constats. */
export interface AcademieVM {
  ref: string;
  code: string;
  nom: string;
  ancre: string;
  constats: ConstatVM[];
}

/** Les chiffres clés. */
export interface SyntheseVM extends Compte {
  masques: number;
  fichiers: number;
  documents: number;
  collectivites: number;
  etablissements: number;
  etablissementsPublics: number;
  conventions: number;
  /** « 24 constats : 2 erreurs, 13 avertissements et 9 informations. » */
  phrase: string;
  phraseMasques: string | null;
  /** Ce que compte le périmètre, en une phrase. */
  territoire: string;
  parSeverite: Array<{ severite: Severity; libelle: string; nombre: number }>;
}

/** Une entrée du sommaire. */
export interface SommaireVM {
  ancre: string;
  titre: string;
  enfants: Array<{ ancre: string; titre: string }>;
}

/** Établissements par statut sur la carte. */
export interface StatutsVM {
  /** Ni erreur ni avertissement. */
  sansEcart: number;
  /** Au moins un avertissement, aucune erreur. */
  avertissements: number;
  /** Au moins une erreur. */
  erreurs: number;
  total: number;
}

/** Une ligne de l'alternative textuelle de la carte : un département. */
export interface CarteDepartementVM extends StatutsVM {
  /** Code du département (`35`, `2A`, `974`), ou `?` quand il n'a pas pu être déterminé. */
  code: string;
  nom: string;
  /** Établissements du département sans `localisation` (absents de la carte). */
  sansLocalisation: number;
}

/** La carte des établissements (SVG en ligne) et son alternative textuelle. */
export interface CarteVM {
  titre: string;
  /** SVG échappé par gouvnum : à insérer tel quel. Chaîne vide quand aucun établissement n'a de localisation. */
  svg: string;
  /** Alternative textuelle de la carte, en une phrase. */
  description: string;
  legende: Array<{ statut: "sansEcart" | "avertissements" | "erreurs"; libelle: string; nombre: number }>;
  /** Établissements dessinés. */
  localises: number;
  /** Établissements sans localisation, comptés sous la carte. */
  sansLocalisation: number;
  sansLocalisationTexte: string | null;
  /** Attribution à imprimer sous la carte (IGN – Admin Express, Licence Ouverte). */
  source: string;
  /** Les mêmes nombres par département. */
  departements: CarteDepartementVM[];
}

/** Un tableau d'indicateurs par regroupement (département, type d'établissement, type de collectivité). */
export interface TableauIndicateursVM {
  /** `departement`, `typeEtablissement` ou `typeCollectivite`. */
  id: string;
  titre: string;
  /** En-tête de la première colonne. */
  entete: string;
  colonnes: Array<{ id: string; libelle: string }>;
  lignes: Array<{ libelle: string; cellules: IndicateurVM[] }>;
}

/** Un des écarts les plus fréquents (une règle) et où il se concentre. */
export interface EcartFrequentVM {
  rang: number;
  regle: RegleVM;
  constats: Compte;
  /** Entités distinctes concernées. */
  entites: number;
  /** Où il se concentre, en français (« Écoles : 81 % ; Finistère : 40 % »). */
  concentration: string;
}

/** Une collectivité du classement des écarts à traiter. */
export interface ClassementVM {
  rang: number;
  ref: string;
  nom: string;
  typeLibelle: string;
  /** Ancre de son détail quand le rapport le contient, sinon null. */
  ancre: string | null;
  etablissements: number;
  constats: Compte;
  conformite: ConformiteVM;
}

/** La matrice de la maintenance par type de collectivité, et les collectivités dont un niveau est flou. */
export interface MaintenanceSyntheseVM {
  lignes: LigneMaintenanceVM[];
  /** Collectivités dont un niveau est flou pour au moins un établissement public : nom et niveaux (60 au plus). */
  floues: Array<{ nom: string; niveaux: string }>;
  /** Collectivités floues au-delà de la liste. */
  flouesNonListees: number;
}

/** Le détail par collectivité et par établissement est-il dans ce rapport, et sinon où le trouver. */
export interface DetailsVM {
  /** Vrai jusqu'à 40 établissements, et dans chaque fichier de `--split-by`. */
  inclus: boolean;
  /** Sinon : ce que contient le détail et comment l'obtenir. */
  texte: string | null;
}

/** Une convention sur la fiche d'un établissement. */
export interface ConventionFicheVM {
  id: string;
  typeLibelle: string;
  /** Les parties, par leur nom. */
  parties: string;
  signee: EtatVM;
  enVigueur: EtatVM;
  /** « du 1er septembre 2024 au 31 août 2027 ». */
  periode: string;
}

/** Un constat de la fiche, en une ligne : ce qui manque, sur quoi, et où (fichier, ligne). */
export interface ConstatFicheVM {
  /** Le début du message de la règle (jusqu'aux deux-points ou au premier point) : il nomme la clé en cause. */
  detail: string;
  /** L'entité quand ce n'est pas l'établissement (une convention), sinon null. */
  entiteLibelle: string | null;
  /** « ligne n » dans le fichier de l'établissement, sinon « fichier, ligne n ». */
  emplacement: string;
}

/** Un écart de la fiche : une règle et ses constats sur l'établissement, corrigé en une ligne. */
export interface EcartFicheVM {
  regle: RegleVM;
  severite: Severity;
  severiteLibelle: string;
  /** Quand la règle n'a qu'un constat, sur l'établissement lui-même : « ligne n » (et `constats` est vide), sinon null. */
  ligne: string | null;
  /** Ses constats (quatre au plus), et une phrase pour les autres s'il y en a (sinon null). */
  constats: ConstatFicheVM[];
  autres: string | null;
}

/** La fiche d'une ou deux pages d'un établissement (`--scope etablissement:<UAI>`, `--split-by etablissement`). */
export interface FicheVM {
  etablissement: EtablissementVM;
  collectivite: string | null;
  departement: string | null;
  conventions: ConventionFicheVM[];
  /** Chaque niveau de maintenance : acteur et couche qui le définit. */
  niveaux: Array<{ niveau: number; libelle: string; texte: string; source: string; clair: boolean }>;
  /** Le fichier de l'établissement quand il a des constats (leurs lignes sont alors données seules), sinon null. */
  fichier: string | null;
  /** Les écarts, une ligne par règle (les constats détaillés restent dans `etablissement.constats`). */
  ecarts: EcartFicheVM[];
}

/** Le modèle de vue d'un rapport. */
export interface RapportVM {
  /** Version de ce contrat. */
  version: number;
  titre: string;
  auteur: string | null;
  /** Date d'audit, `AAAA-MM-JJ`, et en toutes lettres. */
  date: string;
  dateTexte: string;
  outil: { nom: string; version: string };
  /** Vrai avec `--anonymize`. */
  anonymise: boolean;
  /** Référence du périmètre (`collectivite:dep-35`, `departement:35`…) ou null pour tout le territoire, et son libellé. */
  perimetre: { ref: string | null; texte: string };
  /** Tous les libellés du rapport, par clé (sans le préfixe `rapport.`). */
  libelles: Record<string, string>;
  /** Les titres de section, par clé. */
  sections: Record<string, string>;
  sommaire: SommaireVM[];
  synthese: SyntheseVM;
  indicateurs: IndicateurVM[];
  /** Les indicateurs par département, par type d'établissement et par type de collectivité (seulement les tableaux d'au moins deux lignes). */
  indicateursPar: TableauIndicateursVM[];
  carte: CarteVM;
  /** Avec `--compare` : la section « Évolution » (indicateurs alors et maintenant, constats corrigés et nouveaux) ; sinon null. */
  evolution: EvolutionVM | null;
  /** Avec `--history` : les indicateurs dans le temps ; sinon null. */
  historique: HistoriqueVM | null;
  themes: ThemeVM[];
  /** Les dix écarts les plus fréquents. */
  ecartsFrequents: EcartFrequentVM[];
  /** Conformité de chaque collectivité qui a des établissements publics (données ; le graphique regroupe). */
  conformite: ConformiteVM[];
  /** Conformité par regroupement : par département s'il y en a plusieurs, sinon par type d'établissement (25 lignes au plus). */
  conformiteParGroupe: { entete: string; groupe: string; lignes: ConformiteVM[] };
  /** Les 15 collectivités qui ont le plus d'écarts à traiter, et la répartition des autres. */
  classement: { premieres: ClassementVM[]; autres: number; distribution: Array<{ tranche: string; collectivites: number }> };
  /** Niveaux, matrice par collectivité (`lignes`), couverture, et synthèse par type de collectivité. */
  maintenance: { niveaux: NiveauVM[]; lignes: LigneMaintenanceVM[]; couverture: CouvertureVM[]; synthese: MaintenanceSyntheseVM };
  /** Les graphiques ; aucun ne dessine plus de 25 barres. */
  graphiques: { themes: GraphiqueVM; conformite: GraphiqueVM; maintenance: GraphiqueVM; classement: GraphiqueVM };
  details: DetailsVM;
  academies: AcademieVM[];
  /** Les académies qui ont des constats. */
  academiesAvecConstats: AcademieVM[];
  collectivites: CollectiviteVM[];
  /** Établissements dont la collectivité de rattachement n'est pas dans le périmètre. */
  sansCollectivite: EtablissementVM[];
  /** Constats sans entité (lecture et structure des fichiers). */
  autresConstats: ConstatVM[];
  masques: ConstatVM[];
  /** Les règles citées, avec leur documentation. */
  regles: RegleVM[];
  /**
   * Vrai quand l'annexe donne tout le texte de chaque règle citée (pourquoi, correction, références) : un rapport qui
   * tient son détail. Faux pour une synthèse et pour chaque fichier de `--split-by` : un tableau d'une ligne par règle
   * (ce qu'elle signale, ses références, sa correction), le « pourquoi » restant sur la page de la règle.
   */
  reglesCompletes: boolean;
  /** La fiche d'un établissement (périmètre `etablissement:<UAI>`), sinon null. */
  fiche: FicheVM | null;
  piedDePage: string;
}

/** Une page d'un rapport découpé, telle que l'index la liste. */
export interface PageVM {
  ref: string;
  nom: string;
  /** Nom du fichier, relatif à l'index. */
  fichier: string;
  etablissements: number;
  constats: Compte;
  conformite: ConformiteVM;
}

/** L'index d'un rapport découpé : le modèle de tout le périmètre, plus ses pages. */
export interface IndexVM extends RapportVM {
  /** « Rapports par collectivité », « Rapports par département » ou « Fiches des établissements ». */
  titrePages: string;
  /** Ce que couvre chaque page. */
  introductionPages: string;
  pages: PageVM[];
}

/** Le sens d'un écart d'indicateur entre deux audits. */
export type Tendance = "mieux" | "moinsBien" | "stable" | "inconnu";

/** Un indicateur alors et maintenant (section « Évolution »). */
export interface IndicateurEvolutionVM {
  id: string;
  libelle: string;
  avantTexte: string;
  apresTexte: string;
  /** Écart en points de pourcentage, une décimale ; null quand un des deux côtés manque ou n'a pas de dénominateur. */
  ecart: number | null;
  /** « +15 points », « −3,5 points », « inchangé », « — ». */
  ecartTexte: string;
  tendance: Tendance;
  /** Une flèche et un mot : le sens ne repose jamais sur la seule couleur. */
  fleche: string;
  tendanceTexte: string;
}

/** Constats corrigés et nouveaux d'un thème ou d'une collectivité. */
export interface GroupeEvolutionVM {
  ref: string;
  libelle: string;
  corriges: number;
  nouveaux: number;
}

/** Un constat corrigé ou nouveau. */
export interface ConstatEvolutionVM {
  regle: string;
  /** Ce que la règle demande, en français courant (le texte du constat dans le corps du rapport). */
  resume: string;
  /** Le message détaillé de la règle, pour l'équipe. */
  message: string;
  /** Référence de l'entité (`etablissement:0350017D`), pour l'équipe, et son nom en français, pour le corps du rapport. */
  entite: string;
  entiteLibelle: string;
  fichier: string;
  ligne: number;
}

/** La section « Évolution » (`--compare`) : l'état comparé, les indicateurs alors et maintenant, les constats corrigés et nouveaux. */
export interface EvolutionVM {
  /** La révision git ou le fichier de résultat comparé, et sa date. */
  ref: string;
  date: string;
  dateTexte: string;
  /** « 12 corrigés, 3 nouveaux, 140 inchangés depuis HEAD~1 (2026-06-15) ». */
  resume: string;
  corriges: number;
  nouveaux: number;
  inchanges: number;
  modifies: number;
  indicateurs: IndicateurEvolutionVM[];
  parTheme: GroupeEvolutionVM[];
  /**
   * Par collectivité, dans l'ordre alphabétique ; au-delà de 15, les 15 qui changent le plus, puis une ligne « autres
   * collectivités » (ref `autres`) qui additionne le reste.
   */
  parCollectivite: GroupeEvolutionVM[];
  /** Les 20 premiers constats corrigés et nouveaux (dans l'ordre des fichiers) ; `autresCorriges` et `autresNouveaux` comptent les suivants. */
  listeCorriges: ConstatEvolutionVM[];
  listeNouveaux: ConstatEvolutionVM[];
  autresCorriges: number;
  autresNouveaux: number;
  /** « … et 132 autres », ou une chaîne vide. */
  autresCorrigesTexte: string;
  autresNouveauxTexte: string;
}

/** Un indicateur dans le temps (`--history`). */
export interface SerieHistoriqueVM {
  id: string;
  libelle: string;
  /** Un petit graphique en ligne (SVG en ligne, 0–100 %), son alternative textuelle dans son titre et sa description. */
  svg: string;
  /** Les valeurs dans l'ordre des dates, en texte (« 71,4 % », ou « — » quand l'indicateur n'était pas mesuré). */
  valeurs: string[];
}

/** La section « Indicateurs dans le temps » (`--history`) : un petit graphique par indicateur, à la même échelle, et le tableau des valeurs. */
export interface HistoriqueVM {
  /** Les audits, dans l'ordre des dates. */
  colonnes: Array<{ date: string; dateTexte: string; libelle: string }>;
  series: SerieHistoriqueVM[];
  description: string;
}
