// Rules (G): public écoles whose wireless access is not switched off when unused (loi 2015-136, art. 7 II) or was
// installed without informing the conseil d'école first (art. 7 III). One finding listing what is missing.
import { defineRule } from "../../audit/rule.js";
import { isPublic } from "../../model/territory.js";

/** Publication of loi n° 2015-136 du 9 février 2015 (JO of 10 February), in force on 11 February 2015. */
export const LOI_2015_136 = "2015-02-11";

export default defineRule({
  id: "wifi-ecole-non-conforme",
  group: "G",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary:
    "Dans une école publique, les accès sans fil installés depuis la loi n° 2015-136 doivent être désactivés hors des activités pédagogiques, et le conseil d'école informé avant toute nouvelle installation (art. 7).",
  messages: {
    desactivation:
      "Les accès Wi-Fi de l'école ne sont pas déclarés désactivés hors des activités pédagogiques (« desactivation_hors_usage » n'est pas true) : la loi n° 2015-136 (art. 7 II) l'exige pour les accès installés depuis son entrée en vigueur, le 11 février 2015. S'ils sont plus anciens, indiquez « installe_le ».",
    conseilNonInforme:
      "Le Wi-Fi de l'école a été installé le {installe} sans date d'information du conseil d'école (« conseil_ecole_informe_le ») : la loi n° 2015-136 (art. 7 III) demande que le conseil d'école soit informé avant toute nouvelle installation.",
    conseilInformeApres:
      "Le Wi-Fi de l'école a été installé le {installe}, et le conseil d'école n'en a été informé que le {informe} : la loi n° 2015-136 (art. 7 III) demande qu'il le soit avant toute nouvelle installation.",
    desactivationEtConseil:
      "Le Wi-Fi de l'école, installé le {installe}, n'est pas déclaré désactivé hors des activités pédagogiques (« desactivation_hors_usage » n'est pas true ; loi n° 2015-136, art. 7 II), et le conseil d'école n'a pas été informé avant son installation (« conseil_ecole_informe_le » absent ou postérieur ; art. 7 III).",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (e.data.type !== "ecole" || !isPublic(e.data)) return;
      const wifi = e.data.reseau?.wifi;
      if (wifi?.present !== true) return;
      const installe = wifi.installe_le;
      // `desactivation_hors_usage` counts when both it and its deprecated synonym are present.
      const desactivation = wifi.desactivation_hors_usage ?? wifi.coupure_par_classe;
      // (a) Access installed since the law (or whose date is unknown) must be switched off when not used for teaching.
      const a = desactivation !== true && (installe === undefined || installe >= LOI_2015_136);
      // (b) Any installation since the law must be preceded by informing the conseil d'école.
      const informe = wifi.conseil_ecole_informe_le;
      const b = installe !== undefined && installe >= LOI_2015_136 && (informe === undefined || informe > installe);
      if (!a && !b) return;
      const key = wifi.desactivation_hors_usage !== undefined || wifi.coupure_par_classe === undefined ? "desactivation_hors_usage" : "coupure_par_classe";
      const pointer = a ? `/reseau/wifi${desactivation === undefined ? "" : `/${key}`}` : `/reseau/wifi${informe === undefined ? "" : "/conseil_ecole_informe_le"}`;
      const messageId = a && b ? "desactivationEtConseil" : a ? "desactivation" : informe === undefined ? "conseilNonInforme" : "conseilInformeApres";
      ctx.report({ on: e, pointer, messageId, data: { installe: installe ?? "", informe: informe ?? "" } });
    });
  },
});
