// Import and init: the official list of communes (code INSEE → name, département, académie), from the Code
// officiel géographique through Etalab's @etalab/decoupage-administratif (src/generated/communes.ts, derived
// at build time by scripts/gen-communes.mjs). Loaded on first use: only init and import need it.
import { DEPARTEMENTS } from "./geo.js";

export interface CommuneOfficielle {
  code: string;
  nom: string;
  /** INSEE département code (`35`, `2A`, `974`), or the COM's code (`977`, `978`, `987`…). */
  departement: string;
  /** The académie whose territory holds the commune; undefined outside the 30 académies (Pacific, Saint-Pierre-et-Miquelon). */
  academie?: string;
  /** Municipal arrondissement, commune déléguée or associée: the current commune that is the collectivité. */
  commune?: { code: string; nom: string; type: "arrondissement" | "deleguee" | "associee" };
}

/** Saint-Barthélemy and Saint-Martin: UAI prefix 971, académie de la Guadeloupe. */
const COM_ACADEMIE: Readonly<Record<string, string>> = { "977": "32", "978": "32" };

export function departementOfCommune(code: string): string {
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

export function academieOfDepartement(dep: string): string | undefined {
  return DEPARTEMENTS[dep]?.academie ?? COM_ACADEMIE[dep];
}

export interface CommuneTable {
  get(code: string): CommuneOfficielle | undefined;
  /** Where the list comes from (package and version), for messages. */
  source: string;
  /** Whether a commune (or an arrondissement of Lyon) is in the Métropole de Lyon, whose collèges are the Métropole's. */
  inMetropoleLyon(code: string): boolean;
}

const TYPES = { a: "arrondissement", d: "deleguee", s: "associee" } as const;

let table: CommuneTable | undefined;

/** Builds the table from the generated text (one line per code). */
export function parseCommunes(text: string, source: string, metropoleLyon = ""): CommuneTable {
  const lyon = new Set(metropoleLyon.split(" ").filter(Boolean));
  const lines = new Map<string, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lines.set(text.slice(start, start + 5), text.slice(start, end));
    start = end + 1;
  }
  const cache = new Map<string, CommuneOfficielle>();
  const get = (code: string): CommuneOfficielle | undefined => {
    const hit = cache.get(code);
    if (hit) return hit;
    const line = lines.get(code);
    if (!line) return undefined;
    const [, nom, parent, t] = line.split("\t");
    const departement = departementOfCommune(code);
    const c: CommuneOfficielle = { code, nom, departement };
    const academie = academieOfDepartement(departement);
    if (academie) c.academie = academie;
    if (parent) {
      const p = lines.get(parent)?.split("\t")[1] ?? parent;
      c.commune = { code: parent, nom: p, type: TYPES[t as keyof typeof TYPES] ?? "deleguee" };
    }
    cache.set(code, c);
    return c;
  };
  const inMetropoleLyon = (code: string): boolean => lyon.has(get(code)?.commune?.code ?? code);
  return { get, source, inMetropoleLyon };
}

/** The official list (loaded once). */
export async function loadCommunes(): Promise<CommuneTable> {
  if (!table) {
    const { COMMUNES, SOURCE, METROPOLE_LYON } = await import("../generated/communes.js");
    table = parseCommunes(COMMUNES, SOURCE, METROPOLE_LYON);
  }
  return table;
}
