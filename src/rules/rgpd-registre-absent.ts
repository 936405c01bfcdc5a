// Rules (H): public EPLE that do not declare keeping the RGPD registre des activités de traitement.
import { defineRule } from "../audit/rule.js";
import { isEple, isPublic } from "../model/territory.js";

export default defineRule({
  id: "rgpd-registre-absent",
  group: "H",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      // Écoles are left out: their responsable de traitement is the DASEN (one registre per département).
      if (!isPublic(e.data) || !isEple(e.data)) return;
      const rgpd = e.data.rgpd;
      if (rgpd === undefined) ctx.report({ on: e, pointer: "/rgpd/registre_traitements", messageId: "absent" });
      else if (rgpd.registre_traitements !== true) ctx.report({ on: e, pointer: "/rgpd/registre_traitements", messageId: "faux" });
    });
  },
});
