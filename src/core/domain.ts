// Core: domain constants and identifier arithmetic (académies, UAI check letters, départements).

/** The 30 current académies, by code. */
export const ACADEMIES: Readonly<Record<string, string>> = {
  "01": "Paris", "02": "Aix-Marseille", "03": "Besançon", "04": "Bordeaux", "06": "Clermont-Ferrand",
  "07": "Dijon", "08": "Grenoble", "09": "Lille", "10": "Lyon", "11": "Montpellier", "12": "Nancy-Metz",
  "13": "Poitiers", "14": "Rennes", "15": "Strasbourg", "16": "Toulouse", "17": "Nantes",
  "18": "Orléans-Tours", "19": "Reims", "20": "Amiens", "22": "Limoges", "23": "Nice", "24": "Créteil",
  "25": "Versailles", "27": "Corse", "28": "La Réunion", "31": "Martinique", "32": "Guadeloupe",
  "33": "Guyane", "43": "Mayotte", "70": "Normandie",
};

/** Académies merged into Normandie (70) on 2020-01-01. */
export const ACADEMIES_FUSIONNEES: Readonly<Record<string, string>> = { "05": "Caen", "21": "Rouen" };

const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

/** The expected check letter of a UAI's 7 digits. */
export function uaiCheckLetter(digits: string): string {
  return UAI_LETTERS[Number(digits) % 23];
}

/** Whether a well-formed UAI (7 digits + letter) has the right check letter. */
export function isUaiValid(uai: string): boolean {
  return /^[0-9]{7}[A-Z]$/.test(uai) && uaiCheckLetter(uai.slice(0, 7)) === uai[7];
}

/**
 * The Pacific territories' UAI prefixes (vice-rectorats, outside the 30 académies), by the prefix of their commune
 * codes: Nouvelle-Calédonie's UAIs begin with 983 and its communes with 988, Polynésie française's 984 and 987,
 * Wallis-et-Futuna's 987 and 986.
 */
const PACIFIQUE_UAI_COMMUNE: Readonly<Record<string, string>> = { "983": "988", "984": "987", "987": "986" };

/**
 * INSEE département code from a UAI prefix: `035` → `35`, `620` → `2A`, `720` → `2B`, `974` → `974`; for the
 * Pacific, the territory's commune-code prefix (`983…` → `988`, Nouvelle-Calédonie).
 */
export function departementFromUai(uai: string): string {
  const p = uai.slice(0, 3);
  if (p === "620") return "2A";
  if (p === "720") return "2B";
  if (PACIFIQUE_UAI_COMMUNE[p]) return PACIFIQUE_UAI_COMMUNE[p];
  if (p.startsWith("97")) return p;
  return p.slice(1);
}

/**
 * INSEE département code from a commune code: `35238` → `35`, `2A004` → `2A`, `97411` → `974`, `98818` → `988`
 * (a Pacific territory's prefix).
 * Saint-Barthélemy (977) and Saint-Martin (978) were communes of Guadeloupe until 2007 and their schools
 * still carry Guadeloupe's `971` UAI prefix, so they count as 971 here.
 */
export function departementFromCommune(code: string): string {
  if (code.startsWith("977") || code.startsWith("978")) return "971";
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

export const EPLE_TYPES = ["college", "lycee", "lycee_professionnel", "erea"] as const;
export const KINDS = ["academie", "collectivite", "etablissement", "convention"] as const;
export type Kind = (typeof KINDS)[number];
