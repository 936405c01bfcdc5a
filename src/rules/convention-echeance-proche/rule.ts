// Rules (E): conventions in force whose end falls within the next `jours` days (audit date and last day included).
import { defineRule } from "../../audit/rule.js";
import { echeance } from "../../model/territory.js";

export default defineRule({
  id: "convention-echeance-proche",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "document",
  summary: "Une convention en vigueur qui arrive bientôt à échéance doit être renégociée avant de cesser de s'appliquer.",
  messages: {
    proche: "La convention « {id} » prend fin le {fin}, dans {jours} jours : préparez son renouvellement avec les autres parties avant cette date.",
    demain: "La convention « {id} » prend fin demain, le {fin} : préparez son renouvellement avec les autres parties sans attendre.",
    aujourdhui: "La convention « {id} » prend fin aujourd'hui, le {fin} : elle cesse de s'appliquer demain ; renouvelez-la avec les autres parties.",
  },
  options: {
    jours: {
      type: "number",
      default: 90,
      description: "Nombre de jours avant la date de fin d'une convention en vigueur à partir duquel il faut préparer son renouvellement (le jour de l'audit et le dernier jour compris).",
    },
  },
  check(ctx) {
    const jours = Number(ctx.options.jours);
    ctx.each(ctx.territory.conventions, (c) => {
      const e = echeance(c.data, ctx.date);
      if (!e || !e.enVigueur || e.joursRestants < 0 || e.joursRestants > jours) return;
      const messageId = e.joursRestants === 0 ? "aujourdhui" : e.joursRestants === 1 ? "demain" : "proche";
      ctx.report({ on: c, pointer: "/fin", messageId, data: { id: c.id, fin: e.fin, jours: e.joursRestants } });
    });
  },
});
