// Rules (A): JSON Schema violations — produced by the validator, declared here for the registry and docs.
import { defineRule } from "../../audit/rule.js";
import { catalogue } from "../../messages/index.js";

export default defineRule({
  id: "schema",
  group: "A",
  severity: "error",
  appliesTo: ["academie", "collectivite", "etablissement", "convention"],
  ...catalogue.rules.schema,
});
