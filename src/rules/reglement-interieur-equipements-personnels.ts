// Rules (H): public écoles and EPLE whose règlement intérieur is missing or does not rule the use of personal devices (L.511-5).
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "reglement-interieur-equipements-personnels",
  group: "H",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const ri = e.data.reglement_interieur;
      if (ri === undefined) ctx.report({ on: e, pointer: "/reglement_interieur", messageId: "absent" });
      else if (ri.equipements_personnels !== true) {
        ctx.report({ on: e, pointer: "/reglement_interieur/equipements_personnels", messageId: "faux" });
      }
    });
  },
});
