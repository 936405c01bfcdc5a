// CLI: `collect export` and `collect import` — read the territory, write workbooks / merge answers, tell what was done.
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { basename, join, resolve, dirname } from "node:path";
import { randomBytes } from "node:crypto";
import { GouvnumError, systemDetail } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { runAudit, isIsoDate, type AuditResult } from "../../audit/engine.js";
import { DEFAULT_LIMITS } from "../../load/document.js";
import type { Finding } from "../../core/finding.js";
import type { CliIO } from "../io.js";
import { writeFileAtomic } from "../write.js";
import { auditInputs, isoDay, resolveConfig, type GlobalOptions } from "./options.js";

export interface CollectExportOptions extends GlobalOptions {
  out?: string;
  by?: string;
  format?: string;
  scope?: string;
  echeance?: string;
  force?: boolean;
  dryRun?: boolean;
}

export interface CollectImportOptions extends GlobalOptions {
  territoire?: string;
  dryRun?: boolean;
  force?: boolean;
  partial?: boolean;
}

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);
const usage = (id: string, data: Record<string, string | number> = {}) => new GouvnumError("usage", { detail: t(id, data) });

async function loadTerritory(paths: string[], o: GlobalOptions, io: CliIO, mode: "validate" | "audit"): Promise<AuditResult> {
  const inputsPaths = paths.length > 0 ? paths : ["."];
  const config = await resolveConfig(o, inputsPaths, io);
  const inputs = await auditInputs(inputsPaths, { ...DEFAULT_LIMITS, ...config.limits }.maxFileBytes, io);
  return runAudit(inputs, { mode, today: isoDay(io.now()), cwd: io.cwd, config });
}

export async function collectExportCommand(paths: string[], o: CollectExportOptions, io: CliIO): Promise<number> {
  const by = o.by ?? "collectivite";
  if (by !== "collectivite" && by !== "etablissement") throw usage("collecte.erreur.by", { valeur: by });
  const format = o.format ?? "ods";
  if (format !== "ods" && format !== "xlsx" && format !== "csv") throw usage("collecte.erreur.format", { valeur: format });
  if (o.echeance !== undefined && !isIsoDate(o.echeance)) throw usage("collecte.erreur.echeance", { valeur: o.echeance });
  if (o.scope !== undefined && !/^(collectivite|etablissement|departement|academie):\S+$/.test(o.scope)) throw usage("collecte.erreur.scope", { valeur: o.scope });
  if (!o.out) throw usage("collecte.erreur.sansSortie");
  const outDir = resolve(io.cwd, o.out);
  try {
    if (!(await stat(outDir)).isDirectory()) throw new GouvnumError("ecritureImpossible", { chemin: o.out, detail: "ce n'est pas un dossier" });
  } catch (e) {
    if (e instanceof GouvnumError) throw e;
  }
  const inputsPaths = paths.length > 0 ? paths : ["."];
  const config = await resolveConfig(o, inputsPaths, io);
  const result = await loadTerritory(paths, o, io, "validate");
  const { planExport, writeOds, writeXlsx, writeCsv } = await import("../../collect/index.js");
  const exportId = `${isoDay(io.now()).replace(/-/g, "")}-${randomBytes(4).toString("hex")}`;
  const plan = planExport(result.territory, { by, scope: o.scope, echeance: o.echeance, contact: config.collect?.contact, exportId, today: isoDay(io.now()) });
  if (plan.workbooks.length === 0) throw usage("collecte.erreur.rien", { scope: o.scope ? ` à ${o.scope}` : "" });
  // Every file is built and every target checked before the first is written: nothing is left half-done.
  const files: Array<{ path: string; bytes: Uint8Array; unit: string }> = [];
  for (const wb of plan.workbooks) {
    if (format === "csv") for (const f of writeCsv(wb)) files.push({ path: join(outDir, `${wb.name}-${f.suffix}.csv`), bytes: f.bytes, unit: wb.unit });
    else files.push({ path: join(outDir, `${wb.name}.${format}`), bytes: format === "ods" ? writeOds(wb) : writeXlsx(wb), unit: wb.unit });
  }
  const shown = (p: string) => join(o.out!, basename(p));
  if (!o.force) {
    for (const f of files) {
      const exists = await stat(f.path).then(
        () => true,
        () => false,
      );
      if (exists) throw new GouvnumError("fichierExiste", { chemin: shown(f.path) });
    }
  }
  const inputs = new Set(result.files.map((f) => resolve(io.cwd, f)));
  if (!o.dryRun) for (const f of files) await writeFileAtomic(f.path, f.bytes, { force: o.force, inputs, display: shown(f.path) });
  const etablissements = new Set(plan.workbooks.flatMap((w) => (w.unit.startsWith("etablissement:") ? [w.unit] : result.territory.etablissementsOf(result.territory.byRef.get(w.unit) as never).map((e) => e.ref))));
  const lines: string[] = [];
  lines.push(t(o.dryRun ? "collecte.export.simulation" : "collecte.export.resume", { n: plan.workbooks.length, format: format.toUpperCase(), dossier: o.out, etablissements: etablissements.size }));
  if (!o.quiet) for (const f of files) lines.push(t("collecte.export.fichier", { chemin: shown(f.path), unite: f.unit }));
  if (plan.orphans.length > 0) lines.push(t("collecte.export.orphelins", { n: plan.orphans.length, liste: plan.orphans.slice(0, 10).join(", ") + (plan.orphans.length > 10 ? "…" : "") }));
  io.stdout.write(lines.join("\n") + "\n");
  return 0;
}

function countByEntity(findings: readonly Finding[], refs: ReadonlySet<string>): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!refs.has(f.entity) || f.suppressed || f.ruleId === "schema") continue;
    m.set(f.entity, [...(m.get(f.entity) ?? []), f]);
  }
  return m;
}

type CollectModule = typeof import("../../collect/index.js");

/** The workbooks to read: each ODS or XLSX file, and the CSV files of one export together, as the sheets of one workbook. */
function workbooksOf(
  files: readonly string[],
  io: CliIO,
  m: Pick<CollectModule, "readSpreadsheet" | "readCsvSheet" | "csvSheetOf" | "ReadProblem">,
): Array<{ file: string; load: () => Promise<import("../../collect/index.js").RawBook> }> {
  const { readSpreadsheet, readCsvSheet, csvSheetOf, ReadProblem } = m;
  const books: Array<{ file: string; load: () => Promise<import("../../collect/index.js").RawBook> }> = [];
  const csvGroups = new Map<string, string[]>();
  for (const f of files) {
    if (/\.csv$/i.test(f)) {
      const info = csvSheetOf(basename(f));
      const key = info ? join(dirname(f), info.base) : f;
      csvGroups.set(key, [...(csvGroups.get(key) ?? []), f]);
      continue;
    }
    books.push({ file: f, load: async () => readSpreadsheet(await readBytes(f, io)) });
  }
  for (const [base, group] of csvGroups) {
    books.push({
      file: group.length === 1 ? group[0] : `${base}-*.csv`,
      load: async () => {
        const sheets = [];
        const meta = `${base}-gouvnum.csv`;
        const all = group.some((g) => resolve(io.cwd, g) === resolve(io.cwd, meta)) ? group : [...group, meta];
        for (const g of all) {
          const info = csvSheetOf(basename(g));
          if (!info) throw new ReadProblem("csvSansEntete");
          let bytes: Uint8Array;
          try {
            bytes = await readBytes(g, io);
          } catch (e) {
            if (g === meta) throw new ReadProblem("csvMeta", { meta: basename(meta) });
            throw e;
          }
          sheets.push(readCsvSheet(bytes, info.sheet));
        }
        return { sheets };
      },
    });
  }
  return books;
}

/** After writing: the territory audited again, and per unit written how many findings it had and has (rules that went away named). */
async function auditAfterImport(
  territoryPaths: string[],
  o: CollectImportOptions,
  io: CliIO,
  beforeFindings: readonly Finding[],
  invalidBefore: number,
  writes: ReadonlyArray<{ entities: readonly string[] }>,
): Promise<string[]> {
  const lines: string[] = [];
  const after = await loadTerritory(territoryPaths, o, io, "audit");
  const newInvalid = after.findings.filter((f) => f.ruleId === "yaml-syntaxe" || f.ruleId === "schema" || f.ruleId === "encodage").length - invalidBefore;
  if (newInvalid > 0) lines.push(t("collecte.import.invalide", { n: newInvalid }));
  const refs = new Set(writes.flatMap((w) => w.entities));
  const was = countByEntity(beforeFindings, refs);
  const now = countByEntity(after.findings, refs);
  const total = (m: Map<string, Finding[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
  lines.push(t("collecte.import.audit", { apres: total(now), avant: total(was) }));
  for (const ref of [...refs].sort()) {
    const a = was.get(ref) ?? [];
    const n = now.get(ref) ?? [];
    const gone = [...new Set(a.map((f) => f.ruleId))].filter((id) => !n.some((f) => f.ruleId === id));
    lines.push(t("collecte.import.auditUnite", { unite: ref, apres: n.length, avant: a.length, detail: gone.length ? t("collecte.import.disparus", { regles: gone.join(", ") }) : "" }));
  }
  return lines;
}

export async function collectImportCommand(files: string[], o: CollectImportOptions, io: CliIO): Promise<number> {
  if (files.length === 0) throw usage("collecte.erreur.sansFichier");
  const territoryPaths = [o.territoire ?? "."];
  const before = await loadTerritory(territoryPaths, o, io, "audit");
  const invalid = before.findings.filter((f) => f.ruleId === "yaml-syntaxe" || f.ruleId === "schema" || f.ruleId === "encodage");
  const { readSpreadsheet, readCsvSheet, csvSheetOf, ReadProblem, planBook, accept, planWrites, atPlace, unifiedDiff } = await import("../../collect/index.js");

  const books = workbooksOf(files, io, { readSpreadsheet, readCsvSheet, csvSheetOf, ReadProblem });

  const working = new Map<string, unknown>();
  const lines: string[] = [];
  const accepted: import("../../collect/index.js").BookPlan[] = [];
  let problems = 0;
  for (const b of books) {
    let plan: import("../../collect/index.js").BookPlan;
    try {
      const raw = await b.load();
      plan = planBook(raw, b.file, before.territory, working, { force: o.force });
    } catch (e) {
      if (e instanceof ReadProblem) {
        lines.push(t(`collecte.lecture.${e.messageId}`, { fichier: b.file, ...e.data }));
        problems++;
        continue;
      }
      throw e;
    }
    if (plan.fatal) {
      lines.push(t(`collecte.lecture.${plan.fatal.messageId}`, { fichier: b.file, ...plan.fatal.data }));
      problems++;
      continue;
    }
    lines.push(t("collecte.import.classeur", { fichier: b.file, unite: plan.unit ?? "", modifiees: plan.changes.length, inchangees: plan.unchanged, refusees: plan.refused.length, conflits: plan.conflicts.length }));
    for (const r of plan.refused) lines.push("  " + atPlace(r.place, r.message));
    for (const c of plan.conflicts) lines.push("  " + t("collecte.valeur.conflit", { feuille: c.place.sheet, ligne: c.place.row, colonne: c.place.column, classeur: c.workbook, exporte: c.exported, yaml: c.yaml }));
    if (plan.refused.length > 0 || plan.conflicts.length > 0) problems++;
    if (plan.refused.length > 0 && !o.partial) {
      if (plan.changes.length > 0) lines.push(t("collecte.import.rienEcrit"));
      continue;
    }
    accept(plan, before.territory, working);
    accepted.push(plan);
  }

  const changes = accepted.flatMap((p) => p.changes);
  const { writes, failures } = planWrites(changes, before.territory, (file) => readFileSync(resolve(io.cwd, file), "utf8"));
  for (const f of failures) {
    lines.push(t("collecte.valeur.fusion", { chemin: f.file, raison: f.reason }));
    problems++;
  }
  if (failures.length > 0) {
    // One file that cannot be changed cleanly stops the whole import: nothing is half-written.
    io.stdout.write(lines.join("\n") + "\n");
    return 1;
  }
  if (o.dryRun) {
    lines.push("", t("collecte.import.simulation"));
    io.stdout.write(lines.join("\n") + "\n");
    for (const w of writes) io.stdout.write(unifiedDiff(w.file, w.before, w.after));
    return problems > 0 ? 1 : 0;
  }
  for (const w of writes) await writeFileAtomic(resolve(io.cwd, w.file), w.after, { force: true, display: w.file });
  lines.push(writes.length > 0 ? t("collecte.import.ecrits", { n: writes.length, liste: writes.map((w) => w.file).join(", ") }) : t("collecte.import.aucun"));
  if (writes.length > 0) lines.push(...(await auditAfterImport(territoryPaths, o, io, before.findings, invalid.length, writes)));
  io.stdout.write(lines.join("\n") + "\n");
  return problems > 0 ? 1 : 0;
}

async function readBytes(f: string, io: CliIO): Promise<Uint8Array> {
  try {
    return await readFile(resolve(io.cwd, f));
  } catch (e) {
    const { ReadProblem } = await import("../../collect/index.js");
    throw new ReadProblem("illisible", { detail: systemDetail(e) });
  }
}
