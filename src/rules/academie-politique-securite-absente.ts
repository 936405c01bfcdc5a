// Rules (B): académies that declare no security policy (politique_securite) for the collectivités to implement.
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "academie-politique-securite-absente",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      if (a.data.politique_securite !== undefined) return;
      ctx.report({ on: { doc: a.doc }, pointer: "/politique_securite", messageId: "absente", data: { academie: a.data.nom, code: a.data.code } });
    });
  },
});
