// Rules (B): académie concertation bodies (instances) with no meeting in the 12 months up to the audit date.
import { defineRule } from "../audit/rule.js";
import { joinPointer } from "../load/document.js";

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
        if (reunions.some((d) => depuis <= d && d <= ctx.date)) return;
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

/** The same day twelve months earlier; 29 February falls back to 28 February. */
function twelveMonthsBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const year = y - 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}
