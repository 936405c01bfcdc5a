// Rules (H): public écoles and EPLE whose internet access is not declared filtered.
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "filtrage-absent",
  group: "H",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const securite = e.data.securite;
      if (securite === undefined) ctx.report({ on: e, pointer: "/securite/filtrage", messageId: "absent" });
      else if (securite.filtrage !== true) ctx.report({ on: e, pointer: "/securite/filtrage", messageId: "faux" });
    });
  },
});
