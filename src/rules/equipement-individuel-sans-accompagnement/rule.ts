// Rules (C): collectivités that give devices to pupils without saying who supports their use.
import { defineRule } from "../../audit/rule.js";

export default defineRule({
  id: "equipement-individuel-sans-accompagnement",
  group: "C",
  severity: "info",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "equipment"],
  summary: "Une collectivité qui remet des équipements aux élèves doit dire qui accompagne leur usage.",
  messages: {
    sansAccompagnement:
      "La collectivité « {collectivite} » remet des équipements aux élèves{dispositif} sans dire qui accompagne leur usage : renseignez « accompagnement » (par exemple un assistant d'éducation par collège).",
  },
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      const equipement = c.data.equipement_individuel;
      if (equipement === undefined) return;
      // A blank `accompagnement: ""` names nobody: it counts as absent.
      if (equipement.accompagnement !== undefined && equipement.accompagnement.trim() !== "") return;
      const dispositif = equipement.dispositif.trim();
      ctx.report({
        on: { doc: c.doc },
        pointer: "/equipement_individuel/accompagnement",
        messageId: "sansAccompagnement",
        data: { collectivite: c.data.nom, dispositif: dispositif ? ` (« ${dispositif} »)` : "" },
      });
    });
  },
});
