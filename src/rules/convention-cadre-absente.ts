// Rules (E): collectivités with établissements that are party to no academie_collectivite framework convention.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "convention-cadre-absente",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite", "convention"],
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      if (ctx.territory.conventionsOf(c.ref).some((conv) => conv.data.type === "academie_collectivite")) return;
      const nombre = ctx.territory.etablissementsOf(c).length;
      ctx.report({ on: c, pointer: "", messageId: "absente", data: { nom: c.data.nom, ref: c.ref, nombre } });
    });
  },
});
