// Rules (E): each party of a convention the law requires (eple_collectivite, contrat_objectifs) that has not signed it.
import { defineRule, type RuleContext } from "../audit/rule.js";
import { hasSigned, type ConventionEntity } from "../model/territory.js";
import { joinPointer } from "../load/document.js";
import { label } from "./helpers.js";

/** The convention types the law requires (L.421-23 II, L.421-4); the others are convention-facultative-non-signee's. */
export const CONVENTIONS_LEGALES: ReadonlySet<string> = new Set(["eple_collectivite", "contrat_objectifs"]);

/** One finding per party that has not signed (no signature entry, or only undated ones). */
export function reportUnsigned(ctx: RuleContext, c: ConventionEntity): void {
  const signatures = c.data.signatures ?? [];
  const seen = new Set<string>();
  c.data.parties.forEach((partie, i) => {
    if (seen.has(partie)) return;
    seen.add(partie);
    if (hasSigned(c.data, partie)) return;
    const j = signatures.findIndex((s) => s.partie === partie);
    if (j < 0) {
      ctx.report({ on: c, pointer: joinPointer("parties", i), messageId: "sansSignature", data: { partie: label(ctx.territory, partie) } });
    } else {
      ctx.report({
        on: c,
        pointer: joinPointer("signatures", j, "date"),
        messageId: "nonDatee",
        data: { partie: label(ctx.territory, partie), role: signatures[j].role },
      });
    }
  });
}

export default defineRule({
  id: "convention-non-signee",
  group: "E",
  severity: "error",
  scope: "entity",
  appliesTo: ["convention"],
  summary: "Chaque partie d'une convention exigée par la loi (EPLE–collectivité, contrat d'objectifs) doit l'avoir signée (une signature datée).",
  messages: {
    sansSignature: "La partie {partie} n'a pas signé : aucune signature à son nom dans « signatures ».",
    nonDatee: "La signature de la partie {partie}, en qualité de « {role} », n'est pas datée (date: null) : cette partie n'a pas encore signé.",
  },
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      if (CONVENTIONS_LEGALES.has(c.data.type)) reportUnsigned(ctx, c);
    });
  },
});
