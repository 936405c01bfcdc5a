// Rules (B): académies that hold no délégué(e) à la protection des données (absent, null or vacant).
import { defineRule } from "../audit/rule.js";
import { isHeld } from "../model/territory.js";

export default defineRule({
  id: "academie-dpd-absent",
  group: "B",
  severity: "error",
  appliesTo: ["academie"],
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const p = a.data.dpd;
      if (isHeld(p)) return;
      const vacant = p !== undefined && p !== null && p.vacant === true;
      ctx.report({
        on: { doc: a.doc },
        pointer: "/dpd",
        messageId: vacant ? "vacant" : "absent",
        data: { academie: a.data.nom, code: a.data.code },
      });
    });
  },
});
