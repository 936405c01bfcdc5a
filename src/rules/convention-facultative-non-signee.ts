// Rules (E): each party of a convention no law requires (ecole_commune, academie_collectivite, autre) that has not signed it.
import { defineRule } from "../audit/rule.js";
import { CONVENTIONS_LEGALES, reportUnsigned } from "./convention-non-signee.js";

export default defineRule({
  id: "convention-facultative-non-signee",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      if (!CONVENTIONS_LEGALES.has(c.data.type)) reportUnsigned(ctx, c);
    });
  },
});
