// Rules (E): eple_collectivite conventions in force without the functional-authority clause that loi 2022-217 (3DS),
// art. 145, requires since 2022-02-23. Formerly `convention-anterieure-3ds` (still accepted as an alias).
import { defineRule } from "../audit/rule.js";
import { isInForce } from "../model/territory.js";

/** Entry into force of loi n° 2022-217 du 21 février 2022 (published in the JO of 22 February). */
export const LOI_3DS_EN_VIGUEUR = "2022-02-23";

export default defineRule({
  id: "convention-autorite-fonctionnelle-absente",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  check(ctx) {
    if (ctx.date < LOI_3DS_EN_VIGUEUR) return;
    ctx.each(ctx.territory.conventions, (c) => {
      if (c.data.type !== "eple_collectivite" || !isInForce(c.data, ctx.date)) return;
      const clause = c.data.clauses?.autorite_fonctionnelle;
      if (clause === true) return;
      if (clause === undefined) {
        // The missing key is reported at the mapping that should hold it: `clauses`, else the document.
        ctx.report({ on: c, pointer: c.data.clauses ? "/clauses" : "", messageId: "absente", data: { id: c.id } });
      } else {
        ctx.report({ on: c, pointer: "/clauses/autorite_fonctionnelle", messageId: "fausse", data: { id: c.id } });
      }
    });
  },
});
