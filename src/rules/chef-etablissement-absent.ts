// Rules (D): public établissements whose chef d'établissement (or directeur d'école) is not held.
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "chef-etablissement-absent",
  group: "D",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const chef = e.data.direction?.chef;
      if (chef === undefined || chef === null) {
        ctx.report({ on: e, pointer: "/direction/chef", messageId: "absent" });
      } else if (chef.vacant === true) {
        ctx.report({ on: e, pointer: "/direction/chef", messageId: "vacant" });
      }
    });
  },
});
