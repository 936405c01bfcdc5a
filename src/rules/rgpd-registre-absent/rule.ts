// Rules (H): public EPLE that do not declare keeping the RGPD registre des activités de traitement.
import { defineRule } from "../../audit/rule.js";
import { requireFlag, eplePublic } from "../checks.js";

export default defineRule({
  id: "rgpd-registre-absent",
  group: "H",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un EPLE public doit tenir le registre des activités de traitement prévu par le RGPD.",
  messages: {
    absent:
      "La tenue du registre des activités de traitement n'est pas déclarée (pas de clé « rgpd ») : le chef d'établissement, responsable de traitement selon la doctrine du ministère, doit le tenir (RGPD, art. 30).",
    faux:
      "Le registre des activités de traitement n'est pas tenu (« rgpd.registre_traitements: false ») : le chef d'établissement, responsable de traitement selon la doctrine du ministère, doit le tenir (RGPD, art. 30).",
  },
  check: requireFlag(eplePublic, "/rgpd/registre_traitements"),
});
