// CLI: `deadlines` (alias `echeances`) — read the territory, list what falls due within the window, write text, CSV or iCalendar.
import { resolve } from "node:path";
import { runAudit } from "../../audit/engine.js";
import { computeDeadlines } from "../../audit/deadlines.js";
import { addDays } from "../../model/echeances.js";
import { DEADLINE_FORMATS, formatCsv, formatIcs, formatText, type DeadlineFormat } from "../../report/deadlines.js";
import { DEFAULT_LIMITS } from "../../load/document.js";
import type { CliIO } from "../io.js";
import { VERSION } from "../version.js";
import { writeFileAtomic } from "../write.js";
import { GouvnumError } from "../../core/errors.js";
import { auditInputs, isoDay, positiveInt, resolveConfig, territoryRoot, type GlobalOptions } from "./options.js";

export interface DeadlinesOptions extends GlobalOptions {
  within?: string;
  date?: string;
  format?: string;
  output?: string;
  force?: boolean;
}

export async function deadlinesCommand(paths: string[], o: DeadlinesOptions, io: CliIO): Promise<number> {
  const format = (o.format ?? "text") as DeadlineFormat;
  if (!DEADLINE_FORMATS.includes(format)) throw new GouvnumError("formatInconnu", { format, formats: DEADLINE_FORMATS.join(", ") });
  const within = positiveInt(o.within, "--within") ?? 180;
  const inputsPaths = paths.length > 0 ? paths : ["."];
  const config = await resolveConfig(o, inputsPaths, io);
  const inputs = await auditInputs(inputsPaths, { ...DEFAULT_LIMITS, ...config.limits }.maxFileBytes, io);
  // Reading and structure only: the deadlines come from the model, not from the rules' findings.
  const result = await runAudit(inputs, { mode: "validate", date: o.date, today: isoDay(io.now()), cwd: io.cwd, config, territory: territoryRoot(config) });
  const ageMaxDefaut = Number(result.rules.find((r) => r.rule.id === "equipement-obsolete")?.options.age_max_ans ?? 6);
  const list = computeDeadlines(result.territory, { date: result.date, within, ageMaxDefaut });
  const ctx = { date: result.date, end: addDays(result.date, within), within, version: VERSION };
  const text = format === "csv" ? formatCsv(list) : format === "ics" ? formatIcs(list, ctx) : formatText(list, ctx);
  if (!o.output || o.output === "-") {
    io.stdout.write(text);
    return 0;
  }
  const inputsRead = new Set(result.files.map((f) => resolve(io.cwd, f)));
  if (config.file) inputsRead.add(resolve(io.cwd, config.file));
  await writeFileAtomic(resolve(io.cwd, o.output), text, { force: o.force, inputs: inputsRead, display: o.output });
  return 0;
}
