// Rules (G): public établissements whose devices are older than the collectivité's renewal age (else the rule's option).
import { defineRule } from "../audit/rule.js";
import { formatNombre, formatPourcentage } from "../core/numbers.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "equipement-obsolete",
  group: "G",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement", "collectivite"],
  options: {
    age_max_ans: {
      type: "number",
      default: 6,
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
      const lots = e.data.equipements ?? [];
      const total = lots.reduce((n, l) => n + l.nombre, 0);
      if (total === 0) return;
      const collectivite = ctx.territory.collectiviteOf(e);
      const ageCollectivite = collectivite?.data.renouvellement?.age_max_ans;
      const ageMax = ageCollectivite ?? Number(ctx.options.age_max_ans);
      const obsoletes = lots.filter((l) => annee - l.annee_mise_en_service > ageMax).reduce((n, l) => n + l.nombre, 0);
      if (obsoletes === 0) return;
      ctx.report({
        on: e,
        pointer: "/equipements",
        messageId: ageCollectivite !== undefined ? "obsoletesCollectivite" : "obsoletesDefaut",
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
