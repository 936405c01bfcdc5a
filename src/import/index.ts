// Import: the open-data "Annuaire de l'éducation" → établissement and collectivité files (planning only; the CLI writes).
export { decodeCsv, detectDelimiter, parseCsv, type CsvRecord } from "./csv.js";
export { normalizeColumn, mapColumns, missingFields, readRow, FIELD_ALIASES, type Row, type Field } from "./columns.js";
export {
  classifyRow,
  classifyType,
  mainRow,
  TYPES,
  type AnnuaireEtablissement,
  type CollectiviteRef,
  type Filters,
  type Skipped,
  type SkipReason,
  type Statut,
  type TypeEtablissement,
} from "./classify.js";
export {
  DEPARTEMENTS,
  REGIONS,
  ACADEMIE_REGION,
  COLLECTIVITES_UNIQUES,
  academieName,
  collectiviteId,
  departementsOf,
  normalizeAcademie,
  normalizeDepartement,
  normalizeRegion,
  normalizeCommune,
} from "./geo.js";
export { mergeEtablissement, ownedChanges, sameValue, parseDocuments, type OwnedFields, type MergeResult } from "./merge.js";
export { mergePaths, getAtPath, setAtPath, pathLabel, type PathStep, type PathChange } from "./merge.js";
export { modeline, quoted, scalar, renderCollectivite, renderEtablissement, etablissementPath, collectivitePath, SCHEMAS_DIR } from "./render.js";
export { scanRepository, readText, exists, type RepoIndex } from "./repo.js";
export { planImport, planSchemas, readAnnuaire, type ImportPlan, type ImportOptions, type PlannedWrite, type FileProblem, type FileKind } from "./plan.js";
