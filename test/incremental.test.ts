// The incremental engine (watch mode, language server): after any edit, an `AuditSession` gives exactly what a full
// audit of the same files gives — findings, messages, positions, severities, suppressions. Edits are drawn at random
// (seeded) over the example territories: keys removed, values nulled, references changed, parties dropped, files
// deleted and restored, kinds broken, YAML broken, documents duplicated; through the disk and through editor buffers.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { AuditSession } from "../src/audit/session.js";
import { loadConfig } from "../src/validate/config.js";
import { rules } from "../src/rules/index.js";
import { FIXTURE_DATE, ROOT } from "./helpers.js";

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name) && !e.name.startsWith("gouvnum.config")) out.push(p);
  }
  return out.sort();
}

const shape = (r: AuditResult) =>
  r.findings.map((f) => [f.ruleId, f.messageId, f.file, f.line, f.column, f.endLine, f.endColumn, f.pointer, f.entity, f.message, f.severity, f.suppressed?.reason ?? ""].join("|"));

type Values = Array<Record<string, unknown>>;

/** Every path to a value inside a document, for random removals. */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([...at, i], ...paths(x, [...at, i])));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push([...at, k], ...paths(x, [...at, k]));
  return out;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown | typeof REMOVE): void {
  let v = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) v = v[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(v)) v.splice(last as number, 1);
    else delete v[last];
  } else v[last] = value;
}
const REMOVE = Symbol("remove");

function edit(rng: ReturnType<typeof random>, file: string, all: string[], dir: string): string | undefined {
  const text = readFileSync(file, "utf8");
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined; // broken on purpose earlier: restored elsewhere
  const values = docs.map((d) => d.toJS()) as Values;
  const doc = rng.pick(values);
  if (!doc || typeof doc !== "object") return undefined;
  const ids = (kind: string, key: string) =>
    all
      .filter((f) => existsSync(f))
      .flatMap((f) => {
        const parsed = parseAllDocuments(readFileSync(f, "utf8"));
        return Array.isArray(parsed) ? parsed.map((d) => d.toJS() as Record<string, unknown>) : [];
      })
      .filter((v) => v?.kind === kind)
      .map((v) => String(v[key]));
  switch (rng.int(9)) {
    case 0:
    case 1: {
      const ps = paths(doc).filter((p) => p[0] !== "kind");
      if (ps.length === 0) return undefined;
      setAt(doc, rng.pick(ps), REMOVE);
      break;
    }
    case 2: {
      const ps = paths(doc).filter((p) => p[0] !== "kind");
      if (ps.length === 0) return undefined;
      setAt(doc, rng.pick(ps), null);
      break;
    }
    case 3:
      if (doc.kind === "etablissement") doc.collectivite = rng.pick([...ids("collectivite", "id"), "inconnue-99"]);
      else if (doc.kind === "convention" && Array.isArray(doc.parties) && doc.parties.length > 0) doc.parties.splice(rng.int(doc.parties.length), 1);
      else if (doc.kind === "collectivite") doc.competences = rng.pick([["ecoles"], ["colleges"], ["lycees"], []]);
      else return undefined;
      break;
    case 4:
      if (doc.kind === "convention") {
        const parties = Array.isArray(doc.parties) ? doc.parties : (doc.parties = []);
        parties.push(`etablissement:${rng.pick(ids("etablissement", "uai"))}`);
      } else if (doc.kind === "etablissement") doc.statut = doc.statut === "prive" ? "public" : "prive";
      else return undefined;
      break;
    case 5:
      doc.kind = rng.pick(["etablisement", 12, null]);
      break;
    case 6:
      writeFileSync(file, text + "\nclé: [non fermée\n");
      return "broken";
    case 7: {
      const copy = join(dir, `copie-${rng.int(1000)}.yaml`);
      writeFileSync(copy, stringify(doc));
      return copy;
    }
    default:
      rmSync(file);
      return "removed";
  }
  writeFileSync(file, values.map((v) => stringify(v)).join("---\n"));
  return file;
}

async function check(example: string, seed: number, steps: number, viaBuffers: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-incr-"));
  cpSync(join(ROOT, "examples", example), dir, { recursive: true });
  const configFile = join(dir, "gouvnum.config.yaml");
  const config = existsSync(configFile) ? await loadConfig(configFile, dir) : undefined;
  const options = { today: FIXTURE_DATE, date: FIXTURE_DATE, cwd: dir, config, rules };
  const session = new AuditSession([dir], options);
  const rng = random(seed);
  const originals = new Map(yamlFiles(dir).map((f) => [f, readFileSync(f, "utf8")]));
  const log: string[] = [];
  let partial = 0;
  let first = await session.run();
  expect(shape(first.result)).toEqual(shape(await runAudit([dir], options)));
  for (let step = 0; step < steps; step++) {
    const files = yamlFiles(dir);
    // Now and then a deleted or broken file comes back as it was.
    if (rng.int(5) === 0) {
      const [f, text] = rng.pick([...originals]);
      writeFileSync(f, text);
      session.fileChanged(f);
      log.push(`${step} restauré ${relative(dir, f)}`);
    } else {
      const file = rng.pick(files);
      const before = readFileSync(file, "utf8");
      const what = edit(rng, file, files, dir);
      if (what === undefined) continue;
      log.push(`${step} ${relative(dir, file)} → ${what === file ? "modifié" : what}`);
      if (what !== "removed" && what !== "broken" && what !== file) session.fileChanged(what);
      if (viaBuffers && what === file) {
        // The editor's buffer holds the change; the disk still has the old text.
        const text = readFileSync(file, "utf8");
        writeFileSync(file, before);
        session.setBuffer(file, text);
        const { result } = await session.run();
        writeFileSync(file, text);
        session.setBuffer(file, undefined);
        session.fileChanged(file);
        expect(shape(result), `pas ${step} (tampon ${relative(dir, file)})`).toEqual(shape(await runAudit([dir], { ...options, memo: bufferOnly(file, text) })));
        continue;
      }
      session.fileChanged(file);
    }
    const previous = session.result!;
    const { result, change } = await session.run();
    if (session.state?.affected !== undefined) partial++;
    // What the session says changed (watch mode prints it) takes the previous findings to the new ones.
    const kept = shape(previous);
    for (const r of shape({ ...previous, findings: change.removed })) kept.splice(kept.indexOf(r), 1);
    expect([...kept, ...shape({ ...previous, findings: change.added })].sort()).toEqual([...shape(result)].sort());
    expect(shape(result), log.slice(-4).join(" ; ")).toEqual(shape(await runAudit([dir], options)));
  }
  rmSync(dir, { recursive: true, force: true });
  // Most edits were checked on the incremental path, not on a full re-run.
  expect(partial).toBeGreaterThan(steps / 3);
}

/** A memo that keeps nothing but one buffer: a full audit as if that file held `text`. */
function bufferOnly(file: string, text: string) {
  return { get: () => undefined, set: () => undefined, overlay: (abs: string) => (abs === file ? text : undefined) };
}

describe("moteur incrémental : après chaque modification, le même résultat qu'un audit complet", () => {
  it("academie-exemple, 120 modifications sur le disque", async () => {
    await check("academie-exemple", 1, 120, false);
  }, 120_000);
  it("academie-exemple, 80 modifications dans des tampons d'éditeur", async () => {
    await check("academie-exemple", 2, 80, true);
  }, 120_000);
  for (const example of readdirSync(join(ROOT, "examples")).filter((e) => e !== "academie-exemple" && statSync(join(ROOT, "examples", e)).isDirectory())) {
    it(`${example}, 40 modifications`, async () => {
      await check(example, 3, 40, false);
    }, 60_000);
  }
});

describe("session : les dossiers du territoire", () => {
  it("un dossier inchangé n'est pas relu ; un fichier ajouté ou retiré sans que la session le sache est vu au contrôle suivant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-listings-"));
    cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
    // Folders last modified an hour ago, as in a checked-out repository (a folder modified just now is listed again).
    const past = Date.now() / 1000 - 3600;
    for (const sub of [".", "collectivites", "etablissements", "conventions"]) utimesSync(join(dir, sub), past, past);
    const options = { today: FIXTURE_DATE, date: FIXTURE_DATE, cwd: dir, config: await loadConfig(join(dir, "gouvnum.config.yaml"), dir) };
    const session = new AuditSession(["."], options);
    const first = await session.run();
    const etabs = join(dir, "etablissements");
    const listed = session.listings.get(etabs);
    expect(listed?.files.length).toBeGreaterThan(5);
    await session.run();
    expect(session.listings.get(etabs)).toBe(listed); // taken back, not read again
    // A new établissement, written behind the session's back (no fileChanged): its folder's time moved.
    const uai = "0351234X";
    writeFileSync(join(etabs, `${uai}.yaml`), `kind: etablissement\nuai: "${uai}"\nnom: Collège ajouté\ntype: college\nacademie: "14"\ncollectivite: dep-35\n`);
    const added = await session.run();
    expect(session.listings.get(etabs)).not.toBe(listed);
    expect(added.result.files).toContain(`etablissements/${uai}.yaml`);
    expect(added.change.added.some((f) => f.file === `etablissements/${uai}.yaml`)).toBe(true);
    expect(JSON.stringify(added.result.findings)).toBe(JSON.stringify((await runAudit(["."], options)).findings));
    rmSync(join(etabs, `${uai}.yaml`));
    const removed = await session.run();
    expect(removed.result.files).not.toContain(`etablissements/${uai}.yaml`);
    expect(JSON.stringify(removed.result.findings)).toBe(JSON.stringify(first.result.findings));
    rmSync(dir, { recursive: true, force: true });
  });
});
