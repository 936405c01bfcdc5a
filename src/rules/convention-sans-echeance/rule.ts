// Rules (E): conventions without an end date.
import { defineRule } from "../../audit/rule.js";

export default defineRule({
  id: "convention-sans-echeance",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "document",
  summary: "Une convention doit avoir une date d'échéance.",
  messages: {
    sansFin: "La convention « {id} » n'a pas de date de fin (fin) : fixez une échéance pour qu'elle soit réexaminée.",
  },
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      if (c.data.fin !== undefined) return;
      ctx.report({ on: c, pointer: "/fin", messageId: "sansFin", data: { id: c.id } });
    });
  },
});
