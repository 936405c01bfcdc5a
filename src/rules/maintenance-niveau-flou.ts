// Rules (F): public établissements whose maintenance levels 0–3 are not all clear after resolution (docs/format.md, « Qui assure un niveau de maintenance »).
import { defineRule } from "../audit/rule.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { isPublic, type NiveauResolu } from "../model/territory.js";

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
