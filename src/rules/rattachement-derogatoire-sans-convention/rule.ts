// Rules (D): a derogatory attachment (cité scolaire, delegation) with no convention naming the arrangement.
import { defineRule } from "../../audit/rule.js";
import { isPublic } from "../../model/territory.js";

export default defineRule({
  id: "rattachement-derogatoire-sans-convention",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un rattachement dérogatoire par cité scolaire ou par délégation doit nommer la convention qui l'organise entre les collectivités.",
  messages: {
    citeScolaire:
      "L'établissement relève d'une cité scolaire gérée par la collectivité « {collectivite} » (« rattachement_derogatoire.motif: cite_scolaire »), sans convention nommée : l'arrangement entre les collectivités doit être écrit (Code de l'éducation, L.216-4). Indiquez-la dans « rattachement_derogatoire.convention ».",
    delegation:
      "L'établissement est géré par la collectivité « {collectivite} » par délégation de compétence (« rattachement_derogatoire.motif: delegation »), sans convention nommée : une délégation se fait par convention (CGCT, L.1111-8). Indiquez-la dans « rattachement_derogatoire.convention ».",
  },
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
