// `gouvnum lsp` and `audit --watch`, driven as an editor and a person would: the server over stdio with a real
// JSON-RPC client (vscode-jsonrpc, the protocol's own types), the watcher through real file saves.
import { describe, expect, it, afterEach } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import {
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  CodeActionRequest,
  ShutdownRequest,
  ExitNotification,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "gouvnum.js");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

function territory(): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-lsp-"));
  cpSync(join(ROOT, "examples", "academie-exemple"), dir, { recursive: true });
  return dir;
}

/** A client that remembers every diagnostics notification and can wait for one matching a condition. */
function client(dir: string) {
  const proc = spawn(process.execPath, [BIN, "lsp", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
  children.push(proc);
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: Array<() => void> = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    for (const w of waiters.splice(0)) w();
  });
  conn.onRequest(RegistrationRequest.type, () => null);
  conn.listen();
  const until = async (uri: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const d = latest.get(uri);
      if (d && ok(d)) return d;
      if (Date.now() > deadline) throw new Error(`pas de diagnostics attendus pour ${uri} : ${JSON.stringify(d?.map((x) => x.code))}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 500);
      });
    }
  };
  return { conn, until, proc };
}

const uri = (dir: string, rel: string) => pathToFileURL(join(dir, rel)).href;

describe("gouvnum lsp", () => {
  it("retirer une convention dans l'éditeur, sans enregistrer, fait apparaître convention-manquante sur le fichier de l'établissement", async () => {
    const dir = territory();
    const { conn, until } = client(dir);
    const init = await conn.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null });
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    await conn.sendNotification(InitializedNotification.type, {});
    const etab = uri(dir, "etablissements/0350011X.yaml");
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: etab, languageId: "yaml", version: 1, text: readFileSync(join(dir, "etablissements/0350011X.yaml"), "utf8") },
    });
    const before = await until(etab, () => true);
    expect(before.map((d) => d.code)).not.toContain("convention-manquante");

    // The convention between the lycée and its région, emptied in the editor: never saved.
    const conv = uri(dir, "conventions/conv-region-0350011x-2022.yaml");
    const text = readFileSync(join(dir, "conventions/conv-region-0350011x-2022.yaml"), "utf8");
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: conv, languageId: "yaml", version: 1, text } });
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: conv, version: 2 },
      contentChanges: [{ text: "# convention retirée\n" }],
    });
    const after = await until(etab, (d) => d.some((x) => x.code === "convention-manquante"));
    const d = after.find((x) => x.code === "convention-manquante")!;
    expect(d.source).toBe("gouvnum");
    expect(d.severity).toBe(1);
    expect(d.codeDescription?.href).toMatch(/convention-manquante/);
    expect(d.range.start.line).toBe(1); // the document's `kind:` line (line 2)
    // Nothing was written to disk.
    expect(readFileSync(join(dir, "conventions/conv-region-0350011x-2022.yaml"), "utf8")).toBe(text);

    // Undo: the finding goes away again.
    await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: conv, version: 3 }, contentChanges: [{ text }] });
    await until(etab, (x) => !x.some((y) => y.code === "convention-manquante"));
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("un client qui affiche la progression la voit pendant le premier audit (fichiers lus sur le total, puis les règles), pas aux suivants ; un client qui ne répond pas a quand même ses diagnostics ; un autre ne reçoit rien", async () => {
    const dir = territory();
    const etab = uri(dir, "etablissements/0350011X.yaml");
    const text = readFileSync(join(dir, "etablissements/0350011X.yaml"), "utf8");
    const run = async (client_: "shows" | "never answers" | "without") => {
      const { conn, until } = client(dir);
      const created: unknown[] = [];
      const progress: Array<{ kind: string; title?: string; message?: string; percentage?: number }> = [];
      conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
        created.push(p.token);
        return client_ === "never answers" ? new Promise<null>(() => undefined) : null;
      });
      conn.onNotification("$/progress", (p: { token: unknown; value: (typeof progress)[number] }) => {
        if (created.includes(p.token)) progress.push(p.value);
      });
      await conn.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToFileURL(dir).href, capabilities: { window: { workDoneProgress: client_ !== "without" } }, workspaceFolders: null });
      await conn.sendNotification(InitializedNotification.type, {});
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: etab, languageId: "yaml", version: 1, text } });
      await until(etab, () => true);
      // An edit's audit: its diagnostics, and no progress of its own.
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: etab, version: 2 }, contentChanges: [{ text: text.replace("\nnom:", "\nnon:") }] });
      await until(etab, (d) => d.some((x) => x.code === "schema"));
      for (let i = 0; i < 50 && client_ === "shows" && progress.at(-1)?.kind !== "end"; i++) await new Promise((r) => setTimeout(r, 100));
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      return { created, progress };
    };
    const shown = await run("shows");
    expect(shown.created.length).toBe(1);
    expect(shown.progress[0]).toMatchObject({ kind: "begin", title: "gouvnum : audit du territoire" });
    expect(shown.progress.at(-1)).toEqual({ kind: "end" });
    expect(shown.progress.filter((p) => p.kind !== "report").map((p) => p.kind)).toEqual(["begin", "end"]);
    // Files read out of all, then the rules; percentages only grow, one report per percent at most.
    const states = shown.progress.filter((p) => p.kind !== "end");
    for (const p of states) if (p.message !== undefined) expect(p.message).toMatch(/^(\d+ \/ 36 fichiers lus|36 fichiers lus ; règles)$/);
    expect(states.at(-1)).toMatchObject({ percentage: 100, message: "36 fichiers lus ; règles" });
    const pct = states.map((p) => p.percentage ?? -1);
    expect(pct).toEqual([...new Set(pct)].sort((a, b) => a - b));
    // A client that accepts the capability but never answers the creation: the audit does not wait for it.
    const mute = await run("never answers");
    expect([mute.created.length, mute.progress]).toEqual([1, []]);
    const silent = await run("without");
    expect([silent.created, silent.progress]).toEqual([[], []]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("un client qui ne nomme pas d'espace de travail (fichier ouvert seul) : le territoire de la configuration trouvée depuis ce fichier", async () => {
    const dir = territory();
    const { conn, until } = client(join(dir, "etablissements"));
    await conn.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
    await conn.sendNotification(InitializedNotification.type, {});
    const etab = uri(dir, "etablissements/0350011X.yaml");
    const text = readFileSync(join(dir, "etablissements/0350011X.yaml"), "utf8");
    // Without its lycée's convention (the whole territory is read: the convention's folder is beside this one)
    rmSync(join(dir, "conventions/conv-region-0350011x-2022.yaml"));
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: etab, languageId: "yaml", version: 1, text } });
    const d = await until(etab, (x) => x.some((y) => y.code === "convention-manquante"));
    expect(d.find((x) => x.code === "convention-manquante")?.range.start.line).toBe(1);
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("propose des corrections sûres : code entre guillemets, clé la plus proche, lettre de l'UAI", async () => {
    const dir = territory();
    const file = "etablissements/0350896J.yaml";
    const original = readFileSync(join(dir, file), "utf8");
    const edited = original.replace(/^academie: .*$/m, "academie: 14").replace(/^nom:/m, "nmo:").replace(/^uai: .*$/m, 'uai: "0350896K"');
    const { conn, until } = client(dir);
    await conn.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null });
    await conn.sendNotification(InitializedNotification.type, {});
    const u = uri(dir, file);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: "yaml", version: 1, text: edited } });
    const diags = await until(u, (d) => d.some((x) => x.code === "schema"));
    const actions = await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      context: { diagnostics: diags },
    });
    const edits = (actions ?? []).flatMap((a) => ("edit" in a && a.edit?.changes ? a.edit.changes[u] : []));
    const texts = edits.map((e) => e.newText);
    expect(texts).toContain('"14"');
    expect(texts).toContain("nom");
    expect(texts.some((x) => /"0350896J"/.test(x))).toBe(true);
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("audit --watch", () => {
  it("après un enregistrement, affiche seulement les constats nouveaux et corrigés", async () => {
    const dir = territory();
    const proc = spawn(process.execPath, [BIN, "audit", "--watch", "--no-color"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    children.push(proc);
    let out = "";
    let err = "";
    proc.stdout!.on("data", (c: Buffer) => (out += String(c)));
    proc.stderr!.on("data", (c: Buffer) => (err += String(c)));
    const wait = async (ok: () => boolean, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`attendu : ${what}\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await wait(() => err.includes("À l'écoute"), "l'écoute");
    const file = join(dir, "etablissements/0350002M.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace(/^collectivite: .*$/m, "collectivite: inconnue-99"));
    await wait(() => /2 nouveau\(x\), 0 corrigé\(s\)/.test(out), "deux nouveaux constats");
    expect(out).toMatch(/\+ etablissements\/0350002M\.yaml:\d+:\d+ erreur .*\(reference-inconnue\)/);
    expect(out).toMatch(/\+ etablissements\/0350002M\.yaml:2:1 erreur .*\(convention-manquante\)/);
    writeFileSync(file, original);
    await wait(() => /0 nouveau\(x\), 2 corrigé\(s\)/.test(out), "deux constats corrigés");
    proc.kill("SIGINT");
    const code = await new Promise<number | null>((r) => proc.on("exit", (c) => r(c)));
    expect(code).toBe(0);
    expect(err).toContain("Arrêt de l'écoute.");
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
