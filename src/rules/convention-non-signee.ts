// Rules (E): each party of a convention that has not signed it (no signature entry, or only undated ones).
import { defineRule } from "../audit/rule.js";
import { hasSigned } from "../model/territory.js";
import { joinPointer } from "../load/document.js";
import { label } from "./helpers.js";

export default defineRule({
  id: "convention-non-signee",
  group: "E",
  severity: "error",
  scope: "entity",
  appliesTo: ["convention"],
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      const signatures = c.data.signatures ?? [];
      const seen = new Set<string>();
      c.data.parties.forEach((partie, i) => {
        if (seen.has(partie)) return;
        seen.add(partie);
        if (hasSigned(c.data, partie)) return;
        const j = signatures.findIndex((s) => s.partie === partie);
        if (j < 0) {
          ctx.report({ on: c, pointer: joinPointer("parties", i), messageId: "sansSignature", data: { partie: label(ctx.territory, partie) } });
        } else {
          ctx.report({
            on: c,
            pointer: joinPointer("signatures", j, "date"),
            messageId: "nonDatee",
            data: { partie: label(ctx.territory, partie), role: signatures[j].role },
          });
        }
      });
    });
  },
});

