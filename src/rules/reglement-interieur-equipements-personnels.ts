// Rules (H): public écoles and EPLE whose règlement intérieur is missing or does not rule the use of personal devices.
// L.511-5: a ban by law in écoles and collèges (the RI sets its exceptions); in lycées the RI may ban the use.
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "reglement-interieur-equipements-personnels",
  group: "H",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      // Écoles and collèges: L.511-5 al. 1; lycées, LP and EREA: al. 2.
      const cas = e.data.type === "ecole" || e.data.type === "college" ? "Interdiction" : "Lycee";
      const ri = e.data.reglement_interieur;
      if (ri === undefined) ctx.report({ on: e, pointer: "/reglement_interieur", messageId: `absent${cas}` });
      else if (ri.equipements_personnels !== true) {
        ctx.report({ on: e, pointer: "/reglement_interieur/equipements_personnels", messageId: `faux${cas}` });
      }
    });
  },
});
