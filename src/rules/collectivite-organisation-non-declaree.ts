// Rules (C): collectivités with établissements that do not say which internal scheme carries digital equipment.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "collectivite-organisation-non-declaree",
  group: "C",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite"],
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      if (c.data.organisation !== undefined) return;
      ctx.report({ on: { doc: c.doc }, pointer: "/organisation", messageId: "absente", data: { collectivite: c.data.nom } });
    });
  },
});
