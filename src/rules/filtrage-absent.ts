// Rules (H): public écoles and EPLE whose internet access is not declared filtered.
import { defineRule } from "../audit/rule.js";
import { isPublic } from "../model/territory.js";

export default defineRule({
  id: "filtrage-absent",
  group: "H",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  summary: "L'accès à internet d'une école ou d'un EPLE public doit être filtré.",
  messages: {
    absent:
      "Le filtrage de l'accès à internet n'est pas déclaré (pas de clé « securite ») : le chef d'établissement doit s'assurer que l'accès est filtré ; indiquez « securite: { filtrage: true } » une fois le filtrage en place.",
    faux:
      "L'accès à internet n'est pas filtré (« securite.filtrage: false ») : le chef d'établissement doit mettre en place un filtrage, avec la collectivité qui fournit le réseau.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      const securite = e.data.securite;
      if (securite === undefined) ctx.report({ on: e, pointer: "/securite/filtrage", messageId: "absent" });
      else if (securite.filtrage !== true) ctx.report({ on: e, pointer: "/securite/filtrage", messageId: "faux" });
    });
  },
});
