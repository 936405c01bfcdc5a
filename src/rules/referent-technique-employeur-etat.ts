// Rules (D): a held référent technique employed by the State or holding the role through a décharge (a collectivité charge since 2013).
import { defineRule } from "../audit/rule.js";
import { isGereParEtat, isHeld, isPublic } from "../model/territory.js";

export default defineRule({
  id: "referent-technique-employeur-etat",
  group: "D",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      // Where the State manages the EPLE itself (Mayotte), a State employee is the expected référent.
      if (!isPublic(e.data) || isGereParEtat(e.data)) return;
      const r = e.data.referent_technique;
      // A vacant or absent role is referent-technique-manquant's concern: nobody holds it to be judged here.
      if (!isHeld(r) || !r) return;
      const etat = r.employeur === "etat";
      const heures = r.decharge_heures ?? 0;
      const decharge = heures > 0;
      if (!etat && !decharge) return;
      // One finding for the role, at the role itself, whichever condition (or both) holds.
      const messageId = etat && decharge ? "etatEtDecharge" : etat ? "etat" : "decharge";
      ctx.report({ on: e, pointer: "/referent_technique", messageId, data: decharge ? { heures } : {} });
    });
  },
});
