// Test helpers for reports at scale: place a generated territory's établissements on the map, and find YAML vocabulary
// in the body of a report (outside « Pour corriger » cells and the appendix « Pour l'équipe »).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { geoBounds, geoContains } from "d3-geo";
import { departements } from "../src/report/carte.js";
import { departementOf } from "../src/model/facts.js";

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds `localisation` to every établissement of a territory (each document of every file): a point inside its département. Returns how many. */
export function placeEtablissements(dir: string): number {
  const outlines = departements();
  const random = rng(42);
  let n = 0;
  const place = (uai: string, insee: string | undefined): string | undefined => {
    const code = departementOf({ id: uai, data: { commune: insee ? { code_insee: insee } : undefined } } as never);
    const d = code ? outlines.get(code) : undefined;
    if (!d) return undefined;
    const [[x0, y0], [x1, y1]] = geoBounds(d);
    for (let i = 0; i < 500; i++) {
      const p: [number, number] = [x0 + random() * (x1 - x0), y0 + random() * (y1 - y0)];
      if (geoContains(d, p)) return `localisation: { latitude: ${p[1].toFixed(5)}, longitude: ${p[0].toFixed(5)} }`;
    }
    return undefined;
  };
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (!f.endsWith(".yaml")) continue;
    const path = join(dir, f);
    const text = readFileSync(path, "utf8");
    if (!text.includes("kind: etablissement")) continue;
    const docs = text.split(/^(?=---\s*$)/m).map((doc) => {
      if (!/^kind: etablissement\s*$/m.test(doc)) return doc;
      const uai = /^uai: "?([0-9A-Z]{8})"?\s*$/m.exec(doc)?.[1];
      const insee = /code_insee: "?([0-9AB]{5})"?/.exec(doc)?.[1];
      const line = uai ? place(uai, insee) : undefined;
      if (!line) return doc;
      n++;
      return doc.replace(/^(uai: .*)$/m, `$1\n${line}`);
    });
    writeFileSync(path, docs.join(""));
  }
  return n;
}

/**
 * YAML vocabulary in the body of an HTML report: snake_case keys, `kind:`, `null`, internal ids (`commune-35001`). The
 * « Pour corriger » cells (`td.technique`), the appendix « Pour l'équipe » (`section.technique`), the style, the SVG
 * (its text is in the data tables) and attribute values are left out.
 */
export function bodyVocabulary(html: string): string[] {
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<section id="equipe" class="technique">[\s\S]*?<\/section>\s*<\/main>/g, " ")
    .replace(/<td class="technique">[\s\S]*?<\/td>/g, " ")
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<(code)>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ");
  const found = body.match(/\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\bkind\s*:|\bnull\b|\b(?:commune|dep|reg|epci|co|conv)-[0-9a-z]*\d{2,}[0-9a-z-]*\b/g) ?? [];
  return [...new Set(found)];
}
