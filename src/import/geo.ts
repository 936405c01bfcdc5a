// Import: the map of France the annuaire needs — départements, régions, académies, and how their codes are written.
import { ACADEMIES, ACADEMIES_FUSIONNEES } from "../core/domain.js";

/** INSEE département code → name and académie code. */
export const DEPARTEMENTS: Readonly<Record<string, { nom: string; academie: string }>> = Object.fromEntries(
  (
    [
      ["01", "Ain", "10"], ["02", "Aisne", "20"], ["03", "Allier", "06"], ["04", "Alpes-de-Haute-Provence", "02"],
      ["05", "Hautes-Alpes", "02"], ["06", "Alpes-Maritimes", "23"], ["07", "Ardèche", "08"], ["08", "Ardennes", "19"],
      ["09", "Ariège", "16"], ["10", "Aube", "19"], ["11", "Aude", "11"], ["12", "Aveyron", "16"],
      ["13", "Bouches-du-Rhône", "02"], ["14", "Calvados", "70"], ["15", "Cantal", "06"], ["16", "Charente", "13"],
      ["17", "Charente-Maritime", "13"], ["18", "Cher", "18"], ["19", "Corrèze", "22"], ["2A", "Corse-du-Sud", "27"],
      ["2B", "Haute-Corse", "27"], ["21", "Côte-d'Or", "07"], ["22", "Côtes-d'Armor", "14"], ["23", "Creuse", "22"],
      ["24", "Dordogne", "04"], ["25", "Doubs", "03"], ["26", "Drôme", "08"], ["27", "Eure", "70"],
      ["28", "Eure-et-Loir", "18"], ["29", "Finistère", "14"], ["30", "Gard", "11"], ["31", "Haute-Garonne", "16"],
      ["32", "Gers", "16"], ["33", "Gironde", "04"], ["34", "Hérault", "11"], ["35", "Ille-et-Vilaine", "14"],
      ["36", "Indre", "18"], ["37", "Indre-et-Loire", "18"], ["38", "Isère", "08"], ["39", "Jura", "03"],
      ["40", "Landes", "04"], ["41", "Loir-et-Cher", "18"], ["42", "Loire", "10"], ["43", "Haute-Loire", "06"],
      ["44", "Loire-Atlantique", "17"], ["45", "Loiret", "18"], ["46", "Lot", "16"], ["47", "Lot-et-Garonne", "04"],
      ["48", "Lozère", "11"], ["49", "Maine-et-Loire", "17"], ["50", "Manche", "70"], ["51", "Marne", "19"],
      ["52", "Haute-Marne", "19"], ["53", "Mayenne", "17"], ["54", "Meurthe-et-Moselle", "12"], ["55", "Meuse", "12"],
      ["56", "Morbihan", "14"], ["57", "Moselle", "12"], ["58", "Nièvre", "07"], ["59", "Nord", "09"],
      ["60", "Oise", "20"], ["61", "Orne", "70"], ["62", "Pas-de-Calais", "09"], ["63", "Puy-de-Dôme", "06"],
      ["64", "Pyrénées-Atlantiques", "04"], ["65", "Hautes-Pyrénées", "16"], ["66", "Pyrénées-Orientales", "11"],
      ["67", "Bas-Rhin", "15"], ["68", "Haut-Rhin", "15"], ["69", "Rhône", "10"], ["70", "Haute-Saône", "03"],
      ["71", "Saône-et-Loire", "07"], ["72", "Sarthe", "17"], ["73", "Savoie", "08"], ["74", "Haute-Savoie", "08"],
      ["75", "Paris", "01"], ["76", "Seine-Maritime", "70"], ["77", "Seine-et-Marne", "24"], ["78", "Yvelines", "25"],
      ["79", "Deux-Sèvres", "13"], ["80", "Somme", "20"], ["81", "Tarn", "16"], ["82", "Tarn-et-Garonne", "16"],
      ["83", "Var", "23"], ["84", "Vaucluse", "02"], ["85", "Vendée", "17"], ["86", "Vienne", "13"],
      ["87", "Haute-Vienne", "22"], ["88", "Vosges", "12"], ["89", "Yonne", "07"], ["90", "Territoire de Belfort", "03"],
      ["91", "Essonne", "25"], ["92", "Hauts-de-Seine", "25"], ["93", "Seine-Saint-Denis", "24"], ["94", "Val-de-Marne", "24"],
      ["95", "Val-d'Oise", "25"], ["971", "Guadeloupe", "32"], ["972", "Martinique", "31"], ["973", "Guyane", "33"],
      ["974", "La Réunion", "28"], ["976", "Mayotte", "43"],
    ] as const
  ).map(([code, nom, academie]) => [code, { nom, academie }]),
);

/** INSEE région code → name. */
export const REGIONS: Readonly<Record<string, string>> = {
  "01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion", "06": "Mayotte",
  "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté", "28": "Normandie",
  "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire", "53": "Bretagne",
  "75": "Nouvelle-Aquitaine", "76": "Occitanie", "84": "Auvergne-Rhône-Alpes", "93": "Provence-Alpes-Côte d'Azur",
  "94": "Corse",
};

/** Académie code → INSEE code of its région (académies never straddle régions). */
export const ACADEMIE_REGION: Readonly<Record<string, string>> = {
  "01": "11", "02": "93", "03": "27", "04": "75", "06": "84", "07": "27", "08": "84", "09": "32", "10": "84",
  "11": "76", "12": "44", "13": "75", "14": "53", "15": "44", "16": "76", "17": "52", "18": "24", "19": "44",
  "20": "32", "22": "75", "23": "93", "24": "11", "25": "11", "27": "94", "28": "04", "31": "02", "32": "01",
  "33": "03", "43": "06", "70": "28",
};

/**
 * Régions whose collèges and lycées belong to one single collectivité (Code de l'éducation and
 * CGCT): the Collectivité de Corse, the collectivités territoriales of Martinique and Guyane, and
 * Mayotte, a département that exercises the régions' competences.
 */
export const COLLECTIVITES_UNIQUES: Readonly<Record<string, string>> = {
  "94": "Collectivité de Corse",
  "02": "Collectivité territoriale de Martinique",
  "03": "Collectivité territoriale de Guyane",
  "06": "Département de Mayotte",
};

/** Communes with municipal arrondissements: the annuaire gives the arrondissement, the school belongs to the commune. */
const ARRONDISSEMENTS: ReadonlyArray<{ test: RegExp; code: string; nom: string }> = [
  { test: /^751(0[1-9]|1[0-9]|20)$/, code: "75056", nom: "Paris" },
  { test: /^6938[1-9]$/, code: "69123", nom: "Lyon" },
  { test: /^132(0[1-9]|1[0-6])$/, code: "13055", nom: "Marseille" },
];

/** The commune in charge of écoles located in a commune or arrondissement code. */
export function communeOfArrondissement(code: string): { code: string; nom?: string } {
  for (const a of ARRONDISSEMENTS) if (a.test.test(code)) return { code: a.code, nom: a.nom };
  return { code };
}

/** INSEE département code from how people and exports write it: `35`, `035`, `2a`, `02A`, `974`, or the UAI prefix `620`/`720`. */
export function normalizeDepartement(input: string): string | undefined {
  const s = input.trim().toUpperCase();
  let code: string | undefined;
  if (/^0?[0-9]{2}$/.test(s)) code = s.slice(-2);
  else if (/^0?2[AB]$/.test(s)) code = s.slice(-2);
  else if (/^[0-9]$/.test(s)) code = `0${s}`;
  else if (/^0?97[0-9]$/.test(s)) code = s.slice(-3);
  else if (s === "620") code = "2A";
  else if (s === "720") code = "2B";
  return code !== undefined && DEPARTEMENTS[code] ? code : undefined;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * Académie code from a code (`14`, `014`) or a name (`Rennes`, `aix marseille`). The former codes of
 * Caen (05) and Rouen (21) give 70 Normandie. Undefined when it is none of the 30.
 */
export function normalizeAcademie(input: string): string | undefined {
  const s = input.trim();
  if (/^[0-9]{1,3}$/.test(s)) {
    const code = String(Number(s)).padStart(2, "0");
    if (ACADEMIES[code]) return code;
    if (ACADEMIES_FUSIONNEES[code]) return "70";
    return undefined;
  }
  const f = fold(s.replace(/^acad[ée]mie\s+(de\s+|d'|du\s+)?/i, ""));
  for (const [code, nom] of Object.entries(ACADEMIES)) if (fold(nom) === f) return code;
  for (const [code, nom] of Object.entries(ACADEMIES_FUSIONNEES)) if (fold(nom) === f) return code === "05" || code === "21" ? "70" : undefined;
  return undefined;
}

/** INSEE région code as two digits (`053` → `53`), when it is one of the 18. */
export function normalizeRegion(input: string): string | undefined {
  const s = input.trim();
  if (!/^[0-9]{1,3}$/.test(s)) return undefined;
  const code = String(Number(s)).padStart(2, "0");
  return REGIONS[code] ? code : undefined;
}

/** INSEE commune code: 5 characters, a leading zero restored when a spreadsheet dropped it. */
export function normalizeCommune(input: string): string | undefined {
  let s = input.trim().toUpperCase();
  if (/^[0-9]{4}$/.test(s)) s = `0${s}`;
  return /^(?:[0-9]{2}|2A|2B)[0-9]{3}$/.test(s) ? s : undefined;
}

/** The départements of an académie, in code order. */
export function departementsOf(academie: string): string[] {
  return Object.entries(DEPARTEMENTS)
    .filter(([, d]) => d.academie === academie)
    .map(([code]) => code)
    .sort();
}

/** "Académie de Rennes", "Académie d'Aix-Marseille", "Académie de la Guadeloupe"… */
export function academieName(code: string): string {
  const nom = ACADEMIES[code] ?? code;
  if (["Guadeloupe", "Martinique", "Guyane"].includes(nom)) return `Académie de la ${nom}`;
  if (/^[AEIOUYÉÈ]/i.test(nom)) return `Académie d'${nom}`;
  return `Académie de ${nom}`;
}

/** Collectivité ids (Slugs): `commune-35238`, `dep-2a`, `region-53`, `ctu-94`. */
export const collectiviteId = {
  commune: (code: string) => `commune-${code.toLowerCase()}`,
  departement: (code: string) => `dep-${code.toLowerCase()}`,
  region: (code: string) => `region-${code}`,
  unique: (region: string) => `ctu-${region}`,
};
