// Rules (D): a derogatory attachment (cité scolaire, delegation) with no convention naming the arrangement.
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "rattachement-derogatoire-sans-convention",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const r = e.data.rattachement_derogatoire;
      // A transfer of competence is made by law or decree, not by an agreement between collectivités.
      if (!r || (r.motif !== "cite_scolaire" && r.motif !== "delegation") || r.convention) return;
      ctx.report({
        on: e,
        pointer: "/rattachement_derogatoire",
        messageId: r.motif === "cite_scolaire" ? "citeScolaire" : "delegation",
        data: { collectivite: e.data.collectivite ?? "" },
      });
    });
  },
});
