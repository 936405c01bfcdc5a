#!/usr/bin/env node
// Build step: generates src/generated/types.ts from schemas/*.schema.json (the schemas are the source of truth).
//
//   node scripts/gen-types.mjs           writes src/generated/types.ts
//   node scripts/gen-types.mjs --check   exits 1 when src/generated/types.ts is not up to date
//
// json-schema-to-typescript names interfaces after `title`, and our titles are French sentences meant
// for editors. So we compile an in-memory bundle instead of the files: every definition and every
// top-level schema becomes an entry of one `$defs` whose title is its TypeScript name, nested titles
// are dropped, and `$ref`s are rewritten so that each shared type is declared exactly once.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compile } from "json-schema-to-typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMAS_DIR = path.join(ROOT, "schemas");
export const OUTPUT = path.join(ROOT, "src", "generated", "types.ts");

export const BANNER =
  "// Fichier généré par scripts/gen-types.mjs — ne pas modifier à la main.\n" +
  "// Source : schemas/*.schema.json. Régénérer avec `npm run gen` ; `npm run gen:check` vérifie qu'il est à jour.";

/** Schema files, in output order, with the TypeScript name of their top-level schema. */
const FILES = [
  ["defs.schema.json", null],
  ["academie.schema.json", "Academie"],
  ["collectivite.schema.json", "Collectivite"],
  ["etablissement.schema.json", "Etablissement"],
  ["convention.schema.json", "Convention"],
  ["config.schema.json", "GouvnumConfig"],
];
const ROOT_NAME = "GouvnumGeneratedRoot";
const DOCUMENT_KINDS = ["Academie", "Collectivite", "Etablissement", "Convention"];

/** Definitions whose schema name would shadow a global TypeScript type. */
const RENAMES = { Date: "DateIso" };

const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_ARRAY_KEYWORDS = ["anyOf", "allOf", "oneOf", "prefixItems"];
const SCHEMA_KEYWORDS = ["items", "additionalProperties", "not", "contains", "propertyNames", "unevaluatedProperties"];
/** Conditional requirements have no reasonable TypeScript form: the validator enforces them. */
const DROPPED = new Set(["title", "$id", "$schema", "$comment", "examples", "if", "then", "else"]);

/** Keywords that give a schema a shape; a schema with none of them accepts any value. */
const ANY_CONSTRAINT = ["type", "$ref", "enum", "const", "anyOf", "allOf", "oneOf", "properties", "items", "prefixItems", "not"];

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

async function readSchemas() {
  const out = [];
  for (const [file, tsName] of FILES) {
    const text = await readFile(path.join(SCHEMAS_DIR, file), "utf8");
    out.push({ file, tsName, schema: JSON.parse(text) });
  }
  return out;
}

/** Builds the single schema handed to json-schema-to-typescript. */
export function buildBundle(files) {
  const $defs = {};
  /** file → (local definition name → bundle name) */
  const names = new Map();
  const taken = new Set();
  const claim = (name, where) => {
    if (taken.has(name)) throw new Error(`gen-types : le nom de type « ${name} » est déclaré deux fois (${where}).`);
    taken.add(name);
    return name;
  };
  for (const { file, tsName, schema } of files) {
    const local = new Map();
    for (const name of Object.keys(schema.$defs ?? {})) local.set(name, claim(RENAMES[name] ?? name, `${file}#/$defs/${name}`));
    names.set(file, local);
    if (tsName) claim(tsName, file);
  }

  const nullable = new Set();
  for (const { file, schema } of files) {
    for (const [name, def] of Object.entries(schema.$defs ?? {})) {
      if (Array.isArray(def.type) && def.type.includes("null")) nullable.add(names.get(file).get(name));
    }
  }

  const resolveRef = (ref, file) => {
    const m = /^([a-z]+\.schema\.json)?#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref);
    if (!m) throw new Error(`gen-types : référence non prise en charge « ${ref} » dans ${file}.`);
    const target = names.get(m[1] ?? file)?.get(m[2]);
    if (!target) throw new Error(`gen-types : référence introuvable « ${ref} » dans ${file}.`);
    return target;
  };

  const transform = (node, file) => {
    if (!isObject(node)) return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key === "$ref") continue;
      if (SCHEMA_MAP_KEYWORDS.includes(key)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v, file)]));
      } else if (SCHEMA_ARRAY_KEYWORDS.includes(key)) {
        out[key] = value.map((v) => transform(v, file));
      } else if (SCHEMA_KEYWORDS.includes(key)) {
        out[key] = transform(value, file);
      } else {
        out[key] = value;
      }
    }
    // JSON Schema semantics: an object schema that does not close itself accepts any other key.
    if (out.type === "object" && !("additionalProperties" in out) && !("patternProperties" in out)) out.additionalProperties = true;
    // 2020-12 tuples → the draft-07 form json-schema-to-typescript understands.
    if (out.prefixItems) {
      const closed = out.items === false || out.maxItems === out.prefixItems.length;
      out.items = out.prefixItems;
      delete out.prefixItems;
      if (closed) out.additionalItems = false;
    }
    // A schema that accepts anything (`{}`): json-schema-to-typescript would make it an object.
    if (!ANY_CONSTRAINT.some((k) => k in node)) out.tsType = "unknown";
    if (typeof node.$ref === "string") {
      const target = resolveRef(node.$ref, file);
      const refSchema = { $ref: `#/definitions/${target}` };
      const base = nullable.has(target) ? { anyOf: [refSchema, { type: "null" }] } : null;
      const rest = Object.keys(out);
      // A `$ref` with siblings would be dereferenced into a new, duplicated type: wrap it instead.
      if (!rest.length) return base ?? refSchema;
      return { ...out, ...(base ?? { allOf: [refSchema] }) };
    }
    return out;
  };

  for (const { file, tsName, schema } of files) {
    for (const [name, def] of Object.entries(schema.$defs ?? {})) {
      const bundleName = names.get(file).get(name);
      const { $defs: _ignored, ...rest } = transform(def, file);
      // A nullable definition is declared without null (an interface), and `| null` is added where it is used.
      if (nullable.has(bundleName)) rest.type = rest.type.filter((t) => t !== "null")[0];
      $defs[bundleName] = { title: bundleName, ...rest };
    }
    if (tsName) {
      const { $defs: _ignored, ...top } = schema;
      $defs[tsName] = { title: tsName, ...transform(top, file) };
    }
  }

  const definitions = {
    GouvnumDocument: {
      title: "GouvnumDocument",
      description: "Un document YAML du territoire, distingué par sa clé `kind`.",
      anyOf: DOCUMENT_KINDS.map((k) => ({ $ref: `#/definitions/${k}` })),
    },
    ...$defs,
  };
  // json-schema-to-typescript declares the types a root interface reaches; this root is removed afterwards.
  return {
    title: ROOT_NAME,
    type: "object",
    properties: Object.fromEntries(Object.keys(definitions).map((name) => [name, { $ref: `#/definitions/${name}` }])),
    additionalProperties: false,
    definitions,
  };
}

const X_INDEX =
  /\/\*\*\n([ \t]*)\* This interface was referenced by `[^`]*`'s JSON-Schema definition\n[ \t]*\* via the `patternProperty` "\^x_"\.\n[ \t]*\*\/\n([ \t]*)\[k: string\]: unknown;/g;

function postProcess(ts) {
  const rootDecl = new RegExp(`^export interface ${ROOT_NAME} \\{\\n[\\s\\S]*?^\\}\\n`, "m");
  if (!rootDecl.test(ts)) throw new Error(`gen-types : l'interface racine ${ROOT_NAME} est introuvable.`);
  ts = ts.replace(rootDecl, "");
  // `x_` keys are free: type them as such rather than opening every interface to any key.
  let out = ts.replace(
    X_INDEX,
    (_m, star, indent) => `/**\n${star}* Clés libres à usage local, jamais vérifiées (préfixe \`x_\`).\n${star}*/\n${indent}[k: \`x_\${string}\`]: unknown;`,
  );
  // Our bundle's root is an artefact: do not mention it.
  out = out
    .replace(new RegExp(`\\n \\*\\n \\* This interface was referenced by \`${ROOT_NAME}\`'s JSON-Schema\\n \\* via the \`definition\` "[^"]*"\\.`, "g"), "")
    .replace(new RegExp(`/\\*\\*\\n \\* This interface was referenced by \`${ROOT_NAME}\`'s JSON-Schema\\n \\* via the \`definition\` "[^"]*"\\.\\n \\*/\\n`, "g"), "");
  if (out.includes(ROOT_NAME)) throw new Error(`gen-types : ${ROOT_NAME} apparaît encore dans le résultat.`);
  if (out.includes("patternProperty")) throw new Error("gen-types : une signature d'index de patternProperties n'a pas été convertie.");
  const declared = [...out.matchAll(/^export (?:interface|type) ([A-Za-z0-9_]+)/gm)].map((m) => m[1]);
  const seen = new Set();
  for (const name of declared) {
    if (seen.has(name)) throw new Error(`gen-types : le type « ${name} » est déclaré deux fois.`);
    seen.add(name);
  }
  // json-schema-to-typescript suffixes a number when a name is taken: that would be a duplicated type.
  for (const name of declared) {
    const base = name.replace(/[0-9]+$/, "");
    if (base !== name && seen.has(base)) throw new Error(`gen-types : le type « ${name} » duplique « ${base} ».`);
  }
  return out.endsWith("\n") ? out : out + "\n";
}

/** Returns the content src/generated/types.ts must have. */
export async function generateTypes() {
  const bundle = buildBundle(await readSchemas());
  const ts = await compile(bundle, ROOT_NAME, {
    cwd: SCHEMAS_DIR,
    bannerComment: BANNER,
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: false,
    format: true,
    style: { printWidth: 120, singleQuote: false, trailingComma: "all" },
  });
  return postProcess(ts);
}

/** Compares src/generated/types.ts with what the schemas give. */
export async function checkTypes() {
  const expected = await generateTypes();
  let actual = null;
  try {
    actual = await readFile(OUTPUT, "utf8");
  } catch {
    actual = null;
  }
  return { upToDate: actual === expected, expected, actual };
}

async function main(argv) {
  const rel = path.relative(process.cwd(), OUTPUT) || OUTPUT;
  if (argv.includes("--check")) {
    const { upToDate, actual } = await checkTypes();
    if (!upToDate) {
      process.stderr.write(
        actual === null
          ? `${rel} est absent : lancez \`npm run gen\`.\n`
          : `${rel} n'est pas à jour avec schemas/ : lancez \`npm run gen\` et validez le résultat.\n`,
      );
      return 1;
    }
    process.stdout.write(`${rel} est à jour.\n`);
    return 0;
  }
  const ts = await generateTypes();
  await mkdir(path.dirname(OUTPUT), { recursive: true });
  await writeFile(OUTPUT, ts);
  process.stdout.write(`${rel} écrit.\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
