// Rules (A): YAML syntax errors — produced by the loader, declared here for the registry and docs.
import { defineRule } from "../../audit/rule.js";
import { catalogue } from "../../messages/index.js";

export default defineRule({ id: "yaml-syntaxe", group: "A", severity: "error", appliesTo: ["fichier"], ...catalogue.rules["yaml-syntaxe"] });
