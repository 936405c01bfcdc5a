// Outputs written in pieces (issue 18, national peak memory): `json`, `sarif` and `junit` give their text as chunks,
// byte-identical to the whole-string formatters they replace (test/previous-formatters, the oracle), on the examples,
// the test fixtures and a generated académie corpus, with and without indicators, --compare, a baseline, no finding;
// a file is still written atomically (a failure midway leaves the old file and no temporary file); standard output is
// written at the reader's pace (a slow reader never has the whole output buffered).
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { runAudit, type AuditResult } from "../src/audit/engine.js";
import { makeBaseline } from "../src/audit/baseline.js";
import { compareWith, parseSavedResult } from "../src/audit/compare.js";
import { emptyConfig, findConfig, loadConfig } from "../src/validate/config.js";
import { indicatorsOf } from "../src/report/sections/evolution.js";
import { getChunkedFormatter, type ChunkedFormatter, type FailOn, type FormatContext, type Formatter } from "../src/report/index.js";
import { jsonChunks, joinChunks, Streamed } from "../src/report/json-stream.js";
import { chunks as jsonChunked } from "../src/report/formatters/json.js";
import { chunks as sarifChunked } from "../src/report/formatters/sarif.js";
import { chunks as junitChunked } from "../src/report/formatters/junit.js";
import { chunks as textChunked } from "../src/report/formatters/text.js";
import { format as jsonBefore } from "./previous-formatters/json.js";
import { format as sarifBefore } from "./previous-formatters/sarif.js";
import { format as junitBefore } from "./previous-formatters/junit.js";
import { format as textBefore } from "./previous-formatters/text.js";
import { BATCH_CHARS, batches, writeFileAtomic, writeToStream } from "../src/cli/write.js";
import { drained, type CliIO } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { repositoryPathMapper } from "../src/cli/repository.js";
import { GouvnumError } from "../src/core/errors.js";
import { cli } from "./cli-helpers.js";
import { ROOT, FIXTURE_DATE, generatedAcademie } from "./helpers.js";

const FORMATS: Array<[string, ChunkedFormatter, Formatter]> = [
  ["json", jsonChunked, jsonBefore],
  ["sarif", sarifChunked, sarifBefore],
  ["junit", junitChunked, junitBefore],
  ["text", textChunked, textBefore],
];

const ctx = (failOn: FailOn = "error", more: Partial<FormatContext> = {}): FormatContext => ({ version: "9.9.9-test", failOn, color: false, ...more });

function audit(dir: string, more: { baseline?: ReturnType<typeof makeBaseline> } = {}): Promise<AuditResult> {
  return runAudit([dir], { mode: "audit", date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: ROOT, config: emptyConfig(ROOT), ...more });
}

/** Every chunk, checked to be a string; their concatenation. */
function streamed(f: ChunkedFormatter, r: AuditResult, c: FormatContext): { text: string; largest: number; count: number } {
  let text = "";
  let largest = 0;
  let count = 0;
  for (const chunk of f(r, c)) {
    expect(typeof chunk).toBe("string");
    text += chunk;
    largest = Math.max(largest, chunk.length);
    count++;
  }
  return { text, largest, count };
}

/** The previous state of a --compare: this result's saved findings, every third one dropped (new), plus another territory's (fixed). */
function previousOf(r: AuditResult, other: AuditResult) {
  const saved = JSON.parse(jsonBefore(r, ctx())) as { findings: unknown[] };
  const elsewhere = JSON.parse(jsonBefore(other, ctx())) as { findings: unknown[] };
  saved.findings = [...saved.findings.filter((_f, i) => i % 3 !== 0), ...elsewhere.findings];
  return parseSavedResult(JSON.stringify(saved), "avant.json");
}

let corpus = "";
let big: AuditResult;
beforeAll(async () => {
  corpus = await generatedAcademie(18, "gouvnum-sortie-");
  big = await audit(corpus);
}, 120_000);

describe("jsonChunks : le texte de JSON.stringify(v, null, 2), octet pour octet", () => {
  /** A value made twice: with Streamed lists (read once) and with plain arrays, for JSON.stringify. */
  function both(make: (list: <T>(items: T[]) => Streamed<T> | T[]) => unknown): [string, string] {
    const chunked = joinChunks(jsonChunks(make((items) => new Streamed((function* () { yield* items; })()))));
    const whole = JSON.stringify(make((items) => items), null, 2);
    return [chunked, whole];
  }

  const HARD = ["", 'guillemets " et \\ barre', "ligne\nsuivante\r\ttab", "\u2028\u2029", "\ud800 seul", "😀 é ß", "\u0000\u001f\u007f", "</script>"];

  it("listes vides, objets vides, membres undefined ou fonctions, undefined dans une liste, toJSON, NaN, -0, clés numériques", () => {
    const cases: Array<(list: <T>(items: T[]) => Streamed<T> | T[]) => unknown> = [
      (l) => l([]),
      (l) => ({ a: l([]), b: {}, c: [] }),
      (l) => ({ x: undefined, f: () => 1, items: l([1, "a", null, true]) }),
      (l) => ({ items: l([undefined, () => 2, { y: undefined }]) }),
      (l) => ({ only: undefined, items: l([{}]) }),
      (l) => ({ b: 1, 2: "deux", a: l([new Date(Date.UTC(2026, 8, 1))]), 1: NaN, z: -0, inf: Infinity }),
      (l) => ({ deep: { deeper: [{ list: l([{ a: [1, [2, []]], b: { c: {} } }, [], {}]) }] } }),
      (l) => ({ strings: l(HARD), [HARD[1]]: HARD, [HARD[3]]: l(HARD.map((s) => ({ [s]: s }))) }),
      (l) => [l([1]), { n: l([]) }, "x"],
    ];
    for (const make of cases) {
      const [chunked, whole] = both(make);
      expect(chunked).toBe(whole);
    }
  });

  it("une liste en morceaux dans un élément d'une autre échoue franchement (jamais écrite « {} »)", () => {
    const inner = new Streamed([1, 2]);
    expect(() => joinChunks(jsonChunks({ outer: new Streamed([{ inner }]) }))).toThrow(/Streamed/);
  });

  it("une valeur sans liste en morceaux est écrite d'un seul morceau", () => {
    expect([...jsonChunks({ a: [1, 2], b: "c" })]).toEqual([JSON.stringify({ a: [1, 2], b: "c" }, null, 2)]);
  });
});

describe("json, sarif, junit en morceaux = le formatter d'avant, octet pour octet", () => {
  const examples = () => [
    join(ROOT, "examples/academie-exemple"),
    join(ROOT, "examples/minimal"),
    ...readdirSync(join(ROOT, "examples/territoires")).map((d) => join(ROOT, "examples/territoires", d)),
    join(ROOT, "test/fixtures"),
  ];

  it("exemples, territoires particuliers et fixtures de test : chaque format, seuils error et info, avec et sans indicateurs", async () => {
    for (const dir of examples()) {
      const r = await audit(dir);
      for (const [name, chunked, before] of FORMATS) {
        for (const c of [ctx("error"), ctx("info", { indicators: indicatorsOf(r), repositoryPath: (f) => `sous/dossier/${f}` })]) {
          expect(streamed(chunked, r, c).text, `${name} ${dir}`).toBe(before(r, c));
        }
      }
    }
  }, 60_000);

  it("le corpus académie généré (milliers de constats) : identique, et jamais plus de quelques constats par morceau", () => {
    expect(big.findings.length).toBeGreaterThan(1000);
    for (const [name, chunked, before] of FORMATS) {
      for (const c of [ctx("warning"), ctx("never", { indicators: indicatorsOf(big) })]) {
        const whole = before(big, c);
        const s = streamed(chunked, big, c);
        expect(s.text, name).toBe(whole);
        // In pieces for real: the largest is a sliver of the whole (one finding, one result, one file's testsuite, or the rules' descriptions).
        expect(s.largest, name).toBeLessThan(whole.length / 20);
        expect(s.count, name).toBeGreaterThan(100);
      }
    }
  });

  it("--compare (nouveaux, inchangés, corrigés) sur un exemple et sur le corpus", async () => {
    const other = await audit(join(ROOT, "examples/territoires/mayotte"));
    for (const dir of [join(ROOT, "examples/academie-exemple"), corpus]) {
      const r = dir === corpus ? await audit(corpus) : await audit(dir);
      const cmp = compareWith(r, previousOf(r, other));
      expect(cmp.counts.new).toBeGreaterThan(0);
      expect(cmp.counts.unchanged).toBeGreaterThan(0);
      expect(cmp.fixed.length).toBeGreaterThan(0);
      for (const [name, chunked, before] of FORMATS) {
        const c = ctx("error", { indicators: indicatorsOf(r) });
        const text = streamed(chunked, r, c).text;
        expect(text, name).toBe(before(r, c));
        if (name === "json") expect(JSON.parse(text).fixed.length).toBe(cmp.fixed.length);
      }
    }
  }, 60_000);

  it("une ligne de base (constats connus) et aucun constat du tout, avec une comparaison sans corrigé", async () => {
    const dir = join(ROOT, "examples/academie-exemple");
    const first = await audit(dir);
    const known = await audit(dir, { baseline: makeBaseline(first.findings.filter((_f, i) => i % 2 === 0)) });
    expect(known.findings.some((f) => f.known)).toBe(true);
    const none: AuditResult = { ...first, findings: [] };
    const noneCompared: AuditResult = { ...first, findings: [] };
    compareWith(noneCompared, { kind: "json", ref: "vide.json", date: FIXTURE_DATE, findings: [] });
    for (const r of [known, none, noneCompared]) {
      for (const [name, chunked, before] of FORMATS) {
        for (const c of [ctx("error"), ctx("info", { indicators: [] })]) expect(streamed(chunked, r, c).text, name).toBe(before(r, c));
      }
    }
    expect(streamed(jsonChunked, none, ctx()).text).toContain('"findings": []');
    expect(streamed(jsonChunked, noneCompared, ctx()).text).toContain('"fixed": []');
  });

  it("text : sortie standard ou fichier, résumé seul, couleurs, au-delà de 10 000 constats (liste arrêtée et résumé)", async () => {
    const other = await audit(join(ROOT, "examples/territoires/mayotte"));
    const compared = await audit(corpus);
    compareWith(compared, previousOf(compared, other));
    const many: AuditResult = { ...big, findings: [...big.findings, ...big.findings, ...big.findings] };
    expect(many.findings.length).toBeGreaterThan(10_000);
    for (const r of [big, compared, many]) {
      for (const more of [{ stdout: true }, { stdout: false }, { summary: "only" as const, seeAll: "gouvnum audit x" }, { color: true, stdout: true, seeAll: "gouvnum audit 'a b' -o constats.txt" }]) {
        const c = ctx("error", more);
        expect(streamed(textChunked, r, c).text).toBe(textBefore(r, c));
      }
    }
    // On standard output the listing stops at 10,000 findings; a file gets them all.
    expect(streamed(textChunked, many, ctx("error", { stdout: true })).text.length).toBeLessThan(streamed(textChunked, many, ctx("error")).text.length);
  }, 60_000);

  it("les formats qui ne s'écrivent pas en morceaux donnent leur texte d'un seul morceau", async () => {
    const r = await audit(join(ROOT, "examples/academie-exemple"));
    for (const name of ["github", "markdown", "gitlab"] as const) {
      expect([...(await getChunkedFormatter(name))(r, ctx())]).toHaveLength(1);
    }
  });
});

describe("fichier écrit en morceaux, toujours atomiquement", () => {
  const tmps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
  /** Pieces of `n` characters (accents included), then a failure after `failAfter` of them. */
  function* pieces(n: number, count: number, failAfter = Infinity): Generator<string> {
    for (let i = 0; i < count; i++) {
      if (i === failAfter) throw new Error("rendu interrompu");
      yield `${i}é`.padEnd(n, "x") + "\n";
    }
  }

  it("les morceaux donnent les mêmes octets que le texte entier", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-sortie-"));
    const whole = joinChunks(pieces(1000, 3000));
    await writeFileAtomic(join(dir, "a.txt"), pieces(1000, 3000));
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe(whole);
    expect(tmps(dir)).toEqual([]);
  });

  it("un échec au milieu (après plusieurs Mo écrits) laisse l'ancien fichier intact et aucun fichier temporaire", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-sortie-"));
    const file = join(dir, "resultat.json");
    writeFileSync(file, "ancien contenu\n");
    // 3 Mi characters before the failure: several pieces were already written to the temporary file.
    const failing = pieces(1024, 10_000, 3 * 1024);
    await expect(writeFileAtomic(file, failing, { force: true })).rejects.toThrow("rendu interrompu");
    expect(readFileSync(file, "utf8")).toBe("ancien contenu\n");
    expect(tmps(dir)).toEqual([]);
    // A new file: nothing at all.
    await expect(writeFileAtomic(join(dir, "neuf.json"), pieces(1024, 10_000, 3 * 1024))).rejects.toThrow("rendu interrompu");
    expect(existsSync(join(dir, "neuf.json"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["resultat.json"]);
  });

  it("sans --force, un fichier existant est refusé avant que le texte soit commencé", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-sortie-"));
    const file = join(dir, "resultat.json");
    writeFileSync(file, "ancien\n");
    let started = false;
    const text = (function* () {
      started = true;
      yield "nouveau\n";
    })();
    const err = await writeFileAtomic(file, text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GouvnumError);
    expect((err as GouvnumError).code).toBe("fichierExiste");
    expect(started).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("ancien\n");
  });

  it("la CLI : -f json -f sarif -f junit -o … écrit les mêmes octets que les formatters d'avant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-sortie-"));
    const r = await cli(["audit", corpus, "--date", FIXTURE_DATE, "--fail-on", "never", "-f", "json", "-f", "sarif", "-f", "junit", "-o", "a.json", "-o", "a.sarif", "-o", "a.xml"], { cwd: dir });
    expect(r.code).toBe(0);
    const sarif = readFileSync(join(dir, "a.sarif"), "utf8");
    const json = readFileSync(join(dir, "a.json"), "utf8");
    expect(json.length).toBeGreaterThan(2 * BATCH_CHARS);
    const parsed = JSON.parse(json) as { findings: unknown[]; indicators: unknown[] };
    expect(parsed.findings).toHaveLength(big.findings.length);
    expect(parsed.indicators.length).toBeGreaterThan(0);
    // The same audit as the CLI's (its configuration, its territory root, its cwd), through the previous formatters.
    const config = await loadConfig((await findConfig(corpus))!, dir);
    const again = await runAudit([corpus], { mode: "audit", date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: dir, config, territory: config.dir });
    const version = (JSON.parse(json) as { tool: { version: string } }).tool.version;
    expect(json).toBe(jsonBefore(again, { version, failOn: "never", color: false, indicators: indicatorsOf(again) }));
    expect(sarif).toBe(sarifBefore(again, { version, failOn: "never", color: false }));
    expect(readFileSync(join(dir, "a.xml"), "utf8")).toBe(junitBefore(again, { version, failOn: "never", color: false, repositoryPath: await repositoryPathMapper(dir, config.dir) }));
    expect(tmps(dir)).toEqual([]);
  }, 60_000);
});

describe("sortie standard au rythme du lecteur", () => {
  /** A reader that takes 16 KiB at a time, each on a later turn of the event loop; how much it ever had waiting. */
  function slowReader(highWaterMark = 16 * 1024) {
    const received: Buffer[] = [];
    const w = new Writable({
      highWaterMark,
      write(chunk: Buffer, _enc, done) {
        received.push(Buffer.from(chunk));
        setImmediate(done);
      },
    });
    const seen = { maxWaiting: 0, largestWrite: 0, waits: 0 };
    const stream = {
      write: (s: string) => track(w.write(s), Buffer.byteLength(s)),
      writeBytes: (b: Uint8Array) => track(w.write(b), b.length),
      whenDrained: () => {
        seen.waits++;
        return drained(w);
      },
      // What process.stdout answers (src/cli/run.ts): bytes it still holds are never written over.
      heldBytes: () => w.writableLength,
    };
    function track(ok: boolean, n: number): boolean {
      seen.maxWaiting = Math.max(seen.maxWaiting, w.writableLength);
      seen.largestWrite = Math.max(seen.largestWrite, n);
      return ok;
    }
    return { w, stream, seen, text: () => Buffer.concat(received).toString("utf8") };
  }

  it("writeToStream attend le lecteur : jamais plus d'un morceau en attente, texte complet et dans l'ordre", async () => {
    const reader = slowReader();
    const parts = Array.from({ length: 5000 }, (_v, i) => `ligne ${i} é😀`.padEnd(1000, "-") + "\n");
    await writeToStream(reader.stream, parts);
    reader.w.end();
    await finished(reader.w);
    expect(reader.text()).toBe(parts.join(""));
    expect(reader.seen.waits).toBeGreaterThan(2);
    expect(reader.seen.maxWaiting).toBeLessThanOrEqual(16 * 1024 + reader.seen.largestWrite);
    expect(reader.seen.maxWaiting).toBeLessThan(parts.join("").length / 2);
  });

  it("gouvnum audit -f json vers un lecteur lent : les octets du fichier, jamais la sortie entière en attente", async () => {
    const reader = slowReader();
    let stderr = "";
    const io: CliIO = {
      stdout: reader.stream,
      stderr: { write: (s: string) => (stderr += s) },
      readStdin: async () => new Uint8Array(),
      cwd: ROOT,
      env: {},
      now: () => new Date("2026-09-01T10:00:00"),
    };
    const code = await main(["audit", corpus, "--date", FIXTURE_DATE, "--fail-on", "never", "-f", "json"], io);
    reader.w.end();
    await finished(reader.w);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-sortie-"));
    const file = join(dir, "a.json");
    expect((await cli(["audit", corpus, "--date", FIXTURE_DATE, "--fail-on", "never", "-f", "json", "-o", file])).code).toBe(0);
    const text = reader.text();
    expect(text).toBe(readFileSync(file, "utf8"));
    expect(text.length).toBeGreaterThan(3 * BATCH_CHARS);
    expect(reader.seen.waits).toBeGreaterThan(1);
    expect(reader.seen.maxWaiting).toBeLessThanOrEqual(16 * 1024 + reader.seen.largestWrite);
    expect(reader.seen.maxWaiting).toBeLessThan(text.length / 2);
  }, 60_000);

  it("un lecteur lent qui accepte beaucoup sans attendre (64 Mio) : les octets qu'il garde ne sont jamais réécrits", async () => {
    const reader = slowReader(64 * 1024 * 1024);
    const parts = Array.from({ length: 6000 }, (_v, i) => `ligne ${i} é😀`.padEnd(1000, "-") + "\n");
    await writeToStream(reader.stream, parts);
    reader.w.end();
    await finished(reader.w);
    expect(reader.seen.waits).toBe(0);
    expect(reader.text()).toBe(parts.join(""));
  });

  it("un lecteur qui prend tout aussitôt (fichier, tube sous Linux) : un seul tampon réutilisé, les octets justes", async () => {
    const got: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    const sink = {
      write: (s: string) => got.push(Buffer.from(s)),
      writeBytes: (b: Uint8Array) => {
        buffers.add(b.buffer);
        got.push(Buffer.from(b)); // copied at once, as a synchronous write hands them to the system
        return true;
      },
      heldBytes: () => 0,
    };
    const parts = Array.from({ length: 6000 }, (_v, i) => `ligne ${i} é😀`.padEnd(1000, "-") + "\n");
    await writeToStream(sink, parts);
    expect(Buffer.concat(got).toString("utf8")).toBe(parts.join(""));
    expect(got.length).toBeGreaterThan(3);
    expect(buffers.size).toBe(1);
  });

  it("une petite sortie reste une seule écriture de texte, comme avant", async () => {
    const calls: Array<string | Uint8Array> = [];
    const io: CliIO = {
      stdout: { write: (s: string) => calls.push(s), writeBytes: (b: Uint8Array) => calls.push(b) },
      stderr: { write: () => true },
      readStdin: async () => new Uint8Array(),
      cwd: ROOT,
      env: {},
      now: () => new Date("2026-09-01T10:00:00"),
    };
    await main(["audit", "examples/academie-exemple", "-f", "json"], io);
    expect(calls).toHaveLength(1);
    expect(typeof calls[0]).toBe("string");
    expect(JSON.parse(calls[0] as string).tool.name).toBe("gouvnum");
  });

  it("batches : des morceaux d'au moins la taille demandée, rien de perdu, un morceau vide si rien n'est donné", () => {
    expect([...batches([], 10)]).toEqual([""]);
    expect([...batches(["abc", "def", "ghijklmnop", "q"], 5)]).toEqual(["abcdef", "ghijklmnop", "q"]);
  });
});
