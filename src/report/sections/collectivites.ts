// Report section « collectivités »: each collectivité with its établissements and findings, the conformity by
// collectivité and by group, the ranking by gaps to act on, and whether the detail is in this report.
import { DETAILS_MAX, type ReportContext } from "../context.js";
import { anchor, byCollectivite, byConstat, countOf, label, nombre, norm, percentText, plural, ratio } from "../text.js";
import type { CollectiviteEntity } from "../../model/territory.js";
import type { ClassementVM, CollectiviteVM, ConformiteVM, EtablissementVM, RapportVM } from "../vm-types.js";

/** Public établissements without error or warning (on themselves or a convention they are party to). */
export const conforme = (ev: EtablissementVM): boolean => ev.constats.every((c) => c.severite === "info");

export function conformiteOf(ref: string, nom: string, ancre: string, ets: readonly EtablissementVM[], constats: ConformiteVM["constats"]): ConformiteVM {
  const pubs = ets.filter((e) => e.public);
  const conformes = pubs.filter(conforme).length;
  const p = ratio(conformes, pubs.length);
  return { ref, nom, ancre, etablissements: pubs.length, conformes, pourcentage: p, pourcentageTexte: percentText(p), constats };
}

const TRANCHES: Array<[number, number]> = [
  [0, 0],
  [1, 4],
  [5, 9],
  [10, 19],
  [20, Infinity],
];

/** One collectivité: its declaration, its own findings and its conventions', its établissements and their conformity. */
function collectiviteVM(ctx: ReportContext, c: CollectiviteEntity, ets: EtablissementVM[]): CollectiviteVM {
  const d = c.data;
  const nom = norm(d.nom);
  const own = (ctx.placement.byEntity.get(c.ref) ?? []).sort(byConstat);
  const conv = (ctx.placement.conventionsByCollectivite.get(c.ref) ?? []).sort(byConstat);
  const all = [...new Set([...own, ...conv, ...ets.flatMap((e) => e.constats)])];
  const ancre = anchor("collectivite", c.id);
  const renouvellement = d.renouvellement
    ? d.renouvellement.mode === "systematique" && d.renouvellement.age_max_ans !== undefined
      ? label("renouvellement.systematiqueAge", { age: d.renouvellement.age_max_ans })
      : label(`renouvellement.${d.renouvellement.mode}`)
    : label("collectivite.nonDeclare");
  return {
    ref: c.ref,
    id: c.id,
    nom,
    titre: nom,
    ancre,
    type: d.type,
    typeLibelle: label(`typeCollectivite.${d.type}`),
    declaration: label("collectivite.declaration", {
      organisation: d.organisation ? label(`organisation.${d.organisation}`) : label("collectivite.nonDeclare"),
      renouvellement,
      concertation: label(ctx.actifs.has(c.ref) ? "oui" : "non"),
    }),
    legendeTableau: label("collectivite.tableau.caption", { nom }),
    constats: own,
    constatsConventions: conv,
    etablissements: ets,
    etablissementsAvecConstats: ets.filter((e) => e.constats.length > 0),
    etablissementsSansConstat: ets
      .filter((e) => e.constats.length === 0)
      .map((e) => e.titre)
      .join(", "),
    conformite: conformiteOf(c.ref, nom, ancre, ets, countOf(all)),
    totaux: countOf(all),
  };
}

/** Conformity by group: by département when there are several, else by type of établissement (25 rows at most). */
function conformiteParGroupe(ctx: ReportContext): RapportVM["conformiteParGroupe"] {
  const departements = new Set(ctx.etabs.map((e) => ctx.departement(e) ?? "?"));
  const parDepartement = departements.size > 1;
  const groups = new Map<string, { nom: string; ets: EtablissementVM[] }>();
  for (const e of ctx.etabs) {
    const key = parDepartement ? (ctx.departement(e) ?? "?") : e.data.type;
    const nom = parDepartement ? (key === "?" ? label("departementInconnu") : `${ctx.departementNom(key)} (${key})`) : label(`typeEtablissementPluriel.${e.data.type}`);
    const g = groups.get(key) ?? { nom, ets: [] };
    g.ets.push(ctx.etablissements.get(e.ref)!);
    groups.set(key, g);
  }
  const lignes = [...groups.entries()]
    .map(([key, g]) => conformiteOf(key, g.nom, "", g.ets, countOf(g.ets.flatMap((e) => e.constats))))
    .filter((c) => c.etablissements > 0)
    .slice(0, 25);
  return {
    entete: label(parDepartement ? "colonne.departement" : "colonne.typeEtablissement"),
    groupe: label(parDepartement ? "regroupement.departement" : "regroupement.typeEtablissement"),
    lignes,
  };
}

/** The 15 collectivités with most gaps to act on (errors first, then warnings, then all findings) and how the others spread. */
function classement(collectivites: CollectiviteVM[], inclus: boolean): RapportVM["classement"] {
  const ranked = [...collectivites].sort(
    (a, b) => b.totaux.erreurs - a.totaux.erreurs || b.totaux.avertissements - a.totaux.avertissements || b.totaux.total - a.totaux.total || a.nom.localeCompare(b.nom, "fr"),
  );
  const premieres: ClassementVM[] = ranked
    .filter((c) => c.totaux.erreurs + c.totaux.avertissements > 0)
    .slice(0, 15)
    .map((c, i) => ({
      rang: i + 1,
      ref: c.ref,
      nom: c.nom,
      typeLibelle: c.typeLibelle,
      ancre: inclus ? c.ancre : null,
      etablissements: c.etablissements.length,
      constats: c.totaux,
      conformite: c.conformite,
    }));
  const shown = new Set(premieres.map((p) => p.ref));
  const rest = collectivites.filter((c) => !shown.has(c.ref));
  const distribution = TRANCHES.map(([lo, hi]) => ({
    tranche: lo === hi ? label("classement.tranche.aucun") : hi === Infinity ? label("classement.tranche.plus", { n: lo }) : label("classement.tranche.entre", { lo, hi }),
    collectivites: rest.filter((c) => c.totaux.total >= lo && c.totaux.total <= hi).length,
  })).filter((t) => t.collectivites > 0);
  return { premieres, autres: rest.length, distribution };
}

export function buildCollectivites(ctx: ReportContext): Partial<RapportVM> {
  const etabsByColl = new Map<string, EtablissementVM[]>();
  for (const e of ctx.etabs) {
    const c = ctx.t.collectiviteOf(e);
    if (!c) continue;
    const l = etabsByColl.get(c.ref) ?? [];
    l.push(ctx.etablissements.get(e.ref)!);
    etabsByColl.set(c.ref, l);
  }
  const collectivites = [...ctx.scope.collectivites].sort(byCollectivite).map((c) => collectiviteVM(ctx, c, etabsByColl.get(c.ref) ?? []));
  const mode = ctx.options.details ?? "auto";
  const inclus = mode === "toujours" || (mode === "auto" && ctx.etabs.length <= DETAILS_MAX);
  return {
    collectivites,
    conformite: collectivites.filter((c) => c.conformite.etablissements > 0).map((c) => c.conformite),
    conformiteParGroupe: conformiteParGroupe(ctx),
    classement: classement(collectivites, inclus),
    details: {
      inclus,
      texte: inclus
        ? null
        : label("details.ailleurs", {
            collectivites: plural(collectivites.length, "collectivité", "collectivités"),
            etablissements: plural(ctx.etabs.length, "établissement", "établissements"),
            constats: plural(ctx.constats.length, "constat", "constats"),
            n: nombre.format(DETAILS_MAX),
          }),
    },
  };
}
