// Rules (C): collectivités with établissements and no standing exchange with their bâtiment service (absent or false).
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "cooperation-batiment-absente",
  group: "C",
  severity: "info",
  scope: "entity",
  appliesTo: ["collectivite"],
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      const value = c.data.cooperation_batiment;
      if (value === true) return;
      ctx.report({
        on: { doc: c.doc },
        pointer: "/cooperation_batiment",
        messageId: value === false ? "non" : "absente",
        data: { collectivite: c.data.nom },
      });
    });
  },
});
