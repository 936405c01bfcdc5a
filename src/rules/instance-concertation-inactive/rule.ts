// Rules (B): académie concertation bodies (instances) with no meeting in the 12 months up to the audit date.
import { defineRule } from "../../audit/rule.js";
import { joinPointer } from "../../load/document.js";
import { twelveMonthsBefore } from "../../model/territory.js";
import { isInstanceActive } from "../../model/facts.js";

export default defineRule({
  id: "instance-concertation-inactive",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  phase: "document",
  summary: "Chaque instance de concertation d'une académie doit s'être réunie dans les 12 mois précédant la date d'audit.",
  messages: {
    sansReunion:
      "L'instance « {instance} » ({id}) n'a aucune réunion déclarée (clé « reunions » absente ou vide) : aucune réunion entre le {depuis} et le {date}.",
    derniereAncienne:
      "L'instance « {instance} » ({id}) ne s'est pas réunie entre le {depuis} et le {date} (les 12 mois précédant la date d'audit) : sa dernière réunion date du {derniere}.",
    seulementAVenir:
      "L'instance « {instance} » ({id}) ne s'est pas réunie entre le {depuis} et le {date} : sa prochaine réunion déclarée, le {prochaine}, est postérieure à la date d'audit.",
  },
  check(ctx) {
    const depuis = twelveMonthsBefore(ctx.date);
    ctx.each(ctx.territory.academies, (a) => {
      (a.data.instances ?? []).forEach((instance, i) => {
        const reunions = instance.reunions ?? [];
        if (isInstanceActive(reunions, ctx.date)) return;
        const passees = reunions.filter((d) => d < depuis).sort();
        const aVenir = reunions.filter((d) => d > ctx.date).sort();
        const data: Record<string, string> = { instance: instance.nom, id: instance.id, date: ctx.date, depuis };
        let messageId: "sansReunion" | "derniereAncienne" | "seulementAVenir" = "sansReunion";
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

