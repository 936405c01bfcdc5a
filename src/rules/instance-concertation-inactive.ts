// Rules (B): académie concertation bodies (instances) with no meeting in the 12 months up to the audit date.
import { defineRule } from "../audit/rule.js";
import { joinPointer } from "../load/document.js";
import { twelveMonthsBefore } from "../model/territory.js";
import { isInstanceActive } from "../model/facts.js";

export default defineRule({
  id: "instance-concertation-inactive",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  check(ctx) {
    const depuis = twelveMonthsBefore(ctx.date);
    ctx.each(ctx.territory.academies, (a) => {
      (a.data.instances ?? []).forEach((instance, i) => {
        const reunions = instance.reunions ?? [];
        if (isInstanceActive(reunions, ctx.date)) return;
        const passees = reunions.filter((d) => d < depuis).sort();
        const aVenir = reunions.filter((d) => d > ctx.date).sort();
        const data: Record<string, string> = { instance: instance.nom, id: instance.id, date: ctx.date, depuis };
        let messageId = "sansReunion";
        if (passees.length > 0) {
          messageId = "derniereAncienne";
          data.derniere = passees[passees.length - 1];
        } else if (aVenir.length > 0) {
          messageId = "seulementAVenir";
          data.prochaine = aVenir[0];
        }
        ctx.report({ on: { doc: a.doc }, pointer: joinPointer("instances", i), messageId, data });
      });
    });
  },
});

