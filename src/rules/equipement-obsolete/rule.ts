// Rules (G): public établissements whose devices are older than the collectivité's renewal age (else the rule's option).
import { defineRule } from "../../audit/rule.js";
import { formatNombre, formatPourcentage } from "../../core/numbers.js";
import { isPublic } from "../../model/territory.js";
import { DEFAULT_AGE_MAX_ANS, obsoleteDevices } from "../../model/facts.js";

export default defineRule({
  id: "equipement-obsolete",
  group: "G",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement", "collectivite"],
  phase: "territory",
  facts: ["ids", "references", "equipment"],
  summary: "Les équipements d'un établissement ne doivent pas dépasser l'âge de renouvellement fixé par sa collectivité (6 ans par défaut).",
  messages: {
    obsoletesCollectivite:
      "{obsoletes} sur {total} équipements ({part}) ont plus de {ageMax} ans (mis en service avant {anneeLimite}), l'âge de renouvellement fixé par la collectivité « {collectivite} » : prévoyez leur remplacement.",
    obsoletesDefaut:
      "{obsoletes} sur {total} équipements ({part}) ont plus de {ageMax} ans (mis en service avant {anneeLimite}), l'âge maximal retenu par défaut (option « age_max_ans ») faute d'âge fixé par la collectivité : prévoyez leur remplacement.",
  },
  options: {
    age_max_ans: {
      type: "number",
      default: DEFAULT_AGE_MAX_ANS,
      description:
        "Âge maximal (en années) d'un équipement quand la collectivité de rattachement ne fixe pas « renouvellement.age_max_ans » ; au-delà, il est compté comme obsolète.",
    },
  },
  check(ctx) {
    const annee = Number(ctx.date.slice(0, 4));
    // Public établissements only: a private établissement's equipment is not the collectivité's duty. A State-managed
    // EPLE (Mayotte) has no collectivité renewal age: the option's default applies.
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const { obsoletes, total, ageMax, ageDeLaCollectivite } = obsoleteDevices(ctx.territory, e, ctx.date, Number(ctx.options.age_max_ans));
      if (total === 0) return;
      const collectivite = ctx.territory.collectiviteOf(e);
      if (obsoletes === 0) return;
      ctx.report({
        on: e,
        pointer: "/equipements",
        messageId: ageDeLaCollectivite ? "obsoletesCollectivite" : "obsoletesDefaut",
        data: {
          obsoletes: formatNombre(obsoletes),
          total: formatNombre(total),
          part: formatPourcentage(obsoletes / total),
          ageMax,
          anneeLimite: annee - ageMax,
          collectivite: collectivite?.id ?? "",
        },
      });
    });
  },
});
