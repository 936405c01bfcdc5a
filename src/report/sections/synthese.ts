// Report section « synthèse »: the key figures, the findings by theme, and the ten most frequent gaps with where they concentrate.
import { SEVERITIES } from "../../core/finding.js";
import type { CollectiviteEntity, EtablissementEntity } from "../../model/territory.js";
import type { ReportContext } from "../context.js";
import { countOf, groupLabel, label, nombre, plural, shareText } from "../text.js";
import type { ConstatVM, EcartFrequentVM, RapportVM, SyntheseVM, ThemeVM } from "../vm-types.js";

const GROUPS = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];

/** The largest share of a list of keys, as « libellé : 64 % », when there are at least two distinct keys or one covers all. */
function top(keys: readonly string[], name: (k: string) => string): string | undefined {
  if (keys.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const [k, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return label("ecarts.part", { libelle: name(k), part: shareText(n, keys.length) });
}

function ecartsFrequents(ctx: ReportContext): EcartFrequentVM[] {
  const byRule = new Map<string, Array<{ entity: string; vm: ConstatVM }>>();
  for (const { f, vm } of ctx.constats) {
    const l = byRule.get(f.ruleId) ?? [];
    l.push({ entity: f.entity, vm });
    byRule.set(f.ruleId, l);
  }
  const severalDeps = new Set(ctx.etabs.map((e) => ctx.departement(e) ?? "?")).size > 1;
  return [...byRule.entries()]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([, list], i) => {
      const entities = [...new Set(list.map((x) => x.entity))];
      const etabs = entities.map((r) => ctx.t.byRef.get(r)).filter((e): e is EtablissementEntity => e?.kind === "etablissement");
      const colls = entities.map((r) => ctx.t.byRef.get(r)).filter((e): e is CollectiviteEntity => e?.kind === "collectivite");
      const parts: string[] = [];
      const typeEtab = top(
        etabs.map((e) => e.data.type),
        (k) => label(`typeEtablissementPluriel.${k}`),
      );
      if (typeEtab) parts.push(typeEtab);
      if (severalDeps && etabs.length > 0) {
        const dep = top(
          etabs.map((e) => ctx.departement(e) ?? "?"),
          (k) => (k === "?" ? label("departementInconnu") : ctx.departementNom(k)),
        );
        if (dep) parts.push(dep);
      }
      const typeColl = top(
        colls.map((c) => c.data.type),
        (k) => label(`typeCollectivitePluriel.${k}`),
      );
      if (typeColl) parts.push(typeColl);
      return {
        rang: i + 1,
        regle: list[0].vm.regle,
        constats: countOf(list.map((x) => x.vm)),
        entites: entities.length,
        concentration: parts.length > 0 ? parts.join(" ; ") : label("ecarts.sansConcentration"),
      };
    });
}

export function buildSynthese(ctx: ReportContext): Partial<RapportVM> {
  const vms = ctx.constats.map((c) => c.vm);
  const themes: ThemeVM[] = GROUPS.map((g) => ({ groupe: g, libelle: groupLabel(g), ...countOf(vms.filter((c) => c.regle.groupe === g)) })).filter(
    (th) => th.total > 0 || !["A", "I"].includes(th.groupe),
  );
  const total = countOf(vms);
  const pubCount = ctx.publics.length;
  const synthese: SyntheseVM = {
    ...total,
    masques: ctx.suppressed.length,
    fichiers: ctx.result.summary.files,
    documents: ctx.result.summary.documents,
    collectivites: ctx.scope.collectivites.length,
    etablissements: ctx.etabs.length,
    etablissementsPublics: pubCount,
    conventions: ctx.scope.conventions.length,
    phrase:
      total.total === 0
        ? label("synthese.phraseAucun")
        : label("synthese.phrase", {
            constats: plural(total.total, "constat", "constats"),
            erreurs: plural(total.erreurs, "erreur", "erreurs"),
            avertissements: plural(total.avertissements, "avertissement", "avertissements"),
            infos: plural(total.infos, "information", "informations"),
          }),
    phraseMasques:
      ctx.suppressed.length === 0 ? null : ctx.suppressed.length === 1 ? label("synthese.phraseMasquesUn") : label("synthese.phraseMasques", { n: nombre.format(ctx.suppressed.length) }),
    territoire: label("synthese.territoire", {
      collectivites: plural(ctx.scope.collectivites.length, "collectivité", "collectivités"),
      etablissements: plural(ctx.etabs.length, "établissement", "établissements"),
      publics: nombre.format(pubCount),
      eple: plural(ctx.eplePublics.length, "EPLE", "EPLE"),
      ecoles: plural(ctx.publics.filter((e) => e.data.type === "ecole").length, "école", "écoles"),
      conventions: plural(ctx.scope.conventions.length, "convention", "conventions"),
    }),
    parSeverite: SEVERITIES.map((s) => ({ severite: s, libelle: label(`severitePluriel.${s}`), nombre: s === "error" ? total.erreurs : s === "warning" ? total.avertissements : total.infos })),
  };
  return { synthese, themes, ecartsFrequents: ecartsFrequents(ctx) };
}
