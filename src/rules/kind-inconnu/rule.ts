// Rules (A): documents without a known kind — produced by the engine, declared here for the registry and docs.
import { defineRule } from "../../audit/rule.js";
import { catalogue } from "../../messages/index.js";

export default defineRule({ id: "kind-inconnu", group: "A", severity: "error", appliesTo: ["fichier"], ...catalogue.rules["kind-inconnu"] });
