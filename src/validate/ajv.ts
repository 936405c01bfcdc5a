// Validate: one Ajv instance, every schema compiled once, on first use.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import type { Kind } from "../core/domain.js";

const require = createRequire(import.meta.url);
/** Validators generated at build time (scripts/build.mjs): loading them costs ~25 ms where compiling costs ~200 ms. */
const PRECOMPILED = fileURLToPath(new URL("../validate/validators.cjs", import.meta.url)); // from dist/validate/ or dist/bundle/

/** Folder of the published JSON Schemas (package root `schemas/`, from `src/` or `dist/`). */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

export const SCHEMA_FILES = [
  "defs.schema.json",
  "academie.schema.json",
  "collectivite.schema.json",
  "etablissement.schema.json",
  "convention.schema.json",
  "config.schema.json",
] as const;

/** A calendar date `YYYY-MM-DD` that exists (`2025-02-30` does not). */
export function isCalendarDate(s: string): boolean {
  // Arithmetic, not a Date: this runs on every date of every document (measured 22 ms on 5,000 documents with Date).
  // Self-contained: scripts/build.mjs copies its source into the standalone validators.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();
const rawSchemas = new Map<string, Record<string, unknown>>();

/** The raw JSON of a schema file (for `gouvnum schema`, suggestions). */
export function readSchema(file: string): Record<string, unknown> {
  let s = rawSchemas.get(file);
  if (!s) {
    s = JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")) as Record<string, unknown>;
    rawSchemas.set(file, s);
  }
  return s;
}

/** The Ajv options; the build generates standalone code with the same ones. */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true, allowUnionTypes: true } as const;

/** An Ajv instance with every schema added (compiled lazily by Ajv, once each). */
export function createAjv(extra: Record<string, unknown> = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const a = new AjvClass({ ...AJV_OPTIONS, ...extra });
  a.addFormat("date", { type: "string", validate: isCalendarDate });
  for (const f of SCHEMA_FILES) a.addSchema(readSchema(f), f);
  return a;
}

let precompiled: Record<string, ValidateFunction> | undefined | null;

/** The compiled validator of a kind's schema, or of `config`. */
export function validatorFor(kind: Kind | "config"): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    if (precompiled === undefined) precompiled = existsSync(PRECOMPILED) ? (require(PRECOMPILED) as Record<string, ValidateFunction>) : null;
    v = precompiled?.[kind] ?? (ajv ??= createAjv()).getSchema(`${kind}.schema.json`);
    if (!v) throw new Error(`schéma introuvable : ${kind}`);
    validators.set(kind, v);
  }
  return v;
}
