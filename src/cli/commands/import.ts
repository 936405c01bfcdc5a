// CLI: `import annuaire` — plan the import (src/import), write the files atomically, tell what was done in French.
import { readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { GouvnumError, systemDetail } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import { didYouMean } from "../../core/similar.js";
import { catalogue } from "../../messages/index.js";
import { ACADEMIES } from "../../core/domain.js";
import { normalizeAcademie, normalizeDepartement, planImport, TYPES, SCHEMAS_DIR, type Filters, type ImportPlan, type PlannedWrite, type TypeEtablissement } from "../../import/index.js";
import type { CliIO } from "../io.js";
import { writeFileAtomic } from "../write.js";
import type { GlobalOptions } from "./options.js";

export interface ImportOptions extends GlobalOptions {
  out?: string;
  academie?: string;
  departement?: string;
  types?: string;
  statut?: string;
  toutesTutelles?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);
const usage = (id: string, data: Record<string, string | number>) => new GouvnumError("usage", { detail: t(id, data) });

/** `{n} école` / `{n} écoles`: French uses the singular for 0 and 1. */
export function count(id: string, n: number): string {
  return t(n <= 1 && catalogue.cli[`import.nb.${id}.un`] ? `import.nb.${id}.un` : `import.nb.${id}`, { n });
}

/** Checks the filter options and turns them into codes (exit 2 with the reason when one is wrong). */
export function parseFilters(o: { academie?: string; departement?: string; types?: string; statut?: string; toutesTutelles?: boolean }): Filters {
  const filters: Filters = {};
  if (o.academie !== undefined) {
    const a = normalizeAcademie(o.academie);
    if (!a) throw usage("import.erreur.academieSuggestion", { valeur: o.academie, suggestion: suggestAcademie(o.academie) });
    filters.academie = a;
  }
  if (o.toutesTutelles) filters.toutesTutelles = true;
  if (o.departement !== undefined) {
    const d = normalizeDepartement(o.departement);
    if (!d) throw usage("import.erreur.departement", { valeur: o.departement });
    filters.departement = d;
  }
  if (o.types !== undefined) {
    const types: TypeEtablissement[] = [];
    for (const raw of o.types.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)) {
      if (!(TYPES as readonly string[]).includes(raw)) {
        throw usage("import.erreur.type", { valeur: raw, suggestion: didYouMean(raw, TYPES) });
      }
      types.push(raw as TypeEtablissement);
    }
    if (types.length === 0) throw usage("import.erreur.type", { valeur: o.types, suggestion: "" });
    filters.types = types;
  }
  if (o.statut !== undefined) {
    const s = o.statut.trim().toLowerCase().replace("é", "e");
    if (s !== "public" && s !== "prive") throw usage("import.erreur.statut", { valeur: o.statut });
    filters.statut = s;
  }
  return filters;
}

/** « (vouliez-vous dire « Rennes » ?) » for a mistyped académie name, else "". */
export function suggestAcademie(value: string): string {
  return didYouMean(value.trim(), Object.values(ACADEMIES));
}

/** A progress line on stderr: only on a terminal, never in CI or with --quiet, once the work lasts over a second. */
export function makeProgress(o: GlobalOptions, io: CliIO) {
  const enabled = io.stderr.isTTY === true && !o.quiet && !io.env.CI;
  const start = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(id: string, n: number, total: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - start < 1000 || (now - last < 100 && n !== total)) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2K${t(id, { n, total })}`);
    },
    done() {
      if (shown) io.stderr.write("\r\u001b[2K");
      shown = false;
    },
  };
}

/** A path that exists must be a directory (it is created otherwise). */
export async function ensureDirectory(abs: string, shown: string, messageId: string): Promise<void> {
  try {
    if (!(await stat(abs)).isDirectory()) throw usage(messageId, { chemin: shown });
  } catch (e) {
    if (e instanceof GouvnumError) throw e;
  }
}

/** Reads the CSV and plans the import. */
export async function runImportPlan(csv: string, root: string, filters: Filters, o: { force?: boolean } & GlobalOptions, io: CliIO): Promise<ImportPlan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, csv));
  } catch (e) {
    throw usage("import.erreur.lecture", { chemin: csv, detail: systemDetail(e) });
  }
  const progress = makeProgress(o, io);
  const plan = await planImport(bytes, { root, filters, force: o.force, onProgress: (phase, n, total) => progress.update(`import.progression.${phase}`, n, total) });
  progress.done();
  if (plan.encoding !== "utf-8" && !o.quiet) io.stderr.write(t("import.encodage") + "\n");
  return plan;
}

/** Writes the planned files (each atomically; creations never replace a file that appeared meanwhile). */
export async function writePlan(writes: readonly PlannedWrite[], root: string, o: GlobalOptions, io: CliIO): Promise<void> {
  const progress = makeProgress(o, io);
  let n = 0;
  for (const w of writes) {
    await writeFileAtomic(join(root, w.path), w.content, { force: w.action === "update", display: w.path });
    progress.update("import.progression.ecriture", ++n, writes.length);
  }
  progress.done();
}

function byKind(writes: readonly PlannedWrite[] | ReadonlyArray<{ kind: string }>): string {
  const n = (k: string) => writes.filter((w) => w.kind === k).length;
  const parts = [
    n("etablissement") ? count("etablissement", n("etablissement")) : "",
    n("collectivite") ? count("collectivite", n("collectivite")) : "",
    n("schema") ? count("schema", n("schema")) : "",
  ].filter(Boolean);
  return count("fichier", writes.length) + (parts.length ? ` (${parts.join(", ")})` : "");
}

/** The French summary of an import (or of what it would do). */
export function renderSummary(plan: ImportPlan, csvName: string, o: { dryRun?: boolean; quiet?: boolean; skippedLines?: number; csvPath?: string }): string {
  const lines: string[] = [];
  const created = plan.writes.filter((w) => w.action === "create");
  const updated = plan.writes.filter((w) => w.action === "update");
  if (o.dryRun) lines.push(t("import.resume.simulation"));
  lines.push(t("import.resume.source", { fichier: csvName, lignes: count("ligne", plan.rows), filtres: plan.filtered ? t("import.resume.filtres", { n: plan.filtered }) : "" }));
  const detail = (["ecole", "college", "lycee", "lycee_professionnel", "erea"] as const).map((k) => count(k, plan.byType[k])).join(", ");
  lines.push(t("import.resume.etablissements", { total: plan.etablissements.length, detail, public: plan.byStatut.public, prive: plan.byStatut.prive }));
  lines.push(t(o.dryRun ? "import.resume.creerait" : "import.resume.crees", { detail: byKind(created) }));
  lines.push(t(o.dryRun ? "import.resume.mettraitAJour" : "import.resume.misAJour", { detail: byKind(updated) }));
  lines.push(t("import.resume.inchanges", { detail: byKind(plan.unchanged) }));
  lines.push(t("import.resume.ignores", { lignes: count("ligne", plan.skipped.length), fichiers: count("fichier", plan.problems.length) }));
  if (plan.staleSchemas.length > 0) {
    lines.push(t("import.resume.schemasPerimes", { dossier: SCHEMAS_DIR, fichiers: plan.staleSchemas.map((p) => basename(p)).join(", ") }));
  }
  if (!o.quiet && updated.length > 0) {
    lines.push("", t(o.dryRun ? "import.detail.mettraitAJour" : "import.detail.misAJour"));
    for (const w of updated) lines.push(t("import.detail.fichier", { chemin: w.path, champs: (w.changed ?? []).join(", ") }));
  }
  if (plan.problems.length > 0) {
    lines.push("", t("import.detail.problemes"));
    for (const p of plan.problems) lines.push(t("import.detail.probleme", { chemin: p.path, raison: t(`import.probleme.${p.reason}`, { uai: p.uai ?? "", ...p.data }) }));
  }
  if (plan.skipped.length > 0) {
    lines.push("", t("import.detail.raisons"));
    const groups = new Map<string, typeof plan.skipped>();
    for (const s of plan.skipped) {
      const list = groups.get(s.reason);
      if (list) list.push(s);
      else groups.set(s.reason, [s]);
    }
    for (const [reason, rows] of [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      const title = t(`import.raison.${reason}`);
      lines.push(t("import.detail.raison", { raison: title.charAt(0).toUpperCase() + title.slice(1), n: rows.length }));
      // Quiet: the counts only, unless a number of lines per reason is asked for (init --annuaire lists them).
      if (o.quiet && o.skippedLines === undefined) continue;
      const shown = o.skippedLines === undefined ? rows : rows.slice(0, o.skippedLines);
      for (const s of shown) {
        lines.push(t("import.detail.ligne", { ligne: s.line, uai: s.uai, nom: s.nom, detail: t(`import.raison.${reason}.detail`, s.data) }));
      }
      if (shown.length < rows.length) lines.push(t("import.detail.lignesEnPlus", { n: rows.length - shown.length, csv: o.csvPath ?? csvName }));
    }
  }
  return lines.join("\n") + "\n";
}

export async function importAnnuaireCommand(csv: string, o: ImportOptions, io: CliIO): Promise<number> {
  const filters = parseFilters(o);
  const root = resolve(io.cwd, o.out ?? ".");
  await ensureDirectory(root, o.out ?? ".", "import.erreur.pasUnDossier");
  const plan = await runImportPlan(csv, root, filters, o, io);
  if (!o.dryRun) await writePlan(plan.writes, root, o, io);
  io.stdout.write(renderSummary(plan, basename(csv), o));
  // Rows skipped are the annuaire's business; files left alone need the user: exit 1.
  return plan.problems.length > 0 ? 1 : 0;
}
