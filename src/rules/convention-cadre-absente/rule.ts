// Rules (E): collectivités with établissements that are party to no academie_collectivite framework convention.
import { defineRule } from "../../audit/rule.js";

export default defineRule({
  id: "convention-cadre-absente",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite", "convention"],
  phase: "territory",
  facts: ["ids", "references"],
  summary: "Une collectivité qui a des établissements dans le territoire doit être partie d'une convention cadre avec l'académie.",
  messages: {
    absente:
      "« {nom} » ({ref}) a {nombre} établissement(s) dans le territoire mais n'est partie d'aucune convention cadre avec l'académie (convention « academie_collectivite »).",
  },
  check(ctx) {
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      if (ctx.territory.conventionsOf(c.ref).some((conv) => conv.data.type === "academie_collectivite")) return;
      const nombre = ctx.territory.etablissementsOf(c).length;
      ctx.report({ on: c, pointer: "", messageId: "absente", data: { nom: c.data.nom, ref: c.ref, nombre } });
    });
  },
});
