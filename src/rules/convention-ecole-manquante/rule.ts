// Rules (E): public écoles whose commune is party to no ecole_commune convention.
import { defineRule } from "../../audit/rule.js";
import { isGereParEtat, isPublic, type CollectiviteEntity } from "../../model/territory.js";
import { label } from "../helpers.js";

export default defineRule({
  id: "convention-ecole-manquante",
  group: "E",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement", "convention"],
  phase: "territory",
  facts: ["ids", "references"],
  summary:
    "La collectivité d'une école publique (sa commune, ou l'EPCI qui en a la charge) doit être partie d'une convention numérique des écoles avec l'académie.",
  messages: {
    absente:
      "« {nom} » ({uai}) : sa commune, {commune}, n'est partie d'aucune convention numérique des écoles (convention « ecole_commune ») avec l'académie.",
    absenteEpci:
      "« {nom} » ({uai}) : son intercommunalité (EPCI) de rattachement, {collectivite}, n'est partie d'aucune convention numérique des écoles (convention « ecole_commune ») avec l'académie.",
    absenteAutre:
      "« {nom} » ({uai}) : sa collectivité de rattachement, {collectivite}, n'est partie d'aucune convention numérique des écoles (convention « ecole_commune ») avec l'académie.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      // `collectivite: etat` on an école is rattachement-incompetent's finding.
      if (e.data.type !== "ecole" || !isPublic(e.data) || !e.data.collectivite || isGereParEtat(e.data)) return;
      const commune = `collectivite:${e.data.collectivite}`;
      // Existence is what the rule's statement asks for: an expired convention still counts (convention-expiree reports it).
      if (ctx.territory.conventionsOf(commune).some((c) => c.data.type === "ecole_commune")) return;
      // The école's collectivité is a commune or an EPCI (or another type): the message names which.
      const type = ctx.territory.get<CollectiviteEntity>(commune)?.data.type;
      const messageId = type === "commune" || type === undefined ? "absente" : type === "epci" ? "absenteEpci" : "absenteAutre";
      ctx.report({ on: e, pointer: "", messageId, data: { nom: e.data.nom, uai: e.data.uai, commune: label(ctx.territory, commune), collectivite: label(ctx.territory, commune) } });
    });
  },
});

