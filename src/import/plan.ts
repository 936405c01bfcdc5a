// Import: from the annuaire CSV and the repository to the list of files to create or update — computed, never written, here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GouvnumError } from "../core/errors.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../validate/ajv.js";
import { decodeCsv, detectDelimiter, parseCsv } from "./csv.js";
import { mapColumns, missingFields, readRow } from "./columns.js";
import { classifyRow, mainRow, TYPES, type AnnuaireEtablissement, type CollectiviteRef, type Filters, type Skipped, type TypeEtablissement } from "./classify.js";
import { ACADEMIE_REGION, DEPARTEMENTS } from "./geo.js";
import { ACADEMIES } from "../core/domain.js";
import { loadCommunes, type CommuneTable } from "./communes.js";
import { mergeEtablissement, type OwnedFields } from "./merge.js";
import { collectivitePath, etablissementPath, renderCollectivite, renderEtablissement, SCHEMAS_DIR } from "./render.js";
import { exists, readText, scanRepository, type RepoIndex } from "./repo.js";

export type FileKind = "etablissement" | "collectivite" | "schema";

/** A file to write. */
export interface PlannedWrite {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  content: string;
  action: "create" | "update";
  kind: FileKind;
  /** For updates: the fields that change (`nom`, `commune.nom`…), or `remplacé` with --force. */
  changed?: string[];
}

/** An établissement or collectivité file that exists but could not be brought up to date. */
export interface FileProblem {
  path: string;
  uai?: string;
  reason: "illisible" | "absent" | "structure" | "plusieurs" | "collectiviteOccupee";
  data: Record<string, string>;
}

export interface ImportPlan {
  encoding: "utf-8" | "windows-1252";
  delimiter: string;
  /** Data rows read (header excluded). */
  rows: number;
  /** Rows outside the filters. */
  filtered: number;
  /** Établissements retained, one per UAI, by UAI. */
  etablissements: AnnuaireEtablissement[];
  byType: Record<TypeEtablissement, number>;
  byStatut: { public: number; prive: number };
  writes: PlannedWrite[];
  /** Files already in line with the annuaire. */
  unchanged: Array<{ path: string; kind: FileKind }>;
  /** Rows not imported, with the reason. */
  skipped: Skipped[];
  problems: FileProblem[];
  /** Schema copies that differ from this version's (left alone without --force). */
  staleSchemas: string[];
}

export interface ImportOptions {
  /** The repository root (absolute). */
  root: string;
  filters: Filters;
  /** Replace files that exist at an établissement's or collectivité's path but cannot be merged. */
  force?: boolean;
  onProgress?: (phase: "lecture" | "depot" | "fusion", done: number, total: number) => void;
}

const text = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

/** The header comment of the files gouvnum creates (French, from the catalogue). */
function header(kind: "etablissement" | "collectivite"): string {
  return text(`import.entete.${kind}`);
}

/** Rows of the CSV as classified records; throws a usage error when required columns are missing. */
export function readAnnuaire(bytes: Uint8Array, filters: Filters, onProgress?: (done: number, total: number) => void, communes?: CommuneTable) {
  const { text: csv, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(csv);
  const records = parseCsv(csv, delimiter);
  if (records.length === 0) throw new GouvnumError("usage", { detail: text("import.erreur.vide") });
  const columns = mapColumns(records[0].fields);
  const missing = missingFields(columns);
  if (missing.length > 0) {
    throw new GouvnumError("usage", {
      detail: text("import.erreur.colonnes", {
        colonnes: missing.map((m) => text(`import.colonne.${m}`)).join(", "),
        trouvees: records[0].fields.slice(0, 12).join(" ; ") + (records[0].fields.length > 12 ? " ; …" : ""),
      }),
    });
  }
  const ok: AnnuaireEtablissement[] = [];
  const skipped: Skipped[] = [];
  let filtered = 0;
  /** Rows of another académie than the repository's (académie code → row lines). */
  const autresAcademies = new Map<string, number[]>();
  const data = records.slice(1);
  const ctx = { communes, educationPrioritaireColumn: columns.educationPrioritaire >= 0 };
  data.forEach((r, i) => {
    onProgress?.(i + 1, data.length);
    const c = classifyRow(readRow(r.fields, columns), r.line, filters, ctx);
    if (c.kind === "ok") ok.push(c.etab);
    else if (c.kind === "skip") skipped.push(c.skip);
    else if (c.kind === "autreAcademie") {
      const lines = autresAcademies.get(c.academie);
      if (lines) lines.push(c.line);
      else autresAcademies.set(c.academie, [c.line]);
    } else filtered++;
  });
  // One établissement per UAI: the other rows of an établissement on several sites are reported.
  const byUai = new Map<string, AnnuaireEtablissement[]>();
  for (const e of ok) {
    const list = byUai.get(e.uai);
    if (list) list.push(e);
    else byUai.set(e.uai, [e]);
  }
  const etablissements: AnnuaireEtablissement[] = [];
  for (const [uai, rows] of byUai) {
    const main = mainRow(rows);
    etablissements.push(main);
    for (const r of rows) if (r !== main) skipped.push({ reason: "ligneSecondaire", data: { principal: main.nom }, uai, nom: r.nom, line: r.line });
  }
  etablissements.sort((a, b) => (a.uai < b.uai ? -1 : a.uai > b.uai ? 1 : 0));
  skipped.sort((a, b) => a.line - b.line);
  return { encoding, delimiter, rows: data.length, filtered, etablissements, skipped, autresAcademies };
}

/**
 * Refuses an export whose rows belong to another académie than the repository's (exit 2, nothing written):
 * a Créteil export does not go silently into a Rennes repository. `--academie` says which to take.
 */
function refuseOtherAcademies(autres: Map<string, number[]>, depot: string): void {
  if (autres.size === 0) return;
  const sorted = [...autres].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const liste = sorted
    .map(([code, lines]) => text("import.autreAcademie.ligne", { academie: `${ACADEMIES[code] ?? code} (${code})`, n: lines.length, premiere: lines[0] }))
    .join("\n");
  throw new GouvnumError("usage", {
    detail: text("import.erreur.autreAcademie", {
      depot: `« ${ACADEMIES[depot] ?? depot} » (${depot})`,
      n: sorted.reduce((s, [, l]) => s + l.length, 0),
      liste,
      code: sorted[0][0],
      codeDepot: depot,
    }),
  });
}

/** Codes a collectivité may be recorded under in the repository (a collectivité unique: its région or one of its départements). */
function lookupKeys(ref: CollectiviteRef): string[] {
  if (ref.type !== "collectivite_unique") return [`${ref.type}:${ref.code}`];
  const deps = Object.entries(DEPARTEMENTS)
    .filter(([, d]) => ACADEMIE_REGION[d.academie] === ref.code)
    .map(([code]) => code);
  return [ref.code, ...deps].map((c) => `collectivite_unique:${c}`);
}

/** The id to reference for a collectivité: the repository's own when it already describes it (by official code, then by id). */
function existingId(index: RepoIndex, ref: CollectiviteRef): string | undefined {
  for (const key of lookupKeys(ref)) {
    const id = index.collectiviteByCode.get(key);
    if (id) return id;
  }
  return index.collectivites.has(ref.id) ? ref.id : undefined;
}

/**
 * The collectivités of an import: the repository's when it has them (by official code, then by id), else a stub
 * per collectivité referenced (a stub never overwrites a file without `force`). Returns each référence's id to use.
 */
async function planCollectivites(index: RepoIndex, etablissements: readonly AnnuaireEtablissement[], opts: ImportOptions, plan: ImportPlan): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  const stubs = new Map<string, CollectiviteRef>();
  for (const e of etablissements) {
    const ref = e.collectivite;
    if (!ref || resolved.has(ref.id)) continue;
    if (ref.type === "etat") {
      resolved.set(ref.id, "etat");
      continue;
    }
    const id = existingId(index, ref);
    resolved.set(ref.id, id ?? ref.id);
    if (id) {
      plan.unchanged.push({ path: index.collectivites.get(id)!.file, kind: "collectivite" });
      continue;
    }
    stubs.set(ref.id, ref);
  }
  for (const ref of [...stubs.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const path = collectivitePath(ref.id);
    const content = renderCollectivite(ref, header("collectivite"));
    if (await exists(join(opts.root, path))) {
      if (!opts.force) {
        plan.problems.push({ path, reason: "collectiviteOccupee", data: { id: ref.id } });
        continue;
      }
      plan.writes.push({ path, content, action: "update", kind: "collectivite", changed: [text("import.remplace")] });
    } else plan.writes.push({ path, content, action: "create", kind: "collectivite" });
  }

  return resolved;
}

/** The établissements of an import: merged where the repository has them (several in one file are merged in turn), created otherwise. */
async function planEtablissements(
  index: RepoIndex,
  etablissements: readonly AnnuaireEtablissement[],
  resolved: ReadonlyMap<string, string>,
  opts: ImportOptions,
  plan: ImportPlan,
): Promise<void> {
  const merges = new Map<string, { text: string; bom: boolean; changed: string[] }>();
  let done = 0;
  for (const e of etablissements) {
    opts.onProgress?.("fusion", ++done, etablissements.length);
    const collectivite = e.collectivite ? resolved.get(e.collectivite.id) : undefined;
    const fields: OwnedFields = {
      nom: e.nom,
      type: e.type,
      statut: e.statut,
      academie: e.academie,
      commune: e.commune,
      collectivite,
      ...e.fields,
      ...(e.tutelle ? { tutelle: e.tutelle } : {}),
    };
    const files = index.etablissements.get(e.uai) ?? [];
    if (files.length > 1) {
      plan.problems.push({ path: files[0], uai: e.uai, reason: "plusieurs", data: { fichiers: files.join(", ") } });
      continue;
    }
    const target = files[0] ?? etablissementPath(e.uai);
    const abs = join(opts.root, target);
    const fresh = () => renderEtablissement(e, collectivite, header("etablissement"));
    let current = merges.get(target) ?? index.files.get(target);
    if (!current && (await exists(abs))) {
      // At the établissement's path, but not indexed: ignored by the config, or not readable text.
      const read = await readText(abs);
      if ("error" in read) {
        if (opts.force) plan.writes.push({ path: target, content: fresh(), action: "update", kind: "etablissement", changed: [text("import.remplace")] });
        else plan.problems.push({ path: target, uai: e.uai, reason: "illisible", data: { detail: read.error } });
        continue;
      }
      current = read;
    }
    if (!current) {
      plan.writes.push({ path: target, content: fresh(), action: "create", kind: "etablissement" });
      continue;
    }
    const merged = mergeEtablissement(current.text, e.uai, fields);
    if (merged.status === "unchanged") plan.unchanged.push({ path: target, kind: "etablissement" });
    else if (merged.status === "updated") {
      const previous = merges.get(target);
      merges.set(target, { text: merged.text, bom: current.bom, changed: [...(previous?.changed ?? []), ...merged.changed.filter((c) => !previous?.changed.includes(c))] });
    } else if (opts.force && files.length === 0) {
      // A file at the établissement's path that is not valid YAML or describes something else: --force replaces it.
      plan.writes.push({ path: target, content: fresh(), action: "update", kind: "etablissement", changed: [text("import.remplace")] });
    } else {
      plan.problems.push({ path: target, uai: e.uai, reason: merged.reason, data: { detail: merged.detail ?? "" } });
    }
  }
  for (const [path, m] of merges) {
    plan.writes.push({ path, content: (m.bom ? "\uFEFF" : "") + m.text, action: "update", kind: "etablissement", changed: m.changed });
  }
}

/** Plans an import: what to create, update, leave alone, and why rows or files are skipped. Reads, never writes. */
export async function planImport(bytes: Uint8Array, opts: ImportOptions): Promise<ImportPlan> {
  const index = await scanRepository(opts.root, (d, t) => opts.onProgress?.("depot", d, t));
  // The repository's académie guards the import when the user did not name one (--academie).
  const depot = !opts.filters.academie && index.academies.size === 1 ? [...index.academies][0] : undefined;
  const filters: Filters = depot ? { ...opts.filters, academieDepot: depot } : opts.filters;
  const communes = await loadCommunes();
  const annuaire = readAnnuaire(bytes, filters, (d, t) => opts.onProgress?.("lecture", d, t), communes);
  if (depot) refuseOtherAcademies(annuaire.autresAcademies, depot);
  const plan: ImportPlan = {
    encoding: annuaire.encoding,
    delimiter: annuaire.delimiter,
    rows: annuaire.rows,
    filtered: annuaire.filtered,
    etablissements: annuaire.etablissements,
    byType: Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<TypeEtablissement, number>,
    byStatut: { public: 0, prive: 0 },
    writes: [],
    unchanged: [],
    skipped: annuaire.skipped,
    problems: [],
    staleSchemas: [],
  };
  for (const e of annuaire.etablissements) {
    plan.byType[e.type]++;
    plan.byStatut[e.statut]++;
  }

  const resolved = await planCollectivites(index, annuaire.etablissements, opts, plan);
  await planEtablissements(index, annuaire.etablissements, resolved, opts, plan);

  // A file counts once: updated when any of its documents changes, else unchanged.
  const seen = new Set<string>(plan.writes.map((w) => w.path));
  plan.unchanged = plan.unchanged.filter((u) => !seen.has(u.path) && seen.add(u.path));

  // The schemas the `$schema` lines of new files point to.
  if (plan.writes.some((w) => w.action === "create")) {
    for (const w of await planSchemas(opts.root, opts.force)) {
      if (w.action === "stale") plan.staleSchemas.push(w.path);
      else plan.writes.push({ path: w.path, content: w.content, action: w.action, kind: "schema" });
    }
  }
  return plan;
}

/** The schema copies under `.gouvnum/schemas/`: missing ones created, outdated ones replaced only with `force`. */
export async function planSchemas(root: string, force = false): Promise<Array<{ path: string; content: string; action: "create" | "update" | "stale" }>> {
  const out: Array<{ path: string; content: string; action: "create" | "update" | "stale" }> = [];
  for (const f of SCHEMA_FILES) {
    const content = readFileSync(join(SCHEMA_DIR, f), "utf8");
    const path = `${SCHEMAS_DIR}/${f}`;
    const current = await readText(join(root, path));
    if ("error" in current) out.push({ path, content, action: "create" });
    else if (current.text !== content) out.push({ path, content, action: force ? "update" : "stale" });
  }
  return out;
}
