// Rules (C): collectivités with établissements and no standing exchange with their bâtiment service (absent or false).
import { defineRule } from "../../audit/rule.js";
import { requireCollectiviteFlag } from "../checks.js";

export default defineRule({
  id: "cooperation-batiment-absente",
  group: "C",
  severity: "info",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "declarations"],
  summary:
    "Les services éducation et DSI d'une collectivité qui a des établissements doivent échanger de façon permanente avec son service bâtiment.",
  messages: {
    absente:
      "La collectivité « {collectivite} » ne déclare pas d'échange permanent entre ses services éducation / DSI et son service bâtiment : ajoutez « cooperation_batiment: true » s'il existe.",
    non:
      "La collectivité « {collectivite} » déclare ne pas avoir d'échange permanent entre ses services éducation / DSI et son service bâtiment (cooperation_batiment: false) : câblage, réseaux et travaux se décident sans le numérique éducatif.",
  },
  check: requireCollectiviteFlag("/cooperation_batiment"),
});
