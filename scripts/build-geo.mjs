// Derives the départements' outlines shipped with gouvnum (templates/geo/departements.json) from IGN's Admin Express
// (via gregoiredavid/france-geojson, Licence Ouverte): topology (shared borders simplified once, so neighbours still
// meet), Visvalingam simplification with topojson-simplify, coordinates rounded to 0.001° (about 100 m, far below
// what a report map can show). Output: GeoJSON, WGS 84, properties `code` and `nom`; projected at report time.
//   node scripts/build-geo.mjs <departements-avec-outre-mer.geojson>   (default: ../shared/data/geo/…)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import { feature } from "topojson-client";

const root = fileURLToPath(new URL("..", import.meta.url));
const input = process.argv[2] ?? `${root}../shared/data/geo/departements-avec-outre-mer.geojson`;
const output = `${root}templates/geo/departements.json`;
// Share of the points kept (by Visvalingam weight). 0.05 keeps département shapes recognisable at 1:1,000,000.
const KEEP = Number(process.env.GEO_KEEP ?? 0.05);

const source = JSON.parse(readFileSync(input, "utf8"));
const topo = presimplify(topology({ d: source }, 1e6));
const simplified = simplify(topo, quantile(topo, KEEP));
const geo = feature(simplified, simplified.objects.d);

const round = (x) => Math.round(x * 1000) / 1000;
function ring(r) {
  const out = [];
  for (const [x, y] of r) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}
const features = geo.features
  .map((f) => {
    const g = f.geometry;
    const polys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates).map((p) => p.map(ring).filter(Boolean)).filter((p) => p.length > 0);
    return { type: "Feature", properties: { code: f.properties.code, nom: f.properties.nom }, geometry: { type: "MultiPolygon", coordinates: polys } };
  })
  .sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));

const text =
  JSON.stringify({
    type: "FeatureCollection",
    source: "IGN – Admin Express, Licence Ouverte (contours simplifiés par gouvnum, scripts/build-geo.mjs)",
    features,
  }) + "\n";
writeFileSync(output, text);
console.log(`${output} : ${features.length} départements, ${(Buffer.byteLength(text) / 1024).toFixed(0)} Ko`);
