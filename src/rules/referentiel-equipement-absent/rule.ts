// Rules (C): collectivités with établissements and no référentiel d'équipement, or one explicitly not built on a needs analysis.
import { defineRule } from "../../audit/rule.js";

export default defineRule({
  id: "referentiel-equipement-absent",
  group: "C",
  severity: "info",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "equipment"],
  summary: "Une collectivité qui a des établissements doit disposer d'un référentiel d'équipement fondé sur une analyse des besoins.",
  messages: {
    absent:
      "La collectivité « {collectivite} » n'a pas de référentiel d'équipement de ses établissements : ajoutez « referentiel_equipement » (référence, date d'adoption, analyse des besoins).",
    sansAnalyse:
      "Le référentiel d'équipement de la collectivité « {collectivite} »{reference} ne repose pas sur une analyse des besoins des établissements (analyse_besoins: false).",
  },
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      const referentiel = c.data.referentiel_equipement;
      if (referentiel === undefined) {
        ctx.report({ on: { doc: c.doc }, pointer: "/referentiel_equipement", messageId: "absent", data: { collectivite: c.data.nom } });
        return;
      }
      // Only an explicit `false` counts: an absent `analyse_besoins` says nothing either way (the rule's page).
      if (referentiel.analyse_besoins !== false) return;
      const reference = referentiel.reference?.trim();
      ctx.report({
        on: { doc: c.doc },
        pointer: "/referentiel_equipement/analyse_besoins",
        messageId: "sansAnalyse",
        data: { collectivite: c.data.nom, reference: reference ? ` (« ${reference} »)` : "" },
      });
    });
  },
});
