// --cache: an unchanged file is neither read nor parsed (recognised by its metadata, by its content hash when in doubt),
// and every run gives exactly the findings and positions of a cold run, cross-file ones included.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { runAudit, type AuditOptions } from "../src/audit/engine.js";
import { FileCache } from "../src/audit/cache.js";
import { emptyConfig } from "../src/validate/config.js";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

/** The example territory; with `slow`, every file also carries a block scalar, so the reference parser reads it. */
function territory(slow = false): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-cache-"));
  cpSync(join(ROOT, "examples/academie-exemple"), dir, { recursive: true });
  if (slow) {
    for (const sub of [".", "collectivites", "etablissements", "conventions"]) {
      for (const name of readdirSync(join(dir, sub)).filter((n) => n.endsWith(".yaml") && !n.startsWith("gouvnum."))) {
        const f = join(dir, sub, name);
        // One document per file here; a note in a literal block is outside the block path's subset.
        writeFileSync(f, readFileSync(f, "utf8").replace(/\n---\n/g, "\nx_note: |\n  relu\n---\n") + "x_note: |\n  relu à la main\n");
      }
    }
  }
  backdate(dir);
  return dir;
}

/** Files last modified an hour ago, as in a checked-out repository (a file modified just now is checked by its hash). */
function backdate(dir: string, seconds = 3600): void {
  const t = Date.now() / 1000 - seconds;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) utimesSync(join(e.parentPath, e.name), t, t);
  }
}

const args = (dir: string, ...more: string[]) => ["audit", dir, "-f", "json", "--fail-on", "never", "--date", "2026-09-01", ...more];

/** An audit through the engine with a cache loaded from `bytes`; returns the findings as JSON, the cache and its bytes. */
async function audit(dir: string, bytes?: Uint8Array, key = "k") {
  const opts: AuditOptions = { today: "2026-09-01", date: "2026-09-01", cwd: dir, config: emptyConfig(dir) };
  const cache = new FileCache(key, bytes);
  const r = await runAudit(["."], { ...opts, cache });
  const cold = await runAudit(["."], opts);
  return { json: JSON.stringify(r.findings), cold: JSON.stringify(cold.findings), cache, bytes: cache.serialize(), files: r.files.length };
}

describe("--cache", () => {
  it("deuxième exécution identique ; après une modification qui touche d'autres fichiers, identique à une exécution à froid", async () => {
    const dir = territory(true);
    const cache = join(dir, "cache.bin");
    const cold = await cli(args(dir));
    const first = await cli(args(dir, "--cache", "--cache-location", cache));
    const second = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(first.stdout).toBe(cold.stdout);
    expect(second.stdout).toBe(cold.stdout);
    // The text format too: its code frames read the text of files that came from the cache.
    const text = ["audit", dir, "--fail-on", "never", "--date", "2026-09-01"];
    expect((await cli([...text, "--cache", "--cache-location", cache])).stdout).toBe((await cli(text)).stdout);
    // Removing the département makes the collèges' references dangle: findings in files that did not change.
    rmSync(join(dir, "collectivites", "dep-35.yaml"));
    const afterCold = await cli(args(dir));
    const afterCached = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(afterCached.stdout).toBe(afterCold.stdout);
    expect(JSON.parse(afterCached.stdout).findings.some((f: { ruleId: string }) => f.ruleId === "reference-inconnue")).toBe(true);
    // Editing a file: its new content is read.
    const f = join(dir, "academie.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("kind: academie", "kind: academie\ncle_inconnue: 1"));
    const edited = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(edited.stdout).toBe((await cli(args(dir))).stdout);
  });

  it("une relance réécrit le cache par morceaux : les entrées reprises sont des plages de l'ancien, sans copie, et le tout se relit", async () => {
    const dir = territory();
    const a = await audit(dir);
    const files = a.files;
    const f = join(dir, "conventions", readdirSync(join(dir, "conventions")).sort()[1]);
    writeFileSync(f, readFileSync(f, "utf8").replace(/\n$/, "\nx_note: relu\n"));
    const b = await audit(dir, a.bytes);
    expect([b.cache.hits, b.cache.misses]).toEqual([files - 1, 1]);
    // Pieces of any size kept apart: head, header, then the body — the entries before the changed one as one run of
    // the old cache's bytes, the new entry, the entries after it as one more run.
    const pieces = b.cache.pieces(0);
    expect(pieces.length).toBe(5);
    expect(pieces.filter((p) => p.buffer === a.bytes.buffer).length).toBe(2);
    // Under a megabyte (this territory), runs are gathered: the same bytes in fewer pieces.
    const whole = Buffer.concat(pieces);
    expect(b.cache.pieces().length).toBe(3);
    expect(Buffer.compare(Buffer.concat(b.cache.pieces()), whole)).toBe(0);
    expect(Buffer.compare(whole, Buffer.from(b.cache.serialize()))).toBe(0);
    const c = await audit(dir, whole);
    // The file changed a moment ago is recognised by its digest (modified within two seconds of being read).
    expect([c.cache.hits, c.cache.hashHits, c.cache.misses]).toEqual([files - 1, 1, 0]);
    expect(c.json).toBe(c.cold);
  });

  it("une autre date d'audit, ou la validation après l'audit : les constats d'une exécution à froid, même quand le cache ne garde que les faits", async () => {
    const dir = territory();
    const cache = join(dir, "cache.bin");
    const at = (date: string, mode = "audit") => [mode, dir, "-f", "json", "--fail-on", "never", "--date", date];
    await cli([...at("2026-09-01"), "--cache", "--cache-location", cache]);
    // In 2034 conventions have lapsed: document-phase rules (convention-expiree) find what the cached run could not.
    const later = await cli([...at("2034-01-01"), "--cache", "--cache-location", cache]);
    const laterCold = await cli(at("2034-01-01"));
    expect(later.stdout).toBe(laterCold.stdout);
    expect(JSON.parse(later.stdout).findings.some((f: { ruleId: string }) => f.ruleId === "convention-expiree")).toBe(true);
    const validated = await cli([...at("2034-01-01", "validate"), "--cache", "--cache-location", cache]);
    expect(validated.stdout).toBe((await cli(at("2034-01-01", "validate"))).stdout);
    expect((await cli([...at("2026-09-01"), "--cache", "--cache-location", cache])).stdout).toBe((await cli(at("2026-09-01"))).stdout);
  });

  for (const slow of [false, true]) {
    it(`un fichier inchangé n'est ni lu ni analysé ; seuls les fichiers modifiés le sont (${slow ? "analyseur de référence" : "chemin par blocs"})`, async () => {
      const dir = territory(slow);
      const a = await audit(dir);
      expect(a.json).toBe(a.cold);
      expect([a.cache.hits, a.cache.hashHits, a.cache.misses]).toEqual([0, 0, a.files]);
      // Unchanged: every file recognised by its metadata alone.
      const b = await audit(dir, a.bytes);
      expect(b.json).toBe(b.cold);
      expect([b.cache.hits, b.cache.hashHits, b.cache.misses]).toEqual([a.files, 0, 0]);
      expect(b.cache.dirty).toBe(false);
      // One file edited: only that one is read again.
      const f = join(dir, "etablissements", "0350002M.yaml");
      writeFileSync(f, readFileSync(f, "utf8").replace("statut: public", "statut: publique"));
      const c = await audit(dir, b.bytes);
      expect(c.json).toBe(c.cold);
      expect(c.json).not.toBe(b.json);
      expect([c.cache.hits, c.cache.hashHits, c.cache.misses]).toEqual([a.files - 1, 0, 1]);
      // Another key (another version, schema, limit or rules' setting) invalidates everything.
      const d = await audit(dir, c.bytes, "autre");
      expect(d.cache.hits + d.cache.hashHits).toBe(0);
    });
  }

  it("un fichier touché sans changement est reconnu à son empreinte, sans être analysé", async () => {
    const dir = territory();
    const a = await audit(dir);
    const f = join(dir, "conventions", "conv-cadre-bretagne-2023.yaml");
    const t = Date.now() / 1000 - 600;
    utimesSync(f, t, t);
    const b = await audit(dir, a.bytes);
    expect([b.cache.hits, b.cache.hashHits, b.cache.misses]).toEqual([a.files - 1, 1, 0]);
    expect(b.json).toBe(b.cold);
    // The entry is renewed: the next run trusts its metadata again.
    const c = await audit(dir, b.bytes);
    expect([c.cache.hits, c.cache.hashHits, c.cache.misses]).toEqual([a.files, 0, 0]);
  });

  it("un fichier remplacé par un autre de même taille et même date est relu (empreinte)", async () => {
    const dir = territory();
    const a = await audit(dir);
    const f = join(dir, "etablissements", "0350011X.yaml");
    const before = statSync(f);
    const text = readFileSync(f, "utf8");
    // Same length, other content (a statut the schema does not know), then the same date put back.
    const other = text.replace("statut: public", "statut: publiX");
    expect(other).not.toBe(text);
    expect(Buffer.byteLength(other)).toBe(before.size);
    // Renamed over it (another inode)…
    const tmp = join(dir, "etablissements", ".autre.tmp");
    writeFileSync(tmp, other);
    utimesSync(tmp, before.atime, before.mtime);
    renameSync(tmp, f);
    expect(statSync(f).mtimeMs).toBe(before.mtimeMs);
    const b = await audit(dir, a.bytes);
    expect(b.cache.misses).toBe(1);
    expect(b.json).toBe(b.cold);
    expect(b.json).not.toBe(a.json);
    // …or written in place (same inode, same date put back: only the change time moved).
    writeFileSync(f, text);
    utimesSync(f, before.atime, before.mtime);
    const c = await audit(dir, b.bytes);
    expect(c.cache.misses).toBe(1);
    expect(c.json).toBe(a.json);
  });

  it("un fichier supprimé disparaît du cache et des constats", async () => {
    const dir = territory();
    const a = await audit(dir);
    rmSync(join(dir, "conventions", "conv-dep35-0350002m.yaml"));
    const b = await audit(dir, a.bytes);
    expect(b.json).toBe(b.cold);
    expect([b.cache.hits, b.cache.misses]).toEqual([a.files - 1, 0]);
    expect(b.cache.dirty).toBe(true);
    expect(FileCache.inspect(b.bytes)!.files).toHaveLength(a.files - 1);
  });

  it("un fichier modifié dans la seconde où il a été lu est vérifié à son empreinte", async () => {
    const dir = territory();
    backdate(dir, 0);
    const a = await audit(dir);
    const b = await audit(dir, a.bytes);
    // Modified too recently to trust the date: read and hashed, never parsed again while the bytes are the same.
    expect([b.cache.hits, b.cache.hashHits, b.cache.misses]).toEqual([0, a.files, 0]);
    expect(b.json).toBe(b.cold);
  });

  it("un cache tronqué ou abîmé n'est jamais cru : il est reconstruit sans erreur", async () => {
    const dir = territory();
    const cache = join(dir, "cache.bin");
    const cold = (await cli(args(dir))).stdout;
    writeFileSync(cache, "pas un cache");
    const r = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(cold);
    const whole = readFileSync(cache);
    expect(FileCache.inspect(whole)).toBeDefined();
    // Truncated (a process killed while copying it, a full disk): rebuilt.
    truncateSync(cache, Math.floor(whole.length / 2));
    expect(FileCache.inspect(readFileSync(cache))).toBeUndefined();
    const t = await cli(args(dir, "--cache", "--cache-location", cache));
    expect(t.stdout).toBe(cold);
    expect(FileCache.inspect(readFileSync(cache))!.files).toEqual(FileCache.inspect(whole)!.files);
    // One byte changed in the body: the checksum refuses it.
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 10] ^= 0xff;
    expect(FileCache.inspect(damaged)).toBeUndefined();
    const a = await audit(dir);
    const bad = Buffer.from(a.bytes);
    bad[bad.length - 10] ^= 0xff;
    const b = await audit(dir, bad);
    expect(b.cache.hits).toBe(0);
    expect(b.json).toBe(b.cold);
  });

  it("deux exécutions simultanées : chacune donne les constats d'une exécution à froid, le cache reste entier", async () => {
    const dir = territory();
    const cache = join(dir, "cache.bin");
    const bin = join(ROOT, "bin", "gouvnum.js");
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, [bin, ...args(dir, "--cache", "--cache-location", cache)], { cwd: dir });
        let out = "";
        p.stdout.on("data", (d) => (out += d));
        p.on("error", reject);
        p.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`code ${code}`))));
      });
    const cold = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [bin, ...args(dir)], { cwd: dir });
      let out = "";
      p.stdout.on("data", (d) => (out += d));
      p.on("error", reject);
      p.on("close", () => resolve(out));
    });
    const [x, y] = await Promise.all([run(), run()]);
    expect(x).toBe(cold);
    expect(y).toBe(cold);
    const [z, w] = await Promise.all([run(), run()]);
    expect(z).toBe(cold);
    expect(w).toBe(cold);
    expect(FileCache.inspect(readFileSync(cache))).toBeDefined();
    // No temporary file left behind.
    expect(readdirSync(dir).filter((n) => n.includes(".tmp"))).toEqual([]);
  }, 60_000);
});
