// Rules (I): malformed `# gouvnum-ignore` comments — produced by the engine's suppression stage.
import { defineRule } from "../../audit/rule.js";
import { catalogue } from "../../messages/index.js";

export default defineRule({ id: "suppression-invalide", group: "I", severity: "warning", appliesTo: ["fichier"], ...catalogue.rules["suppression-invalide"] });
