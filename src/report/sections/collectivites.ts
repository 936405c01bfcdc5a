// Report section « collectivités »: each collectivité with its établissements and findings, the conformity by
// collectivité and by group, the ranking by gaps to act on, and whether the detail is in this report.
import { DETAILS_MAX, type ReportContext } from "../context.js";
import { anchor, byCollectivite, byConstat, countOf, label, nombre, norm, percentText, plural, ratio } from "../text.js";
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

export function buildCollectivites(ctx: ReportContext): Partial<RapportVM> {
  const etabsByColl = new Map<string, EtablissementVM[]>();
  for (const e of ctx.etabs) {
    const c = ctx.t.collectiviteOf(e);
    if (!c) continue;
    const l = etabsByColl.get(c.ref) ?? [];
    l.push(ctx.etablissements.get(e.ref)!);
    etabsByColl.set(c.ref, l);
  }
  const oui = label("oui");
  const non = label("non");
  const collectivites: CollectiviteVM[] = [...ctx.scope.collectivites].sort(byCollectivite).map((c) => {
    const d = c.data;
    const nom = norm(d.nom);
    const own = (ctx.placement.byEntity.get(c.ref) ?? []).sort(byConstat);
    const conv = (ctx.placement.conventionsByCollectivite.get(c.ref) ?? []).sort(byConstat);
    const ets = etabsByColl.get(c.ref) ?? [];
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
        concertation: ctx.actifs.has(c.ref) ? oui : non,
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
  });
  const conformite = collectivites.filter((c) => c.conformite.etablissements > 0).map((c) => c.conformite);

  const mode = ctx.options.details ?? "auto";
  const inclus = mode === "toujours" || (mode === "auto" && ctx.etabs.length <= DETAILS_MAX);

  // Conformity by group: by département when there are several, else by type of établissement.
  const departements = [...new Set(ctx.etabs.map((e) => ctx.departement(e) ?? "?"))].sort();
  const parDepartement = departements.length > 1;
  const groups = new Map<string, { nom: string; ets: EtablissementVM[] }>();
  for (const e of ctx.etabs) {
    const key = parDepartement ? (ctx.departement(e) ?? "?") : e.data.type;
    const nom = parDepartement ? (key === "?" ? label("departementInconnu") : `${ctx.departementNom(key)} (${key})`) : label(`typeEtablissementPluriel.${e.data.type}`);
    const g = groups.get(key) ?? { nom, ets: [] };
    g.ets.push(ctx.etablissements.get(e.ref)!);
    groups.set(key, g);
  }
  const lignesGroupe = [...groups.entries()]
    .map(([key, g]) => conformiteOf(key, g.nom, "", g.ets, countOf(g.ets.flatMap((e) => e.constats))))
    .filter((c) => c.etablissements > 0)
    .slice(0, 25);

  // Ranking: errors first, then warnings, then all findings.
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

  const totalConstats = ctx.constats.length;
  return {
    collectivites,
    conformite,
    conformiteParGroupe: {
      entete: label(parDepartement ? "colonne.departement" : "colonne.typeEtablissement"),
      groupe: label(parDepartement ? "regroupement.departement" : "regroupement.typeEtablissement"),
      lignes: lignesGroupe,
    },
    classement: { premieres, autres: rest.length, distribution },
    details: {
      inclus,
      texte: inclus
        ? null
        : label("details.ailleurs", {
            collectivites: plural(collectivites.length, "collectivité", "collectivités"),
            etablissements: plural(ctx.etabs.length, "établissement", "établissements"),
            constats: plural(totalConstats, "constat", "constats"),
            n: nombre.format(DETAILS_MAX),
          }),
    },
  };
}
