// Rules (E): public EPLE without an eple_collectivite convention with their collectivité de rattachement (L.421-23 II).
import { defineRule } from "../../audit/rule.js";
import { isEple, isGereParEtat, isPublic } from "../../model/territory.js";
import { enumerate, label } from "../helpers.js";

export default defineRule({
  id: "convention-manquante",
  group: "E",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement", "convention"],
  phase: "territory",
  facts: ["ids", "references"],
  summary: "Un EPLE public doit avoir une convention avec sa collectivité de rattachement (Code de l'éducation, L.421-23 II).",
  messages: {
    absente:
      "« {nom} » ({uai}) n'a aucune convention « eple_collectivite » dont les parties comprennent l'établissement et sa collectivité de rattachement, {collectivite}.",
    autreCollectivite:
      "« {nom} » ({uai}) n'a aucune convention « eple_collectivite » avec sa collectivité de rattachement, {collectivite} ; convention(s) « eple_collectivite » avec une autre collectivité : {conventions}.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      // `collectivite: etat` (Mayotte): no collectivité de rattachement, so no such convention.
      if (!isEple(e.data) || !isPublic(e.data) || !e.data.collectivite || isGereParEtat(e.data)) return;
      const collectivite = `collectivite:${e.data.collectivite}`;
      // The rule's statement asks for a convention whose parties include both; signed or in force is not required.
      const eple = ctx.territory.conventionsOf(e.ref).filter((c) => c.data.type === "eple_collectivite");
      if (eple.some((c) => c.data.parties.includes(collectivite))) return;
      const data = { nom: e.data.nom, uai: e.data.uai, collectivite: label(ctx.territory, collectivite) };
      const autres = eple.filter((c) => c.data.parties.some((p) => p.startsWith("collectivite:")));
      if (autres.length > 0) {
        ctx.report({ on: e, pointer: "", messageId: "autreCollectivite", data: { ...data, conventions: enumerate(autres.map((c) => c.id)) } });
      } else {
        ctx.report({ on: e, pointer: "", messageId: "absente", data });
      }
    });
  },
});

