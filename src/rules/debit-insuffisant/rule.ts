// Rules (G): public établissements whose internet bandwidth is below the minimum for their type (EPLE or école).
import { defineRule } from "../../audit/rule.js";
import { isEple, isPublic } from "../../model/territory.js";
import { formatNombre } from "../../core/numbers.js";

export default defineRule({
  id: "debit-insuffisant",
  group: "G",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Le débit internet d'un établissement doit atteindre le minimum retenu pour une école ou un EPLE.",
  messages: {
    eple:
      "Débit internet de {debit} Mbit/s, inférieur au minimum de {minimum} Mbit/s retenu pour un EPLE — collège, lycée, lycée professionnel ou EREA (option « {option} »).",
    ecole: "Débit internet de {debit} Mbit/s, inférieur au minimum de {minimum} Mbit/s retenu pour une école (option « {option} »).",
  },
  options: {
    debit_min_mbps_eple: {
      type: "number",
      default: 100,
      description: "Débit minimal attendu (en Mbit/s) pour un collège, un lycée, un lycée professionnel ou un EREA.",
    },
    debit_min_mbps_ecole: {
      type: "number",
      default: 30,
      description: "Débit minimal attendu (en Mbit/s) pour une école.",
    },
  },
  check(ctx) {
    // Public établissements only: a private établissement's network is not the collectivité's duty.
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const debit = e.data.reseau?.debit_mbps;
      if (debit === undefined) return;
      const eple = isEple(e.data);
      const minimum = Number(eple ? ctx.options.debit_min_mbps_eple : ctx.options.debit_min_mbps_ecole);
      if (debit >= minimum) return;
      ctx.report({
        on: e,
        pointer: "/reseau/debit_mbps",
        messageId: eple ? "eple" : "ecole",
        data: { debit: formatNombre(debit), minimum: formatNombre(minimum), option: eple ? "debit_min_mbps_eple" : "debit_min_mbps_ecole" },
      });
    });
  },
});
