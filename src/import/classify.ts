// Import: one annuaire row → the établissement gouvnum describes, or the reason it is skipped.
import { isUaiValid, uaiCheckLetter, departementFromUai } from "../core/domain.js";
import type { Row } from "./columns.js";
import type { CommuneTable } from "./communes.js";
import { annuaireFields, type AnnuaireFields } from "./fields.js";
import { horsAcademies, PARIS, specialRattachement } from "./special.js";
import {
  ACADEMIE_REGION,
  COLLECTIVITES_UNIQUES,
  DEPARTEMENTS,
  REGIONS,
  collectiviteId,
  communeOfArrondissement,
  normalizeAcademie,
  normalizeCommune,
  normalizeDepartement,
  normalizeRegion,
} from "./geo.js";

export const TYPES = ["ecole", "college", "lycee", "lycee_professionnel", "erea"] as const;
export type TypeEtablissement = (typeof TYPES)[number];
export type Statut = "public" | "prive";

/** A collectivité an établissement is attached to, enough to write its stub; `etat` (Mayotte's EPLE) has no stub. */
export interface CollectiviteRef {
  id: string;
  type: "commune" | "departement" | "region" | "collectivite_unique" | "metropole" | "etat";
  code: string;
  nom: string;
  academie: string;
  /** Written explicitly when the type's default does not fit (Ville de Paris, Saint-Barthélemy, Saint-Martin). */
  competences?: ReadonlyArray<"ecoles" | "colleges" | "lycees">;
}

/** What the annuaire says of an établissement: the fields it owns, and where it is attached. */
export interface AnnuaireEtablissement {
  uai: string;
  nom: string;
  type: TypeEtablissement;
  statut: Statut;
  academie: string;
  departement: string;
  commune?: { code_insee: string; nom?: string };
  /** For public établissements: the collectivité de rattachement. */
  collectivite?: CollectiviteRef;
  /** 1-based line of the row in the CSV. */
  line: number;
  /** What else the annuaire gives (version 2 keys). */
  fields: AnnuaireFields;
  /** The supervising ministry, for a unit outside the Éducation nationale imported with --toutes-tutelles. */
  tutelle?: string;
}

/** Why a row is not imported. `data` fills the message `import.raison.<reason>`. */
export type SkipReason =
  | "ferme"
  | "nonScolaire"
  | "section"
  | "typeInconnu"
  | "uaiInvalide"
  | "statutInconnu"
  | "academieInconnue"
  | "communeInvalide"
  | "communeInconnue"
  | "tutelle"
  | "horsAcademies"
  | "ligneSecondaire";

export interface Skipped {
  reason: SkipReason;
  data: Record<string, string>;
  uai: string;
  nom: string;
  line: number;
}

export interface Filters {
  academie?: string;
  departement?: string;
  types?: readonly TypeEtablissement[];
  statut?: Statut;
  /** Also import the units under another ministry than the Éducation nationale, marked `tutelle`. */
  toutesTutelles?: boolean;
  /**
   * The repository's académie, when no `academie` filter was given: a row of another académie is not
   * imported but counted, and the import is refused (`autreAcademie`).
   */
  academieDepot?: string;
}

/** What the classification needs besides the row. */
export interface ClassifyContext {
  /** The official list of communes: codes checked, names of the communes in charge. */
  communes?: CommuneTable;
  /** Whether the export has the éducation prioritaire column (an empty cell then means "not in"). */
  educationPrioritaireColumn?: boolean;
}

export type Classified =
  | { kind: "ok"; etab: AnnuaireEtablissement }
  | { kind: "skip"; skip: Skipped }
  | { kind: "filtered" }
  | { kind: "autreAcademie"; academie: string; line: number };

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_-]+/g, " ").trim();
}

/** `Type_etablissement` values that are not schools, folded. */
const NOT_SCHOOLS = new Set(["service administratif", "medico social", "information et orientation", "autre"]);

/** Sections of a lycée (SEP, SEGT, agricultural sections): they have a UAI but belong to their lycée. */
const SECTION_NATURES = new Set(["334", "335", "336"]);
const LYCEE_NATURES = new Set(["300", "301", "302", "306", "307"]);

/** The type from `Type_etablissement` and `code_nature`; lycées professionnels are code_nature 320. */
export function classifyType(row: Row): { type: TypeEtablissement } | { reason: "nonScolaire" | "section" | "typeInconnu" } {
  const t = fold(row.type);
  const nature = row.codeNature.replace(/^0+(?=\d{3})/, "");
  const libelle = fold(row.libelleNature);
  const isSection =
    SECTION_NATURES.has(nature) || libelle.startsWith("section ") || fold(row.rattachement) === "filiere ou departement ou section";
  const lycee = (): { type: TypeEtablissement } | { reason: "section" } => {
    if (isSection) return { reason: "section" };
    if (nature === "320" || (nature === "" && (/lycee professionnel/.test(libelle) || /^lycee professionnel\b/.test(fold(row.nom))))) {
      return { type: "lycee_professionnel" };
    }
    if (libelle.includes("professionnel") && !LYCEE_NATURES.has(nature)) return { type: "lycee_professionnel" };
    return { type: "lycee" };
  };
  if (t.startsWith("ecole")) return { type: "ecole" };
  if (t.startsWith("college")) return { type: "college" };
  if (t.startsWith("lycee")) {
    const l = lycee();
    return "type" in l && t.includes("professionnel") ? { type: "lycee_professionnel" } : l;
  }
  if (t === "erea" || t.startsWith("etablissement regional d")) return { type: "erea" };
  if (NOT_SCHOOLS.has(t)) return { reason: "nonScolaire" };
  if (t === "") {
    // Some rows have no type: code_nature still tells a school from the rest.
    if (/^1[0-9]{2}$/.test(nature)) return { type: "ecole" };
    if (nature === "340") return { type: "college" };
    if (nature === "320" || LYCEE_NATURES.has(nature) || SECTION_NATURES.has(nature)) return lycee();
    if (nature === "370") return { type: "erea" };
  }
  return { reason: "typeInconnu" };
}

function statutOf(s: string): Statut | undefined {
  const f = fold(s);
  if (f.startsWith("pub")) return "public";
  if (f.startsWith("priv")) return "prive";
  return undefined;
}

/** The collectivité de rattachement of a public établissement (L.212-4, L.213-2, L.214-6; CGCT for the collectivités uniques). */
function rattachement(
  type: TypeEtablissement,
  departement: string,
  region: string | undefined,
  academie: string,
  commune: { code_insee: string; nom?: string } | undefined,
  row: Row,
  communes: CommuneTable | undefined,
): CollectiviteRef | undefined {
  const special = specialRattachement(type, departement, commune?.code_insee, academie, communes);
  if (special) return special;
  if (type === "ecole") {
    if (!commune) return undefined;
    // The commune in charge: the current commune of an arrondissement, a commune déléguée or associée.
    const official = communes?.get(commune.code_insee);
    const c = official?.commune ?? (official ? { code: official.code, nom: official.nom } : communeOfArrondissement(commune.code_insee));
    if (c.code === PARIS.code) return specialRattachement(type, "75", c.code, academie);
    return { id: collectiviteId.commune(c.code), type: "commune", code: c.code, nom: c.nom ?? commune.nom ?? c.code, academie };
  }
  if (region && COLLECTIVITES_UNIQUES[region]) {
    return { id: collectiviteId.unique(region), type: "collectivite_unique", code: region, nom: COLLECTIVITES_UNIQUES[region], academie };
  }
  if (type === "college") {
    const nom = row.libelleDepartement || DEPARTEMENTS[departement]?.nom || departement;
    return { id: collectiviteId.departement(departement), type: "departement", code: departement, nom, academie };
  }
  if (!region) return undefined;
  const nom = `Région ${row.libelleRegion || REGIONS[region]}`;
  return { id: collectiviteId.region(region), type: "region", code: region, nom, academie };
}

/**
 * Classifies one row. Order: the geographic filters first (a row of another département is simply
 * out of scope), then what the unit is (not a school, a section), the type and status filters, then
 * whether it can be used (closed, bad UAI, unknown académie).
 */
export function classifyRow(row: Row, line: number, filters: Filters, ctx: ClassifyContext = {}): Classified {
  const uai = row.uai.toUpperCase();
  const skip = (reason: SkipReason, data: Record<string, string> = {}): Classified => ({
    kind: "skip",
    skip: { reason, data, uai: uai || "?", nom: row.nom, line },
  });
  const departement =
    normalizeDepartement(row.codeDepartement) ??
    (/^[0-9]{3}/.test(uai) ? normalizeDepartement(departementFromUai(uai)) : undefined) ??
    (normalizeCommune(row.codeCommune) ? normalizeDepartement(row.codeCommune.startsWith("97") ? row.codeCommune.slice(0, 3) : row.codeCommune.slice(0, 2)) : undefined);
  const academie = normalizeAcademie(row.codeAcademie) ?? (departement ? DEPARTEMENTS[departement]?.academie : undefined);
  const outside = horsAcademies(uai, row.codeCommune, row.codeAcademie);
  if (filters.academie && academie !== filters.academie) return { kind: "filtered" };
  if (filters.departement && departement !== filters.departement) return { kind: "filtered" };

  const t = classifyType(row);
  if ("reason" in t) {
    if (t.reason === "nonScolaire") return skip("nonScolaire", { type: row.type });
    if (t.reason === "section") return skip("section", { nature: row.codeNature || "?", mere: row.mere || "?" });
    return skip("typeInconnu", { type: row.type || "(vide)", nature: row.codeNature || "(vide)" });
  }
  if (filters.types && !filters.types.includes(t.type)) return { kind: "filtered" };
  const statut = statutOf(row.statut);
  if (!statut) return skip("statutInconnu", { statut: row.statut || "(vide)" });
  if (filters.statut && statut !== filters.statut) return { kind: "filtered" };
  // After the user's own filters: a row they excluded does not make the import refused.
  if (filters.academieDepot && academie && academie !== filters.academieDepot && !outside) return { kind: "autreAcademie", academie, line };
  if (outside) return skip("horsAcademies", { territoire: outside });
  const tutelle = row.tutelle.replace(/\s+/g, " ").trim();
  const autreTutelle = tutelle !== "" && !fold(tutelle).includes("education nationale");
  if (autreTutelle && !filters.toutesTutelles) return skip("tutelle", { ministere: tutelle });

  const etat = row.etat.trim().toUpperCase();
  if (etat !== "" && etat !== "OUVERT") return skip("ferme", { etat: row.etat });
  if (!isUaiValid(uai)) {
    const detail = /^[0-9]{7}[A-Z]$/.test(uai) ? `lettre de contrôle attendue « ${uaiCheckLetter(uai.slice(0, 7))} »` : "7 chiffres et une lettre attendus";
    return skip("uaiInvalide", { detail });
  }
  if (!academie || !departement) return skip("academieInconnue", { academie: row.codeAcademie || "(vide)", departement: row.codeDepartement || "(vide)" });

  const code = normalizeCommune(row.codeCommune);
  const official = code ? ctx.communes?.get(code) : undefined;
  if (code && ctx.communes && !official) return skip("communeInconnue", { commune: code });
  const nomCommune = row.nomCommune || official?.nom;
  const commune = code ? { code_insee: code, ...(nomCommune ? { nom: nomCommune } : {}) } : undefined;
  const region = normalizeRegion(row.codeRegion) ?? ACADEMIE_REGION[academie];
  let collectivite: CollectiviteRef | undefined;
  if (statut === "public") {
    collectivite = rattachement(t.type, departement, region, academie, commune, row, ctx.communes);
    if (!collectivite) return skip("communeInvalide", { commune: row.codeCommune || "(vide)" });
  }
  const nom = row.nom.replace(/\s+/g, " ").trim() || uai;
  const fields = annuaireFields(row, ctx.educationPrioritaireColumn === true);
  const etab: AnnuaireEtablissement = { uai, nom, type: t.type, statut, academie, departement, commune, collectivite, line, fields };
  if (autreTutelle) etab.tutelle = tutelle;
  return { kind: "ok", etab };
}

/**
 * Several rows for one UAI (`etablissement_multi_lignes`: an établissement on several sites): the
 * main row is kept, chosen without depending on row order — a row whose name does not say
 * "annexe" or "site", then the first name in alphabetical order.
 */
export function mainRow<T extends { nom: string }>(rows: readonly T[]): T {
  const secondary = (r: T) => (/\b(annexe|site)\b/i.test(r.nom) ? 1 : 0);
  return [...rows].sort((a, b) => secondary(a) - secondary(b) || (a.nom < b.nom ? -1 : a.nom > b.nom ? 1 : 0))[0];
}
