// Rules (A): files that are not UTF-8 — produced by the loader, declared here for the registry and docs.
import { defineRule } from "../../audit/rule.js";
import { catalogue } from "../../messages/index.js";

export default defineRule({ id: "encodage", group: "A", severity: "error", appliesTo: ["fichier"], ...catalogue.rules["encodage"] });
