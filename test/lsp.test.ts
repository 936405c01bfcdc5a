// Editor integration, proved with a real client: yaml-language-server over stdio reads gouvnum's schemas (modeline or settings) and reports, completes, explains.
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";

const SERVER = join(ROOT, "node_modules/yaml-language-server/bin/yaml-language-server");
const TIMEOUT = 15_000;

interface Position {
  line: number;
  character: number;
}
interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
  source?: string;
}

/** A minimal LSP client: JSON-RPC 2.0 with Content-Length framing over the server's stdio. */
class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly diagnostics = new Map<string, Diagnostic[][]>();
  private readonly waiters: Array<() => void> = [];
  readonly stderr: string[] = [];

  constructor(
    private readonly proc: ChildProcess,
    private readonly settings: () => Record<string, unknown>,
  ) {
    proc.stdout!.on("data", (chunk: Buffer) => this.receive(chunk));
    proc.stderr!.on("data", (chunk: Buffer) => this.stderr.push(String(chunk)));
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8"));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: { id?: number; method?: string; params?: any; result?: unknown; error?: { message: string } }): void {
    if (m.method && m.id !== undefined) {
      // A request from the server: configuration is answered, the rest acknowledged.
      let result: unknown = null;
      if (m.method === "workspace/configuration") {
        result = (m.params.items as Array<{ section?: string }>).map((i) => (i.section === "yaml" ? this.settings() : i.section === "[yaml]" ? {} : null));
      }
      this.send({ id: m.id, result });
      return;
    }
    if (m.method === "textDocument/publishDiagnostics") {
      const list = this.diagnostics.get(m.params.uri) ?? [];
      list.push(m.params.diagnostics);
      this.diagnostics.set(m.params.uri, list);
      for (const w of this.waiters.splice(0)) w();
      return;
    }
    if (m.id !== undefined && this.pending.has(m.id)) {
      const p = this.pending.get(m.id)!;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message));
      else p.resolve(m.result);
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pas de réponse à ${method} en ${TIMEOUT} ms\n${this.stderr.join("")}`)), TIMEOUT);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The latest diagnostics published for `uri` that satisfy `ok` (waits for the first one). */
  async diagnosticsFor(uri: string, ok: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const found = (this.diagnostics.get(uri) ?? []).filter(ok);
      if (found.length > 0) return found[found.length - 1];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`pas de diagnostics pour ${uri} : ${JSON.stringify(this.diagnostics.get(uri))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  /** The diagnostics of `uri` once the server has published and then stayed quiet for a moment (for "no diagnostic" checks). */
  async settledDiagnostics(uri: string): Promise<Diagnostic[]> {
    await this.diagnosticsFor(uri);
    for (;;) {
      const count = this.diagnostics.get(uri)!.length;
      await new Promise((r) => setTimeout(r, 400));
      if (this.diagnostics.get(uri)!.length === count) return this.diagnostics.get(uri)![count - 1];
    }
  }

  open(path: string, text: string): string {
    const uri = pathToFileURL(path).href;
    this.diagnostics.delete(uri);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return uri;
  }
}

describe("yaml-language-server avec les schémas de gouvnum", () => {
  let server: ChildProcess;
  let client: LspClient;
  let ws: string;
  let yamlSettings: Record<string, unknown>;

  beforeAll(async () => {
    expect(existsSync(SERVER), SERVER).toBe(true);
    // A workspace as a team gets it: init, then a few établissements from the annuaire.
    ws = join(mkdtempSync(join(tmpdir(), "gouvnum-lsp-")), "territoire");
    expect((await cli(["init", ws, "--yes", "--academie", "14"])).code).toBe(0);
    expect((await cli(["import", "annuaire", join(ROOT, "test/fixtures/annuaire/cas-limites.csv"), "--out", ws, "--departement", "35"])).code).toBe(0);
    const vscode = JSON.parse(readFileSync(join(ws, ".vscode/settings.json"), "utf8"));
    yamlSettings = { validate: true, completion: true, hover: true, schemas: vscode["yaml.schemas"], schemaStore: { enable: false } };

    server = spawn(process.execPath, [SERVER, "--stdio"], { cwd: ws, stdio: ["pipe", "pipe", "pipe"] });
    client = new LspClient(server, () => yamlSettings);
    const rootUri = pathToFileURL(ws).href;
    await client.request("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "territoire" }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    });
    client.notify("initialized", {});
    client.notify("workspace/didChangeConfiguration", { settings: { yaml: yamlSettings } });
  }, 30_000);

  afterAll(() => {
    server?.kill();
  });

  const WITH_ERRORS = (schema: string) =>
    [
      `# yaml-language-server: $schema=${schema}`,
      "kind: etablissement",
      'uai: "0350017D"',
      "nom: Collège du Querpon",
      "type: colege",
      'academie: "14"',
      "collectivite: dep-35",
      "referent_tecnique:",
      "  vacant: true",
      "",
    ].join("\n");

  it("clé mal orthographiée et valeur hors énumération : deux diagnostics, aux bonnes positions (modeline vers schemas/ du projet)", async () => {
    const uri = client.open(join(ws, "etablissements/0350017D.yaml"), WITH_ERRORS(join(ROOT, "schemas/etablissement.schema.json")));
    const diags = await client.diagnosticsFor(uri, (d) => d.length > 0);
    expect(diags).toHaveLength(2);
    const sorted = [...diags].sort((a, b) => a.range.start.line - b.range.start.line);
    // type: colege — the value, line 5 (0-based 4), columns 6 to 12.
    expect(sorted[0].range).toEqual({ start: { line: 4, character: 6 }, end: { line: 4, character: 12 } });
    expect(sorted[0].message).toMatch(/"ecole", "college", "lycee", "lycee_professionnel", "erea"/);
    expect(sorted[0].severity).toBe(1);
    // referent_tecnique — the key, line 8 (0-based 7), columns 0 to 17.
    expect(sorted[1].range).toEqual({ start: { line: 7, character: 0 }, end: { line: 7, character: 17 } });
    expect(sorted[1].message).toContain("referent_tecnique");
    expect(sorted[1].severity).toBe(1);
  });

  it("complétion après « type: » : les types d'établissement", async () => {
    const text = WITH_ERRORS(join(ROOT, "schemas/etablissement.schema.json")).replace("type: colege", "type: ");
    const uri = client.open(join(ws, "etablissements/completion.yaml"), text);
    const result = await client.request<{ items: Array<{ label: string }> } | Array<{ label: string }>>("textDocument/completion", {
      textDocument: { uri },
      position: { line: 4, character: 6 },
    });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["ecole", "college", "lycee", "lycee_professionnel", "erea"]));
  });

  it("survol d'une clé : la description française du schéma", async () => {
    const uri = client.open(join(ws, "etablissements/survol.yaml"), WITH_ERRORS(join(ROOT, "schemas/etablissement.schema.json")));
    const hover = await client.request<{ contents: { value: string } | string }>("textDocument/hover", { textDocument: { uri }, position: { line: 4, character: 2 } });
    const text = typeof hover.contents === "string" ? hover.contents : hover.contents.value;
    expect(text).toContain("Type d'établissement");
    expect(text).toContain("EPLE");
  });

  it("fichier écrit par import annuaire : sa ligne $schema relative (copie hors ligne dans .gouvnum/schemas) est suivie, $ref vers defs compris", async () => {
    const path = join(ws, "etablissements/0359003W.yaml");
    const original = readFileSync(path, "utf8");
    expect(original.split("\n")[0]).toBe("# yaml-language-server: $schema=../.gouvnum/schemas/etablissement.schema.json");
    const clean = client.open(path, original);
    expect(await client.settledDiagnostics(clean)).toEqual([]);
    const lines = original.split("\n");
    const at = lines.findIndex((l) => l.startsWith("academie:"));
    const broken = client.open(join(ws, "etablissements/0359003W-copie.yaml"), original.replace('academie: "14"', "academie: 14"));
    const diags = await client.diagnosticsFor(broken, (d) => d.length > 0);
    expect(diags).toHaveLength(1);
    expect(diags[0].range.start).toEqual({ line: at, character: 10 });
    expect(diags[0].message).toContain("string");
  });

  it("sans ligne $schema : les associations yaml.schemas de .vscode/settings.json s'appliquent ; un document complet et juste ne donne aucun diagnostic", async () => {
    const uri = client.open(
      join(ws, "etablissements/sans-modeline.yaml"),
      ["kind: etablissement", 'uai: "0350017D"', "nom: X", "type: lycee_pro", 'academie: "14"', "collectivite: region-53", "referent_tecnique: {}", ""].join("\n"),
    );
    const diags = await client.diagnosticsFor(uri, (d) => d.length > 0);
    expect(diags.map((d) => [d.range.start.line, d.range.start.character])).toEqual([
      [3, 6],
      [6, 0],
    ]);
    const complete = [
      "kind: etablissement",
      'uai: "0350017D"',
      "nom: Collège du Querpon",
      "type: college",
      'academie: "14"',
      "commune: { code_insee: \"35168\", nom: Val d'Anast }",
      "collectivite: dep-35",
      "x_note: clé libre, jamais vérifiée",
      "direction:",
      "  chef: { nom: Marie Dupont, courriel: ce.0350017d@ac-rennes.fr }",
      "referent_numerique: { fonction: professeure de technologie }",
      "referent_technique: { vacant: true }",
      "instances:",
      "  conseil_pedagogique: { existe: true }",
      "  conseil_administration: { existe: true }",
      "securite: { filtrage: true }",
      "rgpd: { registre_traitements: true }",
      "maintenance:",
      '  niveau_3: { acteur: prestataire, prestataire: "Société Exemple" }',
      "equipements:",
      "  - { categorie: poste_fixe, nombre: 60, annee_mise_en_service: 2017 }",
      "",
    ].join("\n");
    const ok = client.open(join(ws, "etablissements/complet.yaml"), complete);
    expect(await client.settledDiagnostics(ok)).toEqual([]);
    // The schema's conditional (a `prestataire` actor needs its name) is understood too.
    const cond = client.open(join(ws, "collectivites/cond.yaml"), readFileSync(join(ws, "collectivites/dep-35.yaml"), "utf8") + "maintenance:\n  niveau_0: { acteur: prestataire }\n");
    const condDiags = await client.diagnosticsFor(cond, (d) => d.length > 0);
    expect(condDiags.map((d) => d.message).join(" ")).toContain("prestataire");
  });

  it("la configuration et l'académie écrites par init sont valides pour l'éditeur", async () => {
    for (const f of ["gouvnum.config.yaml", "academie.yaml", "collectivites/region-53.yaml"]) {
      const uri = client.open(join(ws, f), readFileSync(join(ws, f), "utf8"));
      expect(await client.settledDiagnostics(uri), f).toEqual([]);
    }
  });
});
