// Rules (E): conventions whose end date is before the audit date.
import { defineRule } from "../../audit/rule.js";

export default defineRule({
  id: "convention-expiree",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "document",
  summary: "Une convention ne doit pas être échue à la date d'audit.",
  messages: {
    expiree:
      "La convention « {id} » a pris fin le {fin}, avant la date d'audit ({date}) : renouvelez-la, ou retirez ce document si une autre convention l'a remplacée.",
  },
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      const fin = c.data.fin;
      // A convention ending on the audit date is still in force that day (docs/format.md, « Conventions : signée, en vigueur »).
      if (fin === undefined || fin >= ctx.date) return;
      ctx.report({ on: c, pointer: "/fin", messageId: "expiree", data: { id: c.id, fin, date: ctx.date } });
    });
  },
});
