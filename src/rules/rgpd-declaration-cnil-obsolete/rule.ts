// Rules (H): public écoles and EPLE that still list prior CNIL declarations (abolished on 2018-05-25).
import { defineRule } from "../../audit/rule.js";
import { isPublic } from "../../model/territory.js";

export default defineRule({
  id: "rgpd-declaration-cnil-obsolete",
  group: "H",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Les déclarations préalables à la CNIL n'existent plus depuis le 25 mai 2018 : le registre des traitements les remplace.",
  messages: {
    obsolete:
      "« rgpd.declarations_cnil » fait référence aux déclarations préalables à la CNIL, supprimées depuis le 25 mai 2018 : reportez ces traitements dans le registre des activités de traitement et retirez la clé.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      // Present means the key is there, whatever its value (null, false or an empty list included).
      const rgpd = e.data.rgpd;
      if (rgpd && Object.prototype.hasOwnProperty.call(rgpd, "declarations_cnil")) {
        ctx.report({ on: e, pointer: "/rgpd/declarations_cnil", messageId: "obsolete" });
      }
    });
  },
});
