// Import: what the annuaire also says of an établissement (docs/format.md, the annuaire keys) — effectif, localisation,
// contact, éducation prioritaire, circonscription, bassin — read from one row, each only when the export gives it.
import type { Row } from "./columns.js";

export interface AnnuaireFields {
  effectif?: number;
  localisation?: { latitude: number; longitude: number };
  contact?: { courriel?: string; telephone?: string };
  /** null: the export has the column and the row is not in éducation prioritaire (the key is removed). */
  education_prioritaire?: "rep" | "rep_plus" | null;
  circonscription_nom?: string;
  bassin?: { code?: string; nom: string };
}

/**
 * Lambert-93 (EPSG:2154, metres) to WGS 84 degrees: the inverse Lambert conformal conic projection of IGN's
 * note NTG 71 (algorithms ALG0004 and ALG0001) on the GRS 80 ellipsoid. RGF93 and WGS 84 differ by less than a
 * metre, far below what a map of établissements shows. Rounded to 7 decimals (about a centimetre).
 */
export function lambert93ToWgs84(x: number, y: number): { latitude: number; longitude: number } {
  const n = 0.725607765053267;
  const c = 11754255.426096;
  const xs = 700000;
  const ys = 12655612.049876;
  const e = 0.0818191910428158;
  const lambda0 = (3 * Math.PI) / 180;
  const dx = x - xs;
  const dy = y - ys;
  const r = Math.sqrt(dx * dx + dy * dy);
  const gamma = Math.atan(dx / -dy);
  const longitude = lambda0 + gamma / n;
  const l = (-1 / n) * Math.log(Math.abs(r / c));
  let phi = 2 * Math.atan(Math.exp(l)) - Math.PI / 2;
  for (let i = 0; i < 20; i++) {
    const s = e * Math.sin(phi);
    const next = 2 * Math.atan(Math.pow((1 + s) / (1 - s), e / 2) * Math.exp(l)) - Math.PI / 2;
    if (Math.abs(next - phi) < 1e-12) {
      phi = next;
      break;
    }
    phi = next;
  }
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return { latitude: round((phi * 180) / Math.PI), longitude: round((longitude * 180) / Math.PI) };
}

/** A decimal number as exports write it (`47.98`, `47,98`), else undefined. */
function number(s: string): number | undefined {
  const t = s.trim().replace(",", ".");
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

function inRange(p: { latitude: number; longitude: number }): boolean {
  return p.latitude >= -90 && p.latitude <= 90 && p.longitude >= -180 && p.longitude <= 180 && !(p.latitude === 0 && p.longitude === 0);
}

/** WGS 84 position: `latitude`/`longitude`, else `position` (« lat, lon »), else Lambert-93 X/Y converted. */
export function localisationOf(row: Row): { latitude: number; longitude: number } | undefined {
  const lat = number(row.latitude);
  const lon = number(row.longitude);
  if (lat !== undefined && lon !== undefined) {
    const p = { latitude: lat, longitude: lon };
    return inRange(p) ? p : undefined;
  }
  const m = /^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*[,;]\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$/.exec(row.position);
  if (m) {
    const p = { latitude: Number(m[1]), longitude: Number(m[2]) };
    if (inRange(p)) return p;
  }
  const x = number(row.x);
  const y = number(row.y);
  const epsg = row.epsg.replace(/^epsg:/i, "").trim();
  // Lambert-93 covers metropolitan France only: overseas exports use other projections (UTM), not converted.
  if (x !== undefined && y !== undefined && (epsg === "2154" || (epsg === "" && x > 0 && x < 1300000 && y > 6000000 && y < 7200000))) {
    const p = lambert93ToWgs84(x, y);
    if (p.latitude > 41 && p.latitude < 51.5 && p.longitude > -5.5 && p.longitude < 10) return p;
  }
  return undefined;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, "");
}

/** `REP` → rep, `REP+` (`REP +`, `REP plus`) → rep_plus; "" → null when the column exists; anything else → undefined. */
export function educationPrioritaireOf(value: string, columnPresent: boolean): "rep" | "rep_plus" | null | undefined {
  const f = fold(value);
  if (f === "rep") return "rep";
  if (f === "rep+" || f === "repplus" || f === "rep_plus") return "rep_plus";
  if (f === "" || f === "0" || f === "non" || f === "horsep") return columnPresent ? null : undefined;
  return undefined;
}

/** A telephone number as the annuaire gives it, spaces normalised (`02 99 85 38 02` and `0299853802` both kept as written). */
function telephoneOf(s: string): string | undefined {
  const t = s.replace(/\s+/g, " ").trim();
  return /[0-9]/.test(t) ? t : undefined;
}

function courrielOf(s: string): string | undefined {
  const t = s.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? t : undefined;
}

/** The annuaire's fields of one row. `educationPrioritaireColumn`: whether the export has that column. */
export function annuaireFields(row: Row, educationPrioritaireColumn: boolean): AnnuaireFields {
  const out: AnnuaireFields = {};
  const eleves = row.effectif.replace(/[\s\u00a0\u202f]/g, "");
  if (/^[0-9]+$/.test(eleves)) out.effectif = Number(eleves);
  const loc = localisationOf(row);
  if (loc) out.localisation = loc;
  const courriel = courrielOf(row.courriel);
  const telephone = telephoneOf(row.telephone);
  if (courriel || telephone) out.contact = { ...(courriel ? { courriel } : {}), ...(telephone ? { telephone } : {}) };
  const ep = educationPrioritaireOf(row.educationPrioritaire, educationPrioritaireColumn);
  if (ep !== undefined) out.education_prioritaire = ep;
  const circ = row.circonscriptionNom.replace(/\s+/g, " ").trim();
  if (circ) out.circonscription_nom = circ;
  const bassinNom = row.bassinNom.replace(/\s+/g, " ").trim();
  const bassinCode = row.bassinCode.trim();
  if (bassinNom) out.bassin = { ...(bassinCode ? { code: bassinCode } : {}), nom: bassinNom };
  return out;
}
