// Report: the data of the « Évolution » section — indicators then and now, findings fixed and new by theme and by
// collectivité (--compare), indicators over time (--history). Pure functions of audit results.
import type { AuditResult } from "../audit/engine.js";
import type { Comparison, SavedFinding, SavedIndicator } from "../audit/compare.js";
import type { Finding } from "../core/finding.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import type { Territory } from "../model/territory.js";
import { buildViewModel, dateText, percentText, ratio } from "./view-model.js";
import { comparisonLine } from "./comparison.js";

/** The report's indicators of an audit, as a saved result records them (one computation: the report's). */
export function indicatorsOf(result: AuditResult, version: string): SavedIndicator[] {
  return buildViewModel(result, { version }).indicateurs.map((i) => ({ id: i.id, numerateur: i.numerateur, denominateur: i.denominateur, sens: i.sens }));
}

export type Tendance = "mieux" | "moinsBien" | "stable" | "inconnu";

export interface IndicateurEvolutionVM {
  id: string;
  libelle: string;
  avantTexte: string;
  apresTexte: string;
  /** Percentage points, one decimal; null when either side has no denominator or is missing. */
  ecart: number | null;
  /** « +15 points », « −3,5 points », « inchangé », « — ». */
  ecartTexte: string;
  tendance: Tendance;
  /** An arrow and a word, so that the change never relies on colour alone. */
  fleche: string;
  tendanceTexte: string;
}

export interface GroupeEvolutionVM {
  ref: string;
  libelle: string;
  corriges: number;
  nouveaux: number;
}

export interface ConstatEvolutionVM {
  regle: string;
  message: string;
  entite: string;
  fichier: string;
  ligne: number;
}

export interface EvolutionVM {
  ref: string;
  date: string;
  dateTexte: string;
  /** « 12 corrigés, 3 nouveaux, 140 inchangés depuis HEAD~1 (2026-06-15) ». */
  resume: string;
  corriges: number;
  nouveaux: number;
  inchanges: number;
  modifies: number;
  indicateurs: IndicateurEvolutionVM[];
  parTheme: GroupeEvolutionVM[];
  parCollectivite: GroupeEvolutionVM[];
  listeCorriges: ConstatEvolutionVM[];
  listeNouveaux: ConstatEvolutionVM[];
}

const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, signDisplay: "always" });

function lbl(key: string, data?: Record<string, string | number>): string {
  const t = catalogue.cli[`evolution.${key}`];
  if (t === undefined) throw new Error(`libellé d'évolution inconnu : ${key}`);
  return data ? formatMessage(t, data) : t;
}

/** One indicator then and now; `sens` says which way is better. */
export function indicatorChange(id: string, libelle: string, before: SavedIndicator | undefined, now: SavedIndicator): IndicateurEvolutionVM {
  const p0 = before ? ratio(before.numerateur, before.denominateur) : null;
  const p1 = ratio(now.numerateur, now.denominateur);
  const ecart = p0 === null || p1 === null ? null : Math.round((p1 - p0) * 10) / 10;
  let tendance: Tendance = "inconnu";
  if (ecart !== null) tendance = ecart === 0 ? "stable" : (ecart > 0) === (now.sens === "plus") ? "mieux" : "moinsBien";
  const fleche = ecart === null ? "—" : ecart > 0 ? "↑" : ecart < 0 ? "↓" : "→";
  return {
    id,
    libelle,
    avantTexte: before ? percentText(p0) : lbl("inconnu"),
    apresTexte: percentText(p1),
    ecart,
    ecartTexte: ecart === null ? "—" : ecart === 0 ? lbl("ecart.nul") : lbl("ecart.points", { n: pct.format(ecart).replace("-", "−") }),
    tendance,
    fleche,
    tendanceTexte: lbl(`tendance.${tendance}`),
  };
}

/** The collectivités a finding belongs to: its own, its établissement's, a convention's parties. */
function collectivitesOf(t: Territory | undefined, entity: string): string[] {
  const e = t?.byRef.get(entity);
  if (!t || !e) return [];
  if (e.kind === "collectivite") return [e.ref];
  if (e.kind === "etablissement") {
    const c = t.collectiviteOf(e);
    return c ? [c.ref] : [];
  }
  if (e.kind === "convention") {
    const out = new Set<string>();
    for (const p of e.data.parties ?? []) {
      const pe = t.byRef.get(p);
      if (pe?.kind === "collectivite") out.add(pe.ref);
      else if (pe?.kind === "etablissement") {
        const c = t.collectiviteOf(pe);
        if (c) out.add(c.ref);
      }
    }
    return [...out];
  }
  return [];
}

function collectiviteName(ts: Array<Territory | undefined>, ref: string): string {
  for (const t of ts) {
    const e = t?.byRef.get(ref);
    if (e?.kind === "collectivite") return String(e.data.nom ?? ref);
  }
  return ref;
}

type Item = Pick<SavedFinding, "ruleId" | "entity" | "message" | "file" | "line">;

function toItem(f: Item): ConstatEvolutionVM {
  return { regle: f.ruleId, message: f.message, entite: f.entity, fichier: f.file, ligne: f.line };
}

/** The « Évolution » section's data, from the current audit and its comparison. */
export function buildEvolution(result: AuditResult, comparison: Comparison, version: string): EvolutionVM {
  const prev = comparison.previous;
  const beforeIndicators = prev.indicators ?? (prev.result ? indicatorsOf(prev.result, version) : undefined);
  const nowVm = buildViewModel(result, { version });
  const indicateurs = nowVm.indicateurs.map((i) =>
    indicatorChange(i.id, i.libelle, beforeIndicators?.find((b) => b.id === i.id), { id: i.id, numerateur: i.numerateur, denominateur: i.denominateur, sens: i.sens }),
  );
  const fresh: Finding[] = result.findings.filter((f) => f.status === "new");
  const fixed = comparison.fixed;
  const groupOf = new Map(result.rules.map((r) => [r.rule.id, r.rule.group ?? ""]));
  const groups = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
  const parTheme = groups
    .map((g) => ({
      ref: g,
      libelle: catalogue.cli[`rapport.groupe.${g}`] ?? g,
      corriges: fixed.filter((f) => groupOf.get(f.ruleId) === g).length,
      nouveaux: fresh.filter((f) => groupOf.get(f.ruleId) === g).length,
    }))
    .filter((x) => x.corriges + x.nouveaux > 0);
  const territories = [result.territory, prev.result?.territory];
  const byColl = new Map<string, GroupeEvolutionVM>();
  const add = (entity: string, key: "corriges" | "nouveaux") => {
    const refs = collectivitesOf(result.territory, entity);
    const found = refs.length > 0 ? refs : collectivitesOf(prev.result?.territory, entity);
    for (const ref of found.length > 0 ? found : [""]) {
      const g = byColl.get(ref) ?? { ref, libelle: ref ? collectiviteName(territories, ref) : lbl("horsCollectivite"), corriges: 0, nouveaux: 0 };
      g[key]++;
      byColl.set(ref, g);
    }
  };
  for (const f of fixed) add(f.entity, "corriges");
  for (const f of fresh) add(f.entity, "nouveaux");
  const parCollectivite = [...byColl.values()].sort((a, b) => (a.ref === "" ? 1 : b.ref === "" ? -1 : a.libelle.localeCompare(b.libelle, "fr")));
  return {
    ref: prev.ref,
    date: prev.date,
    dateTexte: dateText(prev.date),
    resume: comparisonLine(comparison),
    corriges: comparison.counts.fixed,
    nouveaux: comparison.counts.new,
    inchanges: comparison.counts.unchanged + comparison.counts.updated,
    modifies: comparison.counts.updated,
    indicateurs,
    parTheme,
    parCollectivite,
    listeCorriges: fixed.map(toItem),
    listeNouveaux: fresh.map(toItem),
  };
}
