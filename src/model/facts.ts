// Model: facts derived from the territory that both rules and the report need, computed by one function each.
import { hasSigned, isInForce, twelveMonthsBefore, type EtablissementEntity, type Territory } from "./territory.js";

/** Default renewal age (years) of a device when the collectivité sets none: the `age_max_ans` option of `equipement-obsolete`. */
export const DEFAULT_AGE_MAX_ANS = 6;

export interface ObsoleteDevices {
  /** Devices past their renewal age. */
  obsoletes: number;
  /** Every device declared. */
  total: number;
  /** The age applied: the collectivité's `renouvellement.age_max_ans`, else the default given. */
  ageMax: number;
  /** Whether the age came from the collectivité de rattachement. */
  ageDeLaCollectivite: boolean;
}

/**
 * Devices of an établissement past their renewal age: age = audit year − year in service; obsolete when the age exceeds
 * the collectivité's `renouvellement.age_max_ans`, else `defaultAge`.
 */
export function obsoleteDevices(t: Territory, e: EtablissementEntity, date: string, defaultAge: number): ObsoleteDevices {
  const year = Number(date.slice(0, 4));
  const fromCollectivite = t.collectiviteOf(e)?.data.renouvellement?.age_max_ans;
  const ageMax = fromCollectivite ?? defaultAge;
  let obsoletes = 0;
  let total = 0;
  for (const lot of e.data.equipements ?? []) {
    total += lot.nombre;
    if (year - lot.annee_mise_en_service > ageMax) obsoletes += lot.nombre;
  }
  return { obsoletes, total, ageMax, ageDeLaCollectivite: fromCollectivite !== undefined };
}

/** Whether a concertation body met in the twelve months up to the date (both ends included). */
export function isInstanceActive(reunions: readonly string[] | undefined, date: string): boolean {
  const since = twelveMonthsBefore(date);
  return (reunions ?? []).some((d) => since <= d && d <= date);
}

/** Members (refs) of an académie instance that met in the twelve months up to the date. */
export function activeConcertationMembers(t: Territory, date: string): Set<string> {
  const out = new Set<string>();
  for (const a of t.academies) {
    for (const i of a.data.instances ?? []) if (isInstanceActive(i.reunions, date)) for (const m of i.membres ?? []) out.add(m);
  }
  return out;
}

/** Whether the EPLE is party, with its collectivité de rattachement, to an `eple_collectivite` convention signed by every party and in force. */
export function coveredByConvention(t: Territory, e: EtablissementEntity, date: string): boolean {
  if (!e.data.collectivite) return false;
  const coll = `collectivite:${e.data.collectivite}`;
  return t.conventionsOf(e.ref).some((c) => {
    const parties = c.data.parties ?? [];
    return c.data.type === "eple_collectivite" && parties.includes(coll) && parties.every((p) => hasSigned(c.data, p)) && isInForce(c.data, date);
  });
}

/**
 * The département code of an établissement (`35`, `2A`, `971`): from its commune's INSEE code, else from its UAI
 * (`035…` → `35`, `620…` → `2A`, `720…` → `2B`, `97x…` → `97x`); undefined when neither tells.
 */
export function departementOf(e: EtablissementEntity): string | undefined {
  const insee = e.data.commune?.code_insee;
  if (typeof insee === "string" && /^(\d{5}|2[AB]\d{3})$/i.test(insee)) return insee.startsWith("97") ? insee.slice(0, 3) : insee.slice(0, 2).toUpperCase();
  const uai = e.id;
  if (/^97[1-8]/.test(uai)) return uai.slice(0, 3);
  if (uai.startsWith("620")) return "2A";
  if (uai.startsWith("720")) return "2B";
  if (/^0\d\d/.test(uai)) return uai.slice(1, 3);
  return undefined;
}
