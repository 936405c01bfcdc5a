// Rules (D): public EPLE whose référent numérique is not held (écoles are not concerned).
import { defineRule } from "../audit/rule.js";
import { isEple, isPublic } from "../model/territory.js";

export default defineRule({
  id: "referent-numerique-manquant",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data) || !isEple(e.data)) return;
      const r = e.data.referent_numerique;
      if (r === undefined || r === null) {
        ctx.report({ on: e, pointer: "/referent_numerique", messageId: "absent" });
      } else if (r.vacant === true) {
        ctx.report({ on: e, pointer: "/referent_numerique", messageId: "vacant" });
      }
    });
  },
});
