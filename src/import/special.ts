// Import and init: the territories where the default rattachement (commune → écoles, département → collèges,
// région → lycées) does not hold — the Ville de Paris, the Métropole de Lyon, the Collectivité européenne
// d'Alsace, Mayotte, Saint-Barthélemy and Saint-Martin — and the Pacific, outside the 30 académies.
import type { CollectiviteRef, TypeEtablissement } from "./classify.js";
import type { CommuneTable } from "./communes.js";

/**
 * The Ville de Paris (since 1 January 2019, loi n° 2017-257): one collectivité with the competences of the
 * commune and of the département — écoles and collèges; lycées stay with the Région Île-de-France.
 */
export const PARIS = { id: "ville-de-paris", code: "75056", nom: "Ville de Paris", competences: ["ecoles", "colleges"] as const };

/**
 * The Métropole de Lyon (since 1 January 2015, loi n° 2014-58, art. 26; CGCT L.3611-1): on its territory it
 * holds the département's competences, collèges included; the Département du Rhône keeps the collèges outside
 * it. Its code is its SIREN number. Its member communes come from the Code officiel géographique
 * (src/generated/communes.ts).
 */
export const METROPOLE_LYON = { id: "metropole-de-lyon", code: "200046977", nom: "Métropole de Lyon" };

/**
 * The Collectivité européenne d'Alsace (since 1 January 2021, loi n° 2019-816): it replaced the
 * départements of the Bas-Rhin (67) and the Haut-Rhin (68) as a collectivité and holds their competences,
 * collèges included. `6AE` is its code in the Code officiel géographique.
 */
export const ALSACE = { id: "cea", code: "6AE", nom: "Collectivité européenne d'Alsace", departements: ["67", "68"] as const };

/**
 * Saint-Barthélemy and Saint-Martin: collectivités d'outre-mer that exercise the competences of the commune,
 * the département and the région (CGCT, LO.6214-1 and LO.6314-1) — écoles, collèges and lycées. Their
 * établissements carry the UAI prefix 971 (académie de la Guadeloupe); their commune codes are 97701 and 97801.
 */
export const COM_ANTILLES: Readonly<Record<string, { id: string; code: string; nom: string }>> = {
  "977": { id: "ctu-977", code: "97701", nom: "Collectivité de Saint-Barthélemy" },
  "978": { id: "ctu-978", code: "97801", nom: "Collectivité de Saint-Martin" },
};

/** Pacific territories, outside the 30 académies (vice-rectorats): by commune code prefix, and by UAI prefix. */
const PACIFIQUE_COMMUNE: Readonly<Record<string, string>> = {
  "986": "Wallis-et-Futuna",
  "987": "Polynésie française",
  "988": "Nouvelle-Calédonie",
};
const PACIFIQUE_UAI: Readonly<Record<string, string>> = {
  "983": "Nouvelle-Calédonie",
  "984": "Polynésie française",
  "987": "Wallis-et-Futuna",
};
/** The annuaire's académie codes of the Pacific vice-rectorats. */
const PACIFIQUE_ACADEMIE: Readonly<Record<string, string>> = {
  "40": "Nouvelle-Calédonie",
  "41": "Polynésie française",
  "42": "Wallis-et-Futuna",
};

/** The Pacific territory a row belongs to (its établissements are outside the 30 académies), else undefined. */
export function horsAcademies(uai: string, codeCommune: string, codeAcademie: string): string | undefined {
  const commune = codeCommune.trim();
  if (/^98[678][0-9]{2}$/.test(commune)) return PACIFIQUE_COMMUNE[commune.slice(0, 3)];
  const academie = codeAcademie.trim().replace(/^0+(?=[0-9]{2}$)/, "");
  if (PACIFIQUE_ACADEMIE[academie]) return PACIFIQUE_ACADEMIE[academie];
  // A UAI prefix 987 is Wallis-et-Futuna's; without a commune code, only the UAI tells.
  if (commune === "" && /^98[347]/.test(uai)) return PACIFIQUE_UAI[uai.slice(0, 3)];
  return undefined;
}

const EPLE: ReadonlySet<TypeEtablissement> = new Set(["college", "lycee", "lycee_professionnel", "erea"]);

/**
 * The rattachement of a public établissement in a special territory, else undefined (the default applies):
 * - Paris (département 75): écoles and collèges → the Ville de Paris, with explicit competences;
 * - Bas-Rhin and Haut-Rhin (67, 68): collèges → the Collectivité européenne d'Alsace (a département's competences);
 * - the communes of the Métropole de Lyon (with the official list): collèges → the Métropole;
 * - Mayotte (976): collèges and lycées → `etat` (the State builds, equips and maintains them: Code de
 *   l'éducation L.213-1 to L.213-5 and L.214-4 to L.214-11 do not apply there); écoles stay with their commune;
 * - Saint-Barthélemy, Saint-Martin (commune codes 977xx, 978xx): every établissement → the collectivité.
 */
export function specialRattachement(
  type: TypeEtablissement,
  departement: string,
  communeCode: string | undefined,
  academie: string,
  communes?: CommuneTable,
): CollectiviteRef | undefined {
  const com = communeCode ? COM_ANTILLES[communeCode.slice(0, 3)] : undefined;
  if (com) return { id: com.id, type: "collectivite_unique", code: com.code, nom: com.nom, academie, competences: ["ecoles", "colleges", "lycees"] };
  if (departement === "75" && (type === "ecole" || type === "college")) {
    return { id: PARIS.id, type: "collectivite_unique", code: PARIS.code, nom: PARIS.nom, academie, competences: PARIS.competences };
  }
  if (type === "college" && (ALSACE.departements as readonly string[]).includes(departement)) {
    return { id: ALSACE.id, type: "departement", code: ALSACE.code, nom: ALSACE.nom, academie };
  }
  if (type === "college" && departement === "69" && communeCode && communes?.inMetropoleLyon(communeCode)) {
    return { id: METROPOLE_LYON.id, type: "metropole", code: METROPOLE_LYON.code, nom: METROPOLE_LYON.nom, academie };
  }
  if (departement === "976" && EPLE.has(type)) return { id: "etat", type: "etat", code: "", nom: "État", academie };
  return undefined;
}
