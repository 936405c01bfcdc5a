// Rules (I): `# gouvnum-ignore` comments that suppressed nothing — produced by the engine's suppression stage.
import { defineRule } from "../../audit/rule.js";
import { catalogue } from "../../messages/index.js";

export default defineRule({ id: "suppression-inutile", group: "I", severity: "info", appliesTo: ["fichier"], ...catalogue.rules["suppression-inutile"] });
