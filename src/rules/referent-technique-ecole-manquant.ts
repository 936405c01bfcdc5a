// Rules (D): public écoles whose référent technique is not held (info: communes often run a central help desk instead).
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "referent-technique-ecole-manquant",
  group: "D",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data) || e.data.type !== "ecole") return;
      const r = e.data.referent_technique;
      if (r === undefined || r === null) {
        ctx.report({ on: e, pointer: "/referent_technique", messageId: "absent" });
      } else if (r.vacant === true) {
        ctx.report({ on: e, pointer: "/referent_technique", messageId: "vacant" });
      }
    });
  },
});
