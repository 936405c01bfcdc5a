// Rules (E): conventions without an end date.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "convention-sans-echeance",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["convention"],
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      if (c.data.fin !== undefined) return;
      ctx.report({ on: c, pointer: "/fin", messageId: "sansFin", data: { id: c.id } });
    });
  },
});
