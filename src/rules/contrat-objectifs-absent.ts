// Rules (E): public EPLE party to no contrat d'objectifs in force on the audit date (L.421-4).
import { defineRule } from "../audit/rule.js";
import { isEple, isInForce, isPublic } from "../model/territory.js";
import { enumerate } from "./helpers.js";

export default defineRule({
  id: "contrat-objectifs-absent",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement", "convention"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isEple(e.data) || !isPublic(e.data)) return;
      const contrats = ctx.territory.conventionsOf(e.ref).filter((c) => c.data.type === "contrat_objectifs");
      if (contrats.some((c) => isInForce(c.data, ctx.date))) return;
      const data = { nom: e.data.nom, uai: e.data.uai };
      if (contrats.length === 0) ctx.report({ on: e, pointer: "", messageId: "absent", data });
      else ctx.report({ on: e, pointer: "", messageId: "horsVigueur", data: { ...data, date: ctx.date, conventions: enumerate(contrats.map((c) => c.id)) } });
    });
  },
});
