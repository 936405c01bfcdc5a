// CLI: `schema` — print one JSON Schema, or write them all to a folder for editors.
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { GouvnumError } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../../validate/ajv.js";
import type { CliIO } from "../io.js";
import { writeFileAtomic } from "../write.js";
import type { GlobalOptions } from "./options.js";

const NAMES = SCHEMA_FILES.map((f) => f.replace(".schema.json", ""));

export async function schemaCommand(kind: string | undefined, o: GlobalOptions & { out?: string; force?: boolean }, io: CliIO): Promise<number> {
  if (kind && !NAMES.includes(kind)) throw new GouvnumError("kindSchemaInconnu", { kind, kinds: NAMES.join(", ") });
  if (o.out) {
    const dir = resolve(io.cwd, o.out);
    const st = await stat(dir).catch(() => undefined);
    if (st && !st.isDirectory()) throw new GouvnumError("schemaSortiePasDossier", { chemin: o.out });
    const files = kind ? [`${kind}.schema.json`, "defs.schema.json"] : [...SCHEMA_FILES];
    let same = 0;
    // Check every file before writing any: a refusal leaves the folder as it was.
    const todo: Array<{ target: string; content: string; shown: string }> = [];
    for (const f of new Set(files)) {
      const content = await readFile(join(SCHEMA_DIR, f), "utf8");
      const target = join(dir, f);
      const existing = await readFile(target, "utf8").catch(() => undefined);
      if (existing === content) {
        same++;
        continue;
      }
      if (existing !== undefined && !o.force) throw new GouvnumError("fichierExiste", { chemin: join(o.out, f) });
      todo.push({ target, content, shown: join(o.out, f) });
    }
    for (const t of todo) await writeFileAtomic(t.target, t.content, { force: o.force, display: t.shown });
    const written = todo.length;
    if (!o.quiet) io.stderr.write(formatMessage(catalogue.cli["schema.ecrits"], { n: written, identiques: same, dossier: o.out }) + "\n");
    return 0;
  }
  if (!kind) {
    // Without a kind, the list of kinds: printing one silently would hide the others.
    const t = (id: string, data: Record<string, string> = {}) => formatMessage(catalogue.cli[id], data);
    const width = Math.max(...NAMES.map((n) => n.length));
    const lines = [t("schema.liste.titre"), ...[...NAMES.filter((n) => n !== "defs"), "defs"].map((n) => t("schema.liste.ligne", { nature: n.padEnd(width), description: t(`schema.nature.${n}`) })), "", t("schema.liste.suite")];
    io.stdout.write(lines.join("\n") + "\n");
    return 0;
  }
  io.stdout.write(await readFile(join(SCHEMA_DIR, `${kind}.schema.json`), "utf8"));
  return 0;
}
