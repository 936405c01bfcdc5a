// Validate: one Ajv instance, every schema compiled once, on first use.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { Kind } from "../core/domain.js";

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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
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

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
    ajv.addFormat("date", { type: "string", validate: isCalendarDate });
    for (const f of SCHEMA_FILES) ajv.addSchema(readSchema(f), f);
  }
  return ajv;
}

/** The compiled validator of a kind's schema, or of `config`. */
export function validatorFor(kind: Kind | "config"): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = instance().getSchema(`${kind}.schema.json`);
    if (!v) throw new Error(`schéma introuvable : ${kind}`);
    validators.set(kind, v);
  }
  return v;
}
