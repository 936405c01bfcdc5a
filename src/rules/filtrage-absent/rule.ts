// Rules (H): public écoles and EPLE whose internet access is not declared filtered.
import { defineRule } from "../../audit/rule.js";
import { requireFlag, etablissementPublic } from "../checks.js";

export default defineRule({
  id: "filtrage-absent",
  group: "H",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "L'accès à internet d'une école ou d'un EPLE public doit être filtré.",
  messages: {
    absent:
      "Le filtrage de l'accès à internet n'est pas déclaré (pas de clé « securite ») : le chef d'établissement doit s'assurer que l'accès est filtré ; indiquez « securite: { filtrage: true } » une fois le filtrage en place.",
    faux:
      "L'accès à internet n'est pas filtré (« securite.filtrage: false ») : le chef d'établissement doit mettre en place un filtrage, avec la collectivité qui fournit le réseau.",
  },
  check: requireFlag(etablissementPublic, "/securite/filtrage"),
});
