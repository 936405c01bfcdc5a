// Report: the map of a report — the départements' outlines (templates/geo/, derived by scripts/build-geo.mjs from IGN
// Admin Express) and the établissements' localisations, projected with d3-geo: Lambert-93 (EPSG:2154's conic conformal
// parameters) for metropolitan France, each overseas département in its own inset with its UTM zone.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { geoConicConformal, geoDistance, geoPath, geoTransverseMercator, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import { escapeXml } from "./charts.js";

export type Statut = "sansEcart" | "avertissements" | "erreurs";

export interface Point {
  departement: string | undefined;
  longitude: number;
  latitude: number;
  statut: Statut;
}

type Departement = Feature<MultiPolygon, { code: string; nom: string }>;

/** The shipped outlines (beside the templates, so they are in the package). */
export const GEO_FILE = fileURLToPath(new URL("../../templates/geo/departements.json", import.meta.url));

let cache: Map<string, Departement> | undefined;

/** The départements' outlines by code (loaded once). */
export function departements(): Map<string, Departement> {
  if (!cache) {
    const fc = JSON.parse(readFileSync(GEO_FILE, "utf8")) as FeatureCollection<MultiPolygon, { code: string; nom: string }>;
    cache = new Map(fc.features.map((f) => [f.properties.code, f as Departement]));
  }
  return cache;
}

/** A département's name (« Ille-et-Vilaine »), else its code. */
export function departementNom(code: string): string {
  return departements().get(code)?.properties.nom ?? code;
}

/** UTM central meridians of the overseas départements (EPSG 5490, 2972, 2975, 4471). */
const OUTRE_MER: Record<string, number> = { "971": -63, "972": -63, "973": -51, "974": 57, "976": 45 };

function zoneOf(code: string): string {
  return code in OUTRE_MER ? code : "metropole";
}

function projectionFor(zone: string): GeoProjection {
  if (zone === "metropole") return geoConicConformal().parallels([44, 49]).rotate([-3, 0]).center([0, 46.5]);
  return geoTransverseMercator().rotate([-OUTRE_MER[zone], 0]);
}

export const SYMBOL_COLOURS: Record<Statut, string> = { sansEcart: "#2e7d32", avertissements: "#a15700", erreurs: "#b3261e" };

/** Shapes as well as colours (WCAG 1.4.1): circle, triangle, square. */
function symbolDefs(id: string): string {
  return (
    `<defs>` +
    `<circle id="${id}-sansEcart" r="3" fill="${SYMBOL_COLOURS.sansEcart}" stroke="#fff" stroke-width="0.6"/>` +
    `<path id="${id}-avertissements" d="M0 -4L3.6 2.6H-3.6Z" fill="${SYMBOL_COLOURS.avertissements}" stroke="#fff" stroke-width="0.6"/>` +
    `<rect id="${id}-erreurs" x="-3.2" y="-3.2" width="6.4" height="6.4" fill="${SYMBOL_COLOURS.erreurs}" stroke="#fff" stroke-width="0.6"/>` +
    `</defs>`
  );
}

const WIDTH = 720;
const LEGEND_H = 34;
const INSET = 150;

function r1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A round length (km) whose bar is at most `maxPx` pixels. */
function niceScale(kmPerPx: number, maxPx: number): { km: number; px: number } {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  let best = steps[0];
  for (const s of steps) if (s / kmPerPx <= maxPx) best = s;
  return { km: best, px: best / kmPerPx };
}

export interface MapOptions {
  id: string;
  titre: string;
  description: string;
  /** The départements of the territory (drawn with their outline); others in view are drawn faintly. */
  codes: readonly string[];
  points: readonly Point[];
  legende: Array<{ statut: Statut; libelle: string }>;
  /** « {n} km ». */
  echelle: (km: number) => string;
}

type Zones = Map<string, { codes: string[]; points: Point[] }>;
type Frame = { zone: string; x: number; y: number; w: number; h: number };
type Outlines = ReturnType<typeof departements>;

/** The départements and points of each zone (metropolitan France, each DROM), the zones with nothing left out. */
function zonesOf(o: MapOptions, all: Outlines): Zones {
  const zones: Zones = new Map();
  const zone = (z: string) => {
    let v = zones.get(z);
    if (!v) zones.set(z, (v = { codes: [], points: [] }));
    return v;
  };
  for (const c of o.codes) if (all.has(c)) zone(zoneOf(c)).codes.push(c);
  for (const p of o.points) {
    const z = p.departement && all.has(p.departement) ? zoneOf(p.departement) : p.latitude > 40 && p.longitude > -6 && p.longitude < 10 ? "metropole" : undefined;
    if (z) zone(z).points.push(p);
  }
  for (const [k, v] of zones) if (v.codes.length === 0 && v.points.length === 0) zones.delete(k);
  return zones;
}

/** What a zone's projection is fitted to: its départements' outlines and its points. */
function fitFeatures(zones: Zones, all: Outlines, z: string): FeatureCollection {
  const v = zones.get(z)!;
  const features: Feature[] = v.codes.map((c) => all.get(c)!);
  for (const p of v.points) features.push({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [p.longitude, p.latitude] } });
  return { type: "FeatureCollection", features };
}

/** The main frame (metropolitan France if present, else the first zone), sized by its content's aspect ratio; the others as insets along the bottom. */
function layout(zones: Zones, all: Outlines): { frames: Frame[]; height: number } {
  const keys = [...zones.keys()].sort((a, b) => (a === "metropole" ? -1 : b === "metropole" ? 1 : a < b ? -1 : 1));
  const [main, ...insets] = keys;
  const frames: Frame[] = [];
  const probe = projectionFor(main).fitWidth(WIDTH - 20, fitFeatures(zones, all, main));
  const [[bx0, by0], [bx1, by1]] = geoPath(probe).bounds(fitFeatures(zones, all, main));
  const aspect = (by1 - by0) / Math.max(1, bx1 - bx0);
  const mainH = Math.max(240, Math.min(620, Math.round((WIDTH - 20) * aspect)));
  frames.push({ zone: main, x: 10, y: 10, w: WIDTH - 20, h: mainH });
  const insetY = 10 + mainH + 10;
  insets.forEach((z, i) => frames.push({ zone: z, x: 10 + i * (INSET + 10), y: insetY, w: INSET, h: INSET }));
  return { frames, height: (insets.length > 0 ? insetY + INSET + 10 : 10 + mainH + 10) + LEGEND_H };
}

/** One frame: its background, the neighbours in view faintly, its départements, its points (errors last, on top); its projection, for the scale. */
function frameSvg(out: string[], o: MapOptions, zones: Zones, all: Outlines, f: Frame, i: number): GeoProjection {
  const v = zones.get(f.zone)!;
  const projection = projectionFor(f.zone).fitExtent(
    [
      [f.x + 8, f.y + 8],
      [f.x + f.w - 8, f.y + f.h - 8],
    ],
    fitFeatures(zones, all, f.zone),
  );
  // Outlines are cut to the frame: what lies outside is never drawn, so it is not written either (points are not clipped).
  projection.clipExtent([
    [f.x - 2, f.y - 2],
    [f.x + f.w + 2, f.y + f.h + 2],
  ]);
  const path = geoPath(projection).digits(1);
  const clip = `${o.id}-cadre-${i}`;
  out.push(`<clipPath id="${clip}"><rect x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}"/></clipPath>`);
  out.push(`<g clip-path="url(#${clip})" aria-hidden="true">`);
  out.push(`<rect x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" fill="#f4f7fb" stroke="#6b7280" stroke-width="0.8"/>`);
  const own = new Set(v.codes);
  for (const [code, d] of all) {
    if (own.has(code) || zoneOf(code) !== f.zone) continue;
    const [[x0, y0], [x1, y1]] = path.bounds(d);
    if (x1 < f.x || x0 > f.x + f.w || y1 < f.y || y0 > f.y + f.h) continue;
    out.push(`<path d="${path(d)}" fill="#e9ecf1" stroke="#b8c0cc" stroke-width="0.6"/>`);
  }
  for (const code of v.codes) out.push(`<path d="${path(all.get(code)!)}" fill="#fff" stroke="#374151" stroke-width="1"/>`);
  for (const statut of ["sansEcart", "avertissements", "erreurs"] as const) {
    for (const p of v.points) {
      if (p.statut !== statut) continue;
      const xy = projection([p.longitude, p.latitude]);
      if (!xy) continue;
      out.push(`<use href="#${o.id}-${statut}" x="${r1(xy[0])}" y="${r1(xy[1])}"/>`);
    }
  }
  out.push(`</g>`);
  if (i > 0) out.push(`<text x="${f.x + 4}" y="${f.y + 14}" fill="#1a1a1a" aria-hidden="true">${escapeXml(v.codes.map((c) => all.get(c)!.properties.nom).join(", "))}</text>`);
  return projection;
}

/** The scale of the main frame: a round length measured across its centre. */
function scaleOf(projection: GeoProjection, f: Frame): { km: number; px: number } | undefined {
  const cx = f.x + f.w / 2;
  const cy = f.y + f.h / 2;
  const a = projection.invert!([cx, cy]);
  const b = projection.invert!([cx + 100, cy]);
  return a && b ? niceScale((geoDistance(a, b) * 6371) / 100, 160) : undefined;
}

/** The legend and the scale bar, below the frames. */
function legendSvg(out: string[], o: MapOptions, height: number, scale: { km: number; px: number } | undefined): void {
  const ly = height - LEGEND_H + 18;
  out.push(`<g aria-hidden="true">`);
  let x = 14;
  for (const l of o.legende) {
    out.push(`<use href="#${o.id}-${l.statut}" x="${x + 4}" y="${ly - 4}"/>`);
    out.push(`<text x="${x + 14}" y="${ly}" fill="#1a1a1a">${escapeXml(l.libelle)}</text>`);
    x += 24 + l.libelle.length * 6.4;
  }
  if (scale) {
    const sx = WIDTH - 20 - scale.px;
    out.push(`<path d="M${r1(sx)} ${ly - 8}v6h${r1(scale.px)}v-6" fill="none" stroke="#1a1a1a" stroke-width="1.2"/>`);
    out.push(`<text x="${r1(sx + scale.px / 2)}" y="${ly + 12}" text-anchor="middle" fill="#1a1a1a">${escapeXml(o.echelle(scale.km))}</text>`);
  }
  out.push(`</g>`);
}

/** The map's SVG, or "" when there is nothing to place. */
export function mapSvg(o: MapOptions): string {
  const all = departements();
  const zones = zonesOf(o, all);
  if (zones.size === 0 || o.points.length === 0) return "";
  const { frames, height } = layout(zones, all);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="carte" role="img" aria-labelledby="${o.id}-titre" aria-describedby="${o.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="Marianne, Arial, Helvetica, sans-serif" font-size="12">`,
  );
  out.push(`<title id="${o.id}-titre">${escapeXml(o.titre)}</title><desc id="${o.id}-desc">${escapeXml(o.description)}</desc>`);
  out.push(symbolDefs(o.id));
  let scale: { km: number; px: number } | undefined;
  frames.forEach((f, i) => {
    const projection = frameSvg(out, o, zones, all, f, i);
    if (i === 0) scale = scaleOf(projection, f);
  });
  legendSvg(out, o, height, scale);
  out.push(`</svg>`);
  return out.join("");
}
