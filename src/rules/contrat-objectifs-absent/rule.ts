// Rules (E): public EPLE party to no contrat d'objectifs in force on the audit date (L.421-4).
import { defineRule } from "../../audit/rule.js";
import { isEple, isInForce, isPublic } from "../../model/territory.js";
import { enumerate } from "../helpers.js";

export default defineRule({
  id: "contrat-objectifs-absent",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement", "convention"],
  phase: "territory",
  facts: ["ids", "references", "conventions"],
  summary: "Un EPLE public doit être partie d'un contrat d'objectifs en vigueur à la date d'audit.",
  messages: {
    absent: "« {nom} » ({uai}) n'est partie d'aucun contrat d'objectifs avec l'académie (convention « contrat_objectifs »).",
    horsVigueur:
      "« {nom} » ({uai}) n'a aucun contrat d'objectifs en vigueur le {date} ; hors vigueur à cette date (échu ou pas encore commencé) : {conventions}.",
  },
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
