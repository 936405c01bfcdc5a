// Rules (B): académies that hold no recteur (absent, null or vacant): the State's authority in the académie.
import { defineRule } from "../audit/rule.js";
import { isHeld } from "../model/territory.js";

export default defineRule({
  id: "academie-recteur-absent",
  group: "B",
  severity: "error",
  appliesTo: ["academie"],
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const p = a.data.recteur;
      if (isHeld(p)) return;
      const vacant = p !== undefined && p !== null && p.vacant === true;
      ctx.report({ on: { doc: a.doc }, pointer: "/recteur", messageId: vacant ? "vacant" : "absent", data: { academie: a.data.nom, code: a.data.code } });
    });
  },
});
