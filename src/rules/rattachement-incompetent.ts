// Rules (D): public établissements attached to a collectivité that lacks the competence for their type.
import { defineRule } from "../audit/rule.js";
import { competenceFor, competences, isPublic } from "../model/territory.js";
import { enumerate } from "./helpers.js";

export default defineRule({
  id: "rattachement-incompetent",
  group: "D",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement", "collectivite"],
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      // An unknown collectivité is reference-inconnue's finding, not this rule's.
      const c = ctx.territory.collectiviteOf(e);
      if (!c) return;
      const needed = competenceFor(e.data);
      const held = competences(c.data);
      if (held.includes(needed)) return;
      const data = { type: e.data.type, collectivite: c.id, competence: needed };
      if (held.length === 0) ctx.report({ on: e, pointer: "/collectivite", messageId: "sansCompetence", data });
      else ctx.report({ on: e, pointer: "/collectivite", messageId: "incompetent", data: { ...data, competences: enumerate(held) } });
    });
  },
});
