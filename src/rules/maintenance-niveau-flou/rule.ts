// Rules (F): public établissements whose maintenance levels 0–3 are not all clear after resolution (docs/format.md, « Qui assure un niveau de maintenance »).
import { defineRule } from "../../audit/rule.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { isPublic, type NiveauResolu } from "../../model/territory.js";

const ID = "maintenance-niveau-flou";

/** A fragment of this rule's message (its text lives in the catalogue, with the rule's messages). */
function fragment(messageId: string, data: Record<string, string | number>): string {
  return formatMessage(catalogue.rules[ID].messages[messageId], data);
}

/** `convention:conv-a` → `conv-a`. */
function idOf(ref: string): string {
  return ref.slice(ref.indexOf(":") + 1);
}

/** « 0, 2 et 3 » (the conjunction comes from the catalogue). */
function liste(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return fragment("liste", { debut: items.slice(0, -1).join(", "), fin: items[items.length - 1] });
}

function why(n: NiveauResolu): string {
  switch (n.raison) {
    case "a_definir": {
      const layer = n.source?.layer ?? "etablissement";
      const where = fragment(`source.${layer}`, { id: idOf(n.source?.ref ?? "") });
      return fragment("raison.a_definir", { niveau: n.niveau, source: where });
    }
    case "conflit": {
      const parts = (n.conflit ?? []).map((c) => fragment("conflit.partie", { convention: idOf(c.ref), acteur: c.acteur }));
      return fragment("raison.conflit", { niveau: n.niveau, conventions: parts.join(", ") });
    }
    default:
      return fragment("raison.indefini", { niveau: n.niveau });
  }
}

/** Each unclear level and why; levels no layer defines are grouped into one part. */
function details(flous: NiveauResolu[]): string {
  const indefinis = flous.filter((n) => n.raison === "indefini").map((n) => String(n.niveau));
  const parts: string[] = [];
  let groupe = false;
  for (const n of flous) {
    if (n.raison !== "indefini" || indefinis.length === 1) parts.push(why(n));
    else if (!groupe) {
      parts.push(fragment("raison.indefinis", { niveaux: liste(indefinis) }));
      groupe = true;
    }
  }
  return parts.join(" ; ");
}

export default defineRule({
  id: ID,
  group: "F",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement", "convention", "collectivite"],
  phase: "territory",
  facts: ["ids", "references", "maintenance", "conventions"],
  summary: "Chacun des niveaux 0 à 3 de maintenance d'un établissement public doit avoir un acteur clairement désigné.",
  messages: {
    flou:
      "Le niveau {niveaux} de maintenance n'a pas d'acteur clairement désigné : {details}. Précisez qui l'assure dans la convention avec la collectivité ou dans la clé « maintenance » de l'établissement.",
    flous:
      "Les niveaux {niveaux} de maintenance n'ont pas d'acteur clairement désigné : {details}. Précisez qui les assure dans la convention avec la collectivité ou dans la clé « maintenance » de l'établissement.",
    "raison.indefini":
      "niveau {niveau} : aucun acteur, ni dans l'établissement, ni dans une convention en vigueur, ni dans la collectivité (ou l'académie, pour un établissement géré par l'État)",
    "raison.indefinis":
      "niveaux {niveaux} : aucun acteur, ni dans l'établissement, ni dans une convention en vigueur, ni dans la collectivité (ou l'académie, pour un établissement géré par l'État)",
    "raison.a_definir": "niveau {niveau} : acteur « a_definir » {source}",
    "raison.conflit": "niveau {niveau} : les conventions en vigueur désignent des acteurs différents ({conventions})",
    "conflit.partie": "« {convention} » désigne « {acteur} »",
    "source.etablissement": "dans la clé « maintenance » de l'établissement",
    "source.convention": "dans la convention « {id} »",
    "source.collectivite": "dans la maintenance de la collectivité « {id} »",
    "source.academie": "dans la maintenance de l'académie {id} (établissement géré par l'État)",
    liste: "{debut} et {fin}",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const flous = ctx.territory.resolveMaintenance(e, ctx.date).filter((n) => !n.clair);
      if (flous.length === 0) return;
      ctx.report({
        on: e,
        pointer: "/maintenance",
        messageId: flous.length === 1 ? "flou" : "flous",
        data: {
          niveaux: liste(flous.map((n) => String(n.niveau))),
          details: details(flous),
        },
      });
    });
  },
});
