// Report section « indicateurs »: governance indicators (numerator over denominator) for the scope, and the same by
// département, by type of établissement and by type of collectivité.
import type { AuditResult } from "../../audit/engine.js";
import { activeConcertationMembers, coveredByConvention, obsoleteDevices } from "../../model/facts.js";
import { isEple, isHeld, isPublic, twelveMonthsBefore, type CollectiviteEntity, type EtablissementEntity } from "../../model/territory.js";
import { obsoleteAgeDefault, type ReportContext } from "../context.js";
import { COLLECTIVITE_ORDER, dateText, ETABLISSEMENT_ORDER, label, nombre, percentText, ratio } from "../text.js";
import type { IndicateurVM, RapportVM, TableauIndicateursVM } from "../vm-types.js";

export function indicator(id: string, n: number, d: number, sens: "plus" | "moins", data?: Record<string, string | number>): IndicateurVM {
  const p = ratio(n, d);
  return {
    id,
    libelle: label(`indicateur.${id}`),
    definition: label(`indicateur.${id}.definition`, data),
    numerateur: n,
    denominateur: d,
    numerateurTexte: nombre.format(n),
    denominateurTexte: nombre.format(d),
    pourcentage: p,
    pourcentageTexte: percentText(p),
    fractionTexte: label("indicateur.fraction", { n: nombre.format(n), d: nombre.format(d) }),
    sens,
    sensLibelle: label(sens === "plus" ? "indicateur.sensPlus" : "indicateur.sensMoins"),
  };
}

/** The five indicators about établissements, over a set of établissements of the scope. */
function etablissementIndicators(ctx: Pick<ReportContext, "resolved" | "devices" | "covered" | "ageDefault">, etabs: readonly EtablissementEntity[]): IndicateurVM[] {
  const publics = etabs.filter((e) => ctx.resolved.has(e.ref));
  const eple = publics.filter((e) => isEple(e.data));
  let obsoletes = 0;
  let materiels = 0;
  // Devices of public établissements, as the rule equipement-obsolete counts them.
  for (const e of publics) {
    const d = ctx.devices.get(e.ref)!;
    obsoletes += d.obsoletes;
    materiels += d.total;
  }
  return [
    indicator("eple-referent-technique", eple.filter((e) => isHeld(e.data.referent_technique)).length, eple.length, "plus"),
    indicator("eple-referent-numerique", eple.filter((e) => isHeld(e.data.referent_numerique)).length, eple.length, "plus"),
    indicator("eple-convention", eple.filter((e) => ctx.covered.has(e.ref)).length, eple.length, "plus"),
    indicator("maintenance-claire", publics.filter((e) => ctx.resolved.get(e.ref)!.every((n) => n.clair)).length, publics.length, "plus"),
    indicator("equipements-obsoletes", obsoletes, materiels, "moins", { age: ctx.ageDefault }),
  ];
}

/** The three indicators about collectivités, over collectivités with établissements in the scope. */
function collectiviteIndicators(ctx: Pick<ReportContext, "actifs" | "date">, colls: readonly CollectiviteEntity[]): IndicateurVM[] {
  return [
    indicator("collectivite-organisation", colls.filter((c) => c.data.organisation !== undefined).length, colls.length, "plus"),
    indicator("collectivite-renouvellement", colls.filter((c) => c.data.renouvellement !== undefined).length, colls.length, "plus"),
    indicator("collectivite-concertation", colls.filter((c) => ctx.actifs.has(c.ref)).length, colls.length, "plus", {
      depuis: dateText(twelveMonthsBefore(ctx.date)),
      date: dateText(ctx.date),
    }),
  ];
}

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function table(id: string, entete: string, lignes: TableauIndicateursVM["lignes"]): TableauIndicateursVM {
  const first = lignes[0]?.cellules ?? [];
  return { id, titre: label(`indicateursPar.${id}`), entete, colonnes: first.map((c) => ({ id: c.id, libelle: c.libelle })), lignes };
}

const orderOf = (order: readonly string[]) => (a: string, b: string) => order.indexOf(a) - order.indexOf(b);

/** The indicators by département or by type (`id`: the column, « colonne.<id> »): undefined when there is one group only. */
function tableBy<T>(id: string, items: readonly T[], key: (x: T) => string, order: (a: string, b: string) => number, libelle: (k: string) => string, cells: (l: T[]) => IndicateurVM[]): TableauIndicateursVM | undefined {
  const groups = groupBy(items, key);
  if (groups.size <= 1) return undefined;
  const lignes = [...groups.entries()].sort(([a], [b]) => order(a, b)).map(([k, list]) => ({ libelle: libelle(k), cellules: cells(list) }));
  return table(id, label(`colonne.${id}`), lignes);
}

/**
 * The scope's indicators alone — those of `buildIndicateurs` over the whole territory of the result — from the few
 * facts they read, without the rest of the view model (what a saved `-f json` result records: building the whole view
 * model for it cost 0.45 s of an académie's audit). test/indicators.test.ts checks both give the same.
 */
export function territoryIndicators(result: AuditResult): IndicateurVM[] {
  const t = result.territory;
  const date = result.date;
  const ageDefault = obsoleteAgeDefault(result);
  const etabs = t.etablissements;
  const publics = etabs.filter((e) => isPublic(e.data));
  const facts = {
    resolved: new Map(publics.map((e) => [e.ref, t.resolveMaintenance(e, date)])),
    covered: new Set(publics.filter((e) => isEple(e.data) && coveredByConvention(t, e, date)).map((e) => e.ref)),
    devices: new Map(publics.map((e) => [e.ref, obsoleteDevices(t, e, date, ageDefault)])),
    ageDefault,
    actifs: activeConcertationMembers(t, date),
    date,
  };
  const collAvecEtab = t.collectivites.filter((c) => t.etablissementsOf(c).length > 0);
  return [...etablissementIndicators(facts, etabs), ...collectiviteIndicators(facts, collAvecEtab)];
}

export function buildIndicateurs(ctx: ReportContext): Partial<RapportVM> {
  const inScope = new Set(ctx.etabs.map((e) => e.ref));
  const collAvecEtab = ctx.scope.collectivites.filter((c) => ctx.t.etablissementsOf(c).some((e) => inScope.has(e.ref)));
  const indicateurs = [...etablissementIndicators(ctx, ctx.etabs), ...collectiviteIndicators(ctx, collAvecEtab)];

  const byDepartement = (a: string, b: string) => (a < b ? -1 : 1);
  const depLibelle = (code: string) => (code === "?" ? label("departementInconnu") : `${ctx.departementNom(code)} (${code})`);
  const par = [
    tableBy("departement", ctx.etabs, (e) => ctx.departement(e) ?? "?", byDepartement, depLibelle, (l) => etablissementIndicators(ctx, l)),
    tableBy("typeEtablissement", ctx.etabs, (e) => e.data.type, orderOf(ETABLISSEMENT_ORDER), (t) => label(`typeEtablissementPluriel.${t}`), (l) => etablissementIndicators(ctx, l)),
    tableBy("typeCollectivite", collAvecEtab, (c) => c.data.type, orderOf(COLLECTIVITE_ORDER), (t) => label(`typeCollectivitePluriel.${t}`), (l) => collectiviteIndicators(ctx, l)),
  ].filter((x): x is TableauIndicateursVM => x !== undefined);
  return { indicateurs, indicateursPar: par };
}
