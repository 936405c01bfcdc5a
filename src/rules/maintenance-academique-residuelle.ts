// Rules (B): maintenance the rectorat still does (maintenance_residuelle) without a convention framing it.
import { defineRule } from "../audit/rule.js";
import { enumerate } from "./helpers.js";

export default defineRule({
  id: "maintenance-academique-residuelle",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const m = a.data.maintenance_residuelle;
      if (m === undefined || m.convention !== undefined) return;
      const niveaux = [...m.niveaux].sort((x, y) => x - y).map(String);
      const messageId = niveaux.length === 0 ? "sansNiveau" : niveaux.length === 1 ? "niveau" : "niveaux";
      ctx.report({
        on: { doc: a.doc },
        pointer: "/maintenance_residuelle/convention",
        messageId,
        data: { academie: a.data.nom, code: a.data.code, niveaux: enumerate(niveaux) },
      });
    });
  },
});
