// Model: dates that fall due — a convention's end and the days left, the next rentrée, a device's renewal year.
// Shared by the rule `convention-echeance-proche` and the `deadlines` command (one computation).
import type { Convention } from "../generated/types.js";
import { isInForce } from "./territory.js";

const DAY = 86_400_000;

function utc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` plus `days` days (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY);
}

/** The end of a convention in force on `date`, with the days left (0 on its last day); undefined without `fin` or out of force. */
export function conventionEcheance(c: Convention, date: string): { fin: string; joursRestants: number } | undefined {
  if (c.fin === undefined || !isInForce(c, date)) return undefined;
  return { fin: c.fin, joursRestants: daysBetween(date, c.fin) };
}

/** Whether a convention in force on `date` ends within `jours` days (both ends included). */
export function conventionEcheanceProche(c: Convention, date: string, jours: number): boolean {
  const e = conventionEcheance(c, date);
  return e !== undefined && e.joursRestants <= jours;
}

/** The next 1 September strictly after `date`: the rentrée for which renewals are planned. */
export function nextRentree(date: string): string {
  const year = Number(date.slice(0, 4));
  const thisYear = `${String(year).padStart(4, "0")}-09-01`;
  return date < thisYear ? thisYear : `${String(year + 1).padStart(4, "0")}-09-01`;
}

/**
 * Whether a device put in service in `annee` is past its renewal age in the year of `date` — the same reading as
 * `equipement-obsolete`: age = year − `annee`, obsolete when age > `ageMax`.
 */
export function isObsolete(annee: number, date: string, ageMax: number): boolean {
  return Number(date.slice(0, 4)) - annee > ageMax;
}

/** Whether a device put in service in `annee` has reached its renewal age (age ≥ `ageMax`) in the year of `date`. */
export function reachesRenewalAge(annee: number, date: string, ageMax: number): boolean {
  return Number(date.slice(0, 4)) - annee >= ageMax;
}
