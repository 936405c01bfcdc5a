// Rules (B): académies without a held DAN, or without a declared DSI (one finding per missing role); the recteur is academie-recteur-absent.
import { defineRule } from "../audit/rule.js";
import { isHeld } from "../model/territory.js";

export default defineRule({
  id: "academie-pilotage-incomplet",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const data = { academie: a.data.nom, code: a.data.code };
      for (const role of ["dan"] as const) {
        const p = a.data[role];
        if (isHeld(p)) continue;
        const vacant = p !== undefined && p !== null && p.vacant === true;
        ctx.report({ on: { doc: a.doc }, pointer: `/${role}`, messageId: `${role}${vacant ? "Vacant" : "Absent"}`, data });
      }
      if (a.data.dsi === undefined) {
        ctx.report({ on: { doc: a.doc }, pointer: "/dsi", messageId: "dsiAbsente", data });
      }
    });
  },
});
