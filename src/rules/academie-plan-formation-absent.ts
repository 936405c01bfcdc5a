// Rules (B): académies that declare no training plan (plan_formation) for staff using the collectivités' equipment.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "academie-plan-formation-absent",
  group: "B",
  severity: "info",
  appliesTo: ["academie"],
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      if (a.data.plan_formation !== undefined) return;
      ctx.report({ on: { doc: a.doc }, pointer: "/plan_formation", messageId: "absent", data: { academie: a.data.nom, code: a.data.code } });
    });
  },
});
