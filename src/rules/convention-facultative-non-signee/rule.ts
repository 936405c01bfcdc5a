// Rules (E): each party of a convention no law requires (ecole_commune, academie_collectivite, autre) that has not signed it.
import { defineRule } from "../../audit/rule.js";
import { CONVENTIONS_LEGALES, requireSignatures } from "../checks.js";

export default defineRule({
  id: "convention-facultative-non-signee",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "territory",
  facts: ["ids", "references", "conventions"],
  summary: "Chaque partie d'une convention que la loi n'impose pas (écoles, convention-cadre, autre) devrait l'avoir signée (une signature datée).",
  messages: {
    sansSignature: "La partie {partie} n'a pas signé : aucune signature à son nom dans « signatures ».",
    nonDatee: "La signature de la partie {partie}, en qualité de « {role} », n'est pas datée (date: null) : cette partie n'a pas encore signé.",
  },
  check: requireSignatures((type) => !CONVENTIONS_LEGALES.has(type)),
});
