// Rules (A): YAML syntax errors — produced by the loader, declared here for the registry and docs.
import { defineRule } from "../audit/rule.js";

export default defineRule({ id: "yaml-syntaxe", group: "A", severity: "error", appliesTo: ["fichier"] });
