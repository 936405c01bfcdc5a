// Rules (E): eple_collectivite conventions begun before the loi 3DS without the functional-authority clause.
import { defineRule } from "../audit/rule.js";

/** Promulgation of loi n° 2022-217 (3DS), whose art. 145 added the clause. */
const LOI_3DS = "2022-02-21";

export default defineRule({
  id: "convention-anterieure-3ds",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["convention"],
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      const debut = c.data.debut;
      if (c.data.type !== "eple_collectivite" || debut === undefined || debut >= LOI_3DS) return;
      const clause = c.data.clauses?.autorite_fonctionnelle;
      if (clause === true) return;
      const valeur = clause === undefined ? "absente" : `vaut ${String(clause)}`;
      ctx.report({ on: c, pointer: "/debut", messageId: "sansClause", data: { id: c.id, debut, valeur } });
    });
  },
});
