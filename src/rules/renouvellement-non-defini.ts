// Rules (C): collectivités with établissements and no equipment renewal policy.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "renouvellement-non-defini",
  group: "C",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite"],
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      if (c.data.renouvellement !== undefined) return;
      ctx.report({ on: { doc: c.doc }, pointer: "/renouvellement", messageId: "absent", data: { collectivite: c.data.nom } });
    });
  },
});
