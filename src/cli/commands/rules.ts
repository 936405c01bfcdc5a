// CLI: `rules` — list the rules (id, severity, summary) or print one rule's documentation.
import Table from "cli-table3";
import { GouvnumError } from "../../core/errors.js";
import { didYouMean } from "../../core/similar.js";
import { formatMessage } from "../../core/format-message.js";
import { replacedBy } from "../../core/rule-ids.js";
import { catalogue } from "../../messages/index.js";
import { rules as builtIn } from "../../rules/index.js";
import type { RuleDefinition } from "../../audit/rule.js";
import { ruleDoc, ruleDocUrl } from "../../rules/docs.js";
import { SEVERITY_LABEL } from "../../report/counted.js";
import type { CliIO } from "../io.js";
import { resolveConfig, type GlobalOptions } from "./options.js";

export async function rulesCommand(id: string | undefined, o: GlobalOptions & { json?: boolean }, io: CliIO): Promise<number> {
  // The configuration's local rules (`plugins:`) are listed with the built-in ones.
  const config = await resolveConfig(o, ["."], io);
  const rules: readonly RuleDefinition[] = config.plugins?.length ? [...builtIn, ...(await (await import("../../audit/plugins.js")).loadPlugins(config.plugins))] : builtIn;
  const describe = (ruleId: string) => {
    const r = rules.find((x) => x.id === ruleId)!;
    return {
      id: r.id,
      group: r.group,
      severity: r.severity,
      appliesTo: r.appliesTo,
      summary: catalogue.rules[r.id]?.summary ?? "",
      options: r.options ?? {},
      url: ruleDocUrl(r.id),
    };
  };
  if (id) {
    // A renamed rule's old page is still shown (it says « remplacée par »), with the notice on stderr.
    const successor = replacedBy(id);
    const oldDoc = successor ? ruleDoc(id) : undefined;
    if (successor && oldDoc) {
      io.stderr.write(formatMessage(catalogue.cli["regle.remplacee"], { ancien: id, nouveau: successor, origine: "gouvnum rules" }) + "\n");
      if (o.json) io.stdout.write(JSON.stringify({ id, replacedBy: successor, documentation: oldDoc }, null, 2) + "\n");
      else io.stdout.write(oldDoc.endsWith("\n") ? oldDoc : oldDoc + "\n");
      return 0;
    }
    const rule = rules.find((r) => r.id === id);
    const doc = rule && ruleDoc(id);
    if (!rule || !doc) {
      throw new GouvnumError("regleDocInconnue", { regle: id, suggestion: didYouMean(id, rules.map((r) => r.id)) });
    }
    if (o.json) {
      io.stdout.write(JSON.stringify({ ...describe(rule.id), documentation: doc }, null, 2) + "\n");
    } else io.stdout.write(doc.endsWith("\n") ? doc : doc + "\n");
    return 0;
  }
  if (o.json) {
    io.stdout.write(JSON.stringify(rules.map((r) => describe(r.id)), null, 2) + "\n");
    return 0;
  }
  const table = new Table({
    head: [catalogue.cli["regles.id"], catalogue.cli["regles.groupe"], catalogue.cli["regles.severite"], catalogue.cli["regles.resume"]],
    style: { head: [], border: [] },
    colWidths: [42, 8, 15, 70],
    wordWrap: true,
  });
  for (const r of rules) table.push([r.id, r.group, SEVERITY_LABEL[r.severity], catalogue.rules[r.id]?.summary ?? ""]);
  io.stdout.write(table.toString() + "\n");
  return 0;
}
