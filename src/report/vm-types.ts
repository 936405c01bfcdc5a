// Report: the view model's types — the contract custom templates rely on (docs/rapport-modele-de-vue.md is generated from this file).
import type { Severity } from "../core/finding.js";
import type { EvolutionVM, HistoriqueVM } from "./evolution.js";

// ---------------------------------------------------------------------------------------------

/** A piece of text from a rule's documentation: plain text, or inline code. */
export interface Morceau {
  texte: string;
  code: boolean;
}
/** A paragraph of documentation text. */
export type Paragraphe = Morceau[];

/** Counted findings by severity. */
export interface Compte {
  erreurs: number;
  avertissements: number;
  infos: number;
  total: number;
}

/** A rule cited by the report, with its documentation. */
export interface RegleVM {
  id: string;
  ancre: string;
  url: string;
  groupe: string;
  groupeLibelle: string;
  severite: Severity;
  severiteLibelle: string;
  /** One sentence: what the rule reports (the rule's explanation). */
  resume: string;
  /** « Pourquoi » of the doc page without its « Pour corriger » paragraph: the legal basis or practice. */
  fondement: Paragraphe[];
  /** The « Pour corriger » paragraph of the doc page. */
  correction: Paragraphe[];
  references: Paragraphe[];
  documentee: boolean;
}

/** One counted (or masked) finding. `fichier`, `ligne`, `colonne` and `emplacement` are technical locations: templates show them only in « Pour corriger » and in the appendix « Pour l'équipe ». */
export interface ConstatVM {
  regle: RegleVM;
  severite: Severity;
  severiteLibelle: string;
  message: string;
  entite: string;
  entiteLibelle: string;
  fichier: string;
  ligne: number;
  colonne: number;
  emplacement: string;
  masque: string | null;
}

/** A governance indicator: numerator over denominator. */
export interface IndicateurVM {
  id: string;
  libelle: string;
  definition: string;
  numerateur: number;
  denominateur: number;
  numerateurTexte: string;
  denominateurTexte: string;
  /** 0–100, one decimal; null when the denominator is 0. */
  pourcentage: number | null;
  pourcentageTexte: string;
  fractionTexte: string;
  sens: "plus" | "moins";
  sensLibelle: string;
}

/** Findings of one theme (group of rules). */
export interface ThemeVM extends Compte {
  groupe: string;
  libelle: string;
}

/** Public établissements without error or warning, for one collectivité (or group). */
export interface ConformiteVM {
  ref: string;
  nom: string;
  ancre: string;
  etablissements: number;
  conformes: number;
  pourcentage: number | null;
  pourcentageTexte: string;
  constats: Compte;
}

/** One cell of the maintenance matrix: who holds a level for a set of établissements. */
export interface CelluleMaintenanceVM {
  niveau: number;
  texte: string;
  flou: boolean;
  flous: number;
  total: number;
  acteurs: Array<{ acteur: string; libelle: string; nombre: number }>;
  detail: string;
}

/** One row of the maintenance matrix (a collectivité, or a type of collectivité). */
export interface LigneMaintenanceVM {
  ref: string;
  nom: string;
  cellules: CelluleMaintenanceVM[];
}

export interface NiveauVM {
  niveau: number;
  libelle: string;
  description: string;
}

export interface CouvertureVM {
  niveau: number;
  libelle: string;
  clairs: number;
  total: number;
  pourcentage: number | null;
  pourcentageTexte: string;
}

/** A chart: inline SVG plus its text alternative; its data table is beside it in the view model. */
export interface GraphiqueVM {
  id: string;
  titre: string;
  description: string;
  /** Inline SVG markup, escaped by gouvnum: insert as is. */
  svg: string;
}

export interface EtatVM {
  /** null: not applicable. */
  valeur: boolean | null;
  texte: string;
  /** `oui`, `non` or `na` (for a CSS class). */
  classe: "oui" | "non" | "na";
}

export interface ContactVM {
  role: string;
  nom: string | null;
  fonction: string | null;
  courriel: string | null;
  telephone: string | null;
}

export interface NiveauEtablissementVM {
  niveau: number;
  clair: boolean;
  acteur: string | null;
  texte: string;
}

/** An établissement: identity, state of each indicator, maintenance levels, equipment and findings. */
export interface EtablissementVM {
  ref: string;
  uai: string;
  nom: string;
  titre: string;
  ancre: string;
  type: string;
  typeLibelle: string;
  public: boolean;
  statutLibelle: string;
  commune: string | null;
  effectif: number | null;
  description: string;
  contacts: ContactVM[];
  referentTechnique: EtatVM;
  referentNumerique: EtatVM;
  convention: EtatVM;
  maintenance: EtatVM;
  niveaux: NiveauEtablissementVM[];
  equipements: { obsoletes: number; total: number; texte: string };
  constats: ConstatVM[];
  totaux: Compte;
}

/** A collectivité with its établissements and findings. */
export interface CollectiviteVM {
  ref: string;
  id: string;
  nom: string;
  titre: string;
  ancre: string;
  type: string;
  typeLibelle: string;
  declaration: string;
  /** Caption of the établissements' dashboard table. */
  legendeTableau: string;
  constats: ConstatVM[];
  constatsConventions: ConstatVM[];
  etablissements: EtablissementVM[];
  etablissementsAvecConstats: EtablissementVM[];
  etablissementsSansConstat: string;
  conformite: ConformiteVM;
  totaux: Compte;
}

export interface AcademieVM {
  ref: string;
  code: string;
  nom: string;
  ancre: string;
  constats: ConstatVM[];
}

/** Key figures. */
export interface SyntheseVM extends Compte {
  masques: number;
  fichiers: number;
  documents: number;
  collectivites: number;
  etablissements: number;
  etablissementsPublics: number;
  conventions: number;
  phrase: string;
  phraseMasques: string | null;
  territoire: string;
  parSeverite: Array<{ severite: Severity; libelle: string; nombre: number }>;
}

/** A table-of-contents entry. */
export interface SommaireVM {
  ancre: string;
  titre: string;
  enfants: Array<{ ancre: string; titre: string }>;
}


/** Counts of établissements by map status (the map's legend and its text alternative). */
export interface StatutsVM {
  /** Établissements with neither error nor warning. */
  sansEcart: number;
  /** With at least one warning and no error. */
  avertissements: number;
  /** With at least one error. */
  erreurs: number;
  total: number;
}

/** One row of the map's text alternative: a département. */
export interface CarteDepartementVM extends StatutsVM {
  code: string;
  nom: string;
  /** Établissements of the département without `localisation` (not drawn). */
  sansLocalisation: number;
}

/** The map of the établissements (inline SVG) and its text alternative. */
export interface CarteVM {
  titre: string;
  /** Inline SVG markup, escaped by gouvnum: insert as is. Empty when no établissement has a localisation. */
  svg: string;
  /** The SVG's text alternative (one sentence). */
  description: string;
  legende: Array<{ statut: "sansEcart" | "avertissements" | "erreurs"; libelle: string; nombre: number }>;
  /** Établissements drawn. */
  localises: number;
  /** Établissements without localisation, counted under the map. */
  sansLocalisation: number;
  /** « 12 établissements sans localisation ne figurent pas sur la carte. », or null. */
  sansLocalisationTexte: string | null;
  /** Attribution printed under the map. */
  source: string;
  /** Text alternative: the same counts by département. */
  departements: CarteDepartementVM[];
}

/** A table of indicators for groups of établissements or collectivités (by département, by type). */
export interface TableauIndicateursVM {
  id: string;
  titre: string;
  /** Heading of the first column (« Département », « Type d'établissement »…). */
  entete: string;
  colonnes: Array<{ id: string; libelle: string }>;
  lignes: Array<{ libelle: string; cellules: IndicateurVM[] }>;
}

/** One of the most frequent gaps (a rule) and where it concentrates. */
export interface EcartFrequentVM {
  rang: number;
  regle: RegleVM;
  constats: Compte;
  /** Distinct entities concerned. */
  entites: number;
  /** Where the gap concentrates, in plain French (« 64 % dans les écoles ; 100 % en Ille-et-Vilaine »). */
  concentration: string;
}

/** A collectivité in the ranking by gaps to act on. */
export interface ClassementVM {
  rang: number;
  ref: string;
  nom: string;
  typeLibelle: string;
  /** Anchor of its detail when the report holds it, else null. */
  ancre: string | null;
  etablissements: number;
  constats: Compte;
  conformite: ConformiteVM;
}

/** The maintenance matrix aggregated by type of collectivité, and the collectivités whose levels are unclear. */
export interface MaintenanceSyntheseVM {
  lignes: LigneMaintenanceVM[];
  /** Collectivités with at least one public établissement whose level is unclear: name and unclear levels. */
  floues: Array<{ nom: string; niveaux: string }>;
  /** Collectivités with unclear levels not listed (beyond the page). */
  flouesNonListees: number;
}

/** Whether the per-collectivité and per-établissement detail is in this report, and where it is otherwise. */
export interface DetailsVM {
  inclus: boolean;
  /** When not included: how many collectivités, établissements and findings the detail holds, and how to get it. */
  texte: string | null;
}

/** A convention on an établissement's sheet. */
export interface ConventionFicheVM {
  id: string;
  typeLibelle: string;
  /** Parties in plain French (names, not ids). */
  parties: string;
  signee: EtatVM;
  enVigueur: EtatVM;
  periode: string;
}

/** The one- or two-page sheet of an établissement (`--scope etablissement:<UAI>`, `--split-by etablissement`). */
export interface FicheVM {
  etablissement: EtablissementVM;
  collectivite: string | null;
  departement: string | null;
  conventions: ConventionFicheVM[];
  /** Maintenance levels with their actor and where it is defined. */
  niveaux: Array<{ niveau: number; libelle: string; texte: string; source: string; clair: boolean }>;
}

export interface RapportVM {
  /** Version of this contract. */
  version: number;
  titre: string;
  auteur: string | null;
  date: string;
  dateTexte: string;
  outil: { nom: string; version: string };
  anonymise: boolean;
  perimetre: { ref: string | null; texte: string };
  /** Every report label of the message catalogue, keyed without the `rapport.` prefix. */
  libelles: Record<string, string>;
  /** Section headings by key. */
  sections: Record<string, string>;
  sommaire: SommaireVM[];
  synthese: SyntheseVM;
  indicateurs: IndicateurVM[];
  /** Indicators by département, by type of établissement and by type of collectivité (tables with fewer than two rows are left out). */
  indicateursPar: TableauIndicateursVM[];
  carte: CarteVM;
  /** Avec `--compare` : la section « Évolution » (indicateurs alors et maintenant, constats corrigés et nouveaux) ; sinon null. */
  evolution: EvolutionVM | null;
  /** Avec `--history` : les indicateurs dans le temps ; sinon null. */
  historique: HistoriqueVM | null;
  themes: ThemeVM[];
  /** The ten most frequent gaps. */
  ecartsFrequents: EcartFrequentVM[];
  /** Conformity of every collectivité with public établissements (data; the chart aggregates). */
  conformite: ConformiteVM[];
  /** Conformity by group (by département when there are several, else by type of établissement): at most 25 rows. */
  conformiteParGroupe: { entete: string; groupe: string; lignes: ConformiteVM[] };
  /** The 15 collectivités with most gaps to act on, and how the others are distributed. */
  classement: { premieres: ClassementVM[]; autres: number; distribution: Array<{ tranche: string; collectivites: number }> };
  maintenance: { niveaux: NiveauVM[]; lignes: LigneMaintenanceVM[]; couverture: CouvertureVM[]; synthese: MaintenanceSyntheseVM };
  graphiques: { themes: GraphiqueVM; conformite: GraphiqueVM; maintenance: GraphiqueVM; classement: GraphiqueVM };
  details: DetailsVM;
  academies: AcademieVM[];
  /** The académies that have findings. */
  academiesAvecConstats: AcademieVM[];
  collectivites: CollectiviteVM[];
  sansCollectivite: EtablissementVM[];
  autresConstats: ConstatVM[];
  masques: ConstatVM[];
  regles: RegleVM[];
  /** The sheet of one établissement (scope `etablissement:<UAI>`), else null. */
  fiche: FicheVM | null;
  piedDePage: string;
}

/** One page of a split report, as listed on the index. */
export interface PageVM {
  ref: string;
  nom: string;
  fichier: string;
  etablissements: number;
  constats: Compte;
  conformite: ConformiteVM;
}

/** The index of a split report: the whole territory's view model plus its pages. */
export interface IndexVM extends RapportVM {
  /** « Rapports par collectivité », « par département » or « Fiches des établissements ». */
  titrePages: string;
  /** What each page covers. */
  introductionPages: string;
  pages: PageVM[];
}
