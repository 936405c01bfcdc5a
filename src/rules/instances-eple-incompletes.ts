// Rules (D): public EPLE whose conseil pédagogique or conseil d'administration is not declared as existing (one finding per body).
import { defineRule } from "../audit/rule.js";
import { isEple, isPublic } from "../model/territory.js";

const BODIES = [
  { key: "conseil_pedagogique", absent: "conseilPedagogiqueAbsent", inexistant: "conseilPedagogiqueInexistant" },
  { key: "conseil_administration", absent: "conseilAdministrationAbsent", inexistant: "conseilAdministrationInexistant" },
] as const;

export default defineRule({
  id: "instances-eple-incompletes",
  group: "D",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data) || !isEple(e.data)) return;
      for (const b of BODIES) {
        const body = e.data.instances?.[b.key];
        if (body === undefined) ctx.report({ on: e, pointer: `/instances/${b.key}`, messageId: b.absent });
        else if (body.existe !== true) ctx.report({ on: e, pointer: `/instances/${b.key}/existe`, messageId: b.inexistant });
      }
    });
  },
});
