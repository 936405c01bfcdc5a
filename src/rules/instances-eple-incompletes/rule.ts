// Rules (D): public EPLE whose conseil pédagogique or conseil d'administration is not declared as existing (one finding per body).
import { defineRule } from "../../audit/rule.js";
import { eplePublic, flagFinding } from "../checks.js";

const BODIES = [
  { key: "conseil_pedagogique", absent: "conseilPedagogiqueAbsent", inexistant: "conseilPedagogiqueInexistant" },
  { key: "conseil_administration", absent: "conseilAdministrationAbsent", inexistant: "conseilAdministrationInexistant" },
] as const;

export default defineRule({
  id: "instances-eple-incompletes",
  group: "D",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un EPLE public doit avoir un conseil pédagogique et un conseil d'administration constitués.",
  messages: {
    conseilPedagogiqueAbsent:
      "Le conseil pédagogique n'est pas déclaré (« instances.conseil_pedagogique ») : cette instance de l'EPLE est prévue par le Code de l'éducation (L.421-5) ; indiquez « existe: true » s'il est constitué.",
    conseilPedagogiqueInexistant:
      "Le conseil pédagogique est déclaré non constitué (« existe: false ») : cette instance de l'EPLE est prévue par le Code de l'éducation (L.421-5) ; installez-la.",
    conseilAdministrationAbsent:
      "Le conseil d'administration n'est pas déclaré (« instances.conseil_administration ») : c'est lui qui vote le règlement intérieur et le projet d'établissement et autorise la signature des conventions ; indiquez « existe: true » s'il est constitué.",
    conseilAdministrationInexistant:
      "Le conseil d'administration est déclaré non constitué (« existe: false ») : sans lui, ni le règlement intérieur ni la convention avec la collectivité ne peuvent être adoptés ou autorisés.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!eplePublic(e)) return;
      for (const b of BODIES) {
        const finding = flagFinding(e.data, `/instances/${b.key}/existe`, { absent: b.absent, faux: b.inexistant });
        if (finding) ctx.report({ on: e, ...finding });
      }
    });
  },
});
