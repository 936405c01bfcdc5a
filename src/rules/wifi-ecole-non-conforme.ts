// Rules (G): écoles with Wi-Fi that cannot be switched off per class or was not announced to the conseil d'école (loi 2015-136, art. 7).
import { defineRule } from "../audit/rule.js";

export default defineRule({
  id: "wifi-ecole-non-conforme",
  group: "G",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  check(ctx) {
    // Every école, public or private (the law does not distinguish); one finding per missing element.
    ctx.each(ctx.territory.etablissements, (e) => {
      if (e.data.type !== "ecole") return;
      const wifi = e.data.reseau?.wifi;
      if (wifi?.present !== true) return;
      if (wifi.coupure_par_classe !== true) {
        ctx.report({
          on: e,
          pointer: "/reseau/wifi/coupure_par_classe",
          messageId: wifi.coupure_par_classe === false ? "coupureNon" : "coupureAbsente",
        });
      }
      if (wifi.conseil_ecole_informe_le === undefined) {
        ctx.report({ on: e, pointer: "/reseau/wifi/conseil_ecole_informe_le", messageId: "conseilNonInforme" });
      }
    });
  },
});
