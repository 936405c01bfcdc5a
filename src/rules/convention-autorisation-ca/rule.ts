// Rules (E): EPLE conventions signed by the chef d'établissement without, or before, the conseil d'administration's authorisation.
import { defineRule } from "../../audit/rule.js";
import { label } from "../helpers.js";
import { CONVENTIONS_LEGALES, eachConventionOf } from "../checks.js";

export default defineRule({
  id: "convention-autorisation-ca",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "territory",
  facts: ["ids", "references", "conventions"],
  summary:
    "Le chef d'établissement ne signe une convention EPLE–collectivité ou un contrat d'objectifs qu'après l'autorisation du conseil d'administration.",
  messages: {
    absente:
      "Le chef d'établissement de {partie} a signé le {signature}, mais la convention n'indique pas quand le conseil d'administration l'y a autorisé (autorisation_ca_le).",
    posterieure:
      "Le conseil d'administration a autorisé la signature le {autorisation}, après celle du chef d'établissement de {partie} le {signature} : l'autorisation doit précéder la signature.",
  },
  check(ctx) {
    eachConventionOf(ctx, CONVENTIONS_LEGALES, (c) => {
      // The first dated signature of a chef d'établissement is the one the authorisation must precede.
      let first: { partie: string; date: string } | undefined;
      for (const s of c.data.signatures ?? []) {
        if (s.role !== "chef_etablissement" || typeof s.date !== "string") continue;
        if (!first || s.date < first.date) first = { partie: s.partie, date: s.date };
      }
      if (!first) return;
      const autorisation = c.data.autorisation_ca_le;
      const partie = label(ctx.territory, first.partie);
      if (autorisation === undefined) {
        ctx.report({ on: c, pointer: "/autorisation_ca_le", messageId: "absente", data: { partie, signature: first.date } });
      } else if (autorisation > first.date) {
        ctx.report({ on: c, pointer: "/autorisation_ca_le", messageId: "posterieure", data: { partie, signature: first.date, autorisation } });
      }
    });
  },
});

