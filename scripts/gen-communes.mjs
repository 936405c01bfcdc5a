#!/usr/bin/env node
// Build step: derives src/generated/communes.ts, the official list of communes gouvnum checks codes against,
// from Etalab's @etalab/decoupage-administratif (a devDependency: 13 MB of data, of which gouvnum needs a code
// and a name per commune — about 0.8 MB).
//
//   node scripts/gen-communes.mjs           writes src/generated/communes.ts
//   node scripts/gen-communes.mjs --check   exits 1 when src/generated/communes.ts is not up to date
//
// One line per code, sorted: `code<TAB>nom` for a current commune; `code<TAB>nom<TAB>parent<TAB>t` for a
// municipal arrondissement (t = a), a commune déléguée (d) or associée (s) whose code is not also a current
// commune's — `parent` is the current commune that is the collectivité. The département is the code's first
// two characters (three overseas, 97x and 98x): test/communes.test.ts checks that against the package.
// METROPOLE_LYON lists the member communes of the Métropole de Lyon (EPCI of type MET69), whose collèges
// are the Métropole's and not the Département du Rhône's.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUTPUT = path.join(ROOT, "src", "generated", "communes.ts");
const require = createRequire(import.meta.url);

export async function render() {
  const pkgPath = require.resolve("@etalab/decoupage-administratif/package.json");
  const pkg = JSON.parse(await readFile(pkgPath, "utf8"));
  const communes = JSON.parse(await readFile(path.join(path.dirname(pkgPath), "data", "communes.json"), "utf8"));
  const current = new Map();
  for (const c of communes) if (c.type === "commune-actuelle") current.set(c.code, c.nom);
  const lines = new Map();
  for (const [code, nom] of current) lines.set(code, `${code}\t${nom}`);
  const TYPE = { "arrondissement-municipal": "a", "commune-deleguee": "d", "commune-associee": "s" };
  for (const c of communes) {
    const t = TYPE[c.type];
    if (!t || lines.has(c.code)) continue;
    const parent = c.commune ?? c.chefLieu;
    if (!current.has(parent)) continue;
    lines.set(c.code, `${c.code}\t${c.nom}\t${parent}\t${t}`);
  }
  const body = [...lines.keys()].sort().map((k) => lines.get(k)).join("\n");
  const epci = JSON.parse(await readFile(path.join(path.dirname(pkgPath), "data", "epci.json"), "utf8"));
  const lyon = epci.filter((e) => e.type === "MET69");
  if (lyon.length !== 1) throw new Error(`Métropole de Lyon : ${lyon.length} EPCI de type MET69 dans ${pkg.name}`);
  const metropoleLyon = lyon[0].membres.map((m) => m.code).sort().join(" ");
  return (
    "// Fichier généré par scripts/gen-communes.mjs — ne pas modifier à la main.\n" +
    `// Source : ${pkg.name} ${pkg.version} (Etalab, Licence Ouverte), données du Code officiel géographique.\n` +
    "// Une ligne par code : `code<TAB>nom`, ou `code<TAB>nom<TAB>commune<TAB>a|d|s` (arrondissement municipal,\n" +
    "// commune déléguée, commune associée : la commune dont ils relèvent).\n" +
    `export const SOURCE = ${JSON.stringify(`${pkg.name} ${pkg.version}`)};\n` +
    `export const COMMUNES = ${JSON.stringify(body)};\n` +
    `// Communes membres de la Métropole de Lyon (${lyon[0].code}, ${lyon[0].membres.length} communes) : ses collèges sont à elle.\n` +
    `export const METROPOLE_LYON = ${JSON.stringify(metropoleLyon)};\n`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await render();
  if (process.argv.includes("--check")) {
    const current = await readFile(OUTPUT, "utf8").catch(() => "");
    if (current !== text) {
      console.error("src/generated/communes.ts n'est pas à jour : lancez `npm run gen:communes`.");
      process.exit(1);
    }
    console.log("src/generated/communes.ts est à jour.");
  } else {
    await writeFile(OUTPUT, text);
    console.log("src/generated/communes.ts écrit.");
  }
}
