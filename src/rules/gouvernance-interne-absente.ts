// Rules (C): collectivités with établissements and no standing internal governance of their digital project.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "gouvernance-interne-absente",
  group: "C",
  severity: "info",
  scope: "entity",
  appliesTo: ["collectivite"],
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      if (c.data.gouvernance_interne !== undefined) return;
      ctx.report({ on: { doc: c.doc }, pointer: "/gouvernance_interne", messageId: "absente", data: { collectivite: c.data.nom } });
    });
  },
});
