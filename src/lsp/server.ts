// Language server: every rule's findings as diagnostics, while the person types. It complements yaml-language-server
// (completion and hover from the schemas): this one knows the whole territory, so removing a convention shows
// `convention-manquante` on its établissements' files before anything is saved. One `AuditSession` keeps each file's
// reading between two edits (see src/audit/session.ts); the open buffers stand in for the files on disk.
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic, CodeAction, Connection, TextEdit, WorkDoneProgressReporter } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../core/finding.js";
import { formatMessage } from "../core/format-message.js";
import { formatNombre } from "../core/numbers.js";
import { AuditSession } from "../audit/session.js";
import { emptyConfig, findConfig, loadConfig, CONFIG_NAMES, type GouvnumConfigLoaded } from "../validate/config.js";
import { ruleDocUrl } from "../rules/docs.js";
import { terminalTexts } from "../messages/terminal.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(terminalTexts.cli[id] ?? id, data);

export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Today's date `YYYY-MM-DD` (the library never reads the clock itself). */
  today: () => string;
  /** Wait after an edit before auditing, so that a burst of keystrokes costs one audit (ms). */
  debounce?: number;
}

/** What a diagnostic carries for its quick fixes. */
interface FixData {
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/**
 * A session for the territory of the workspace: the configuration's folder, else the workspace itself. A client
 * that names no workspace (a file opened alone) gets the territory of the first open file: the configuration
 * found from its folder upwards, else its folder. The open buffers stand in for the files on disk.
 */
async function openSession(
  workspace: string | undefined,
  documents: readonly TextDocument[],
  today: string,
  configError: (detail: string) => void,
): Promise<{ root: string; session: AuditSession } | undefined> {
  const firstFile = documents.map((d) => fileOf(d.uri)).find((f) => f !== undefined);
  const start = workspace ?? (firstFile ? dirname(firstFile) : undefined);
  if (!start) return undefined;
  let config: GouvnumConfigLoaded;
  const found = await findConfig(start);
  try {
    config = found ? await loadConfig(found, dirname(found)) : emptyConfig(start);
  } catch (e) {
    configError(String((e as Error).message ?? e));
    config = emptyConfig(start);
  }
  const root = found ? dirname(found) : start;
  const session = new AuditSession([root], { today, cwd: root, config });
  for (const d of documents) {
    const abs = fileOf(d.uri);
    if (abs) session.setBuffer(abs, d.getText());
  }
  return { root, session };
}

/**
 * The diagnostics to send for `files`: an open file always gets its list (empty clears the editor's), another one
 * when it has findings or had some (`published`, kept up to date here).
 */
function diagnosticsToSend(findings: readonly Finding[], files: Set<string>, open: Set<string>, published: Set<string>): Array<{ file: string; diagnostics: Diagnostic[] }> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of findings) {
    if (f.suppressed || !files.has(f.file)) continue;
    const list = byFile.get(f.file) ?? [];
    list.push(toDiagnostic(f));
    byFile.set(f.file, list);
  }
  const out: Array<{ file: string; diagnostics: Diagnostic[] }> = [];
  for (const file of files) {
    const diagnostics = byFile.get(file) ?? [];
    if (diagnostics.length === 0 && !published.has(file) && !open.has(file)) continue;
    out.push({ file, diagnostics });
    if (diagnostics.length > 0) published.add(file);
    else published.delete(file);
  }
  return out;
}

const fileOf = (uri: string): string | undefined => (uri.startsWith("file:") ? fileURLToPath(uri) : undefined);

/**
 * Starts the server on the given streams; resolves when the client asks it to exit.
 * Longer than most functions on purpose: its handlers share one state — the session, the debounce timer, the files
 * whose diagnostics the client holds — that a closure keeps private; what does not need that state is outside it.
 */
export async function startLanguageServer(o: ServerOptions): Promise<void> {
  const lsp = await import("vscode-languageserver/node.js");
  const { TextDocument } = await import("vscode-languageserver-textdocument");
  const connection: Connection = lsp.createConnection(lsp.ProposedFeatures.all, new lsp.StreamMessageReader(o.input), new lsp.StreamMessageWriter(o.output));
  const documents = new lsp.TextDocuments(TextDocument);

  let workspace: string | undefined;
  let root = "";
  let session: AuditSession | undefined;
  /** Files whose diagnostics the client holds, so that a file whose last finding went away is cleared. */
  const published = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  /** The client shows progress the server starts (`window.workDoneProgress`): the first audit of a large territory takes a while. */
  let progressShown = false;

  const isConfig = (abs: string) => CONFIG_NAMES.some((n) => abs.endsWith(`/${n}`) || abs.endsWith(`\\${n}`));

  /** A session for the territory of the workspace, else of the first open file (see `openSession`). */
  const open = async (): Promise<void> => {
    const opened = await openSession(workspace, documents.all(), o.today(), (detail) => connection.window.showErrorMessage(t("lsp.configIllisible", { detail })));
    if (opened) ({ root, session } = opened);
  };

  const publish = (findings: readonly Finding[], files: Set<string>, open: Set<string>) => {
    for (const p of diagnosticsToSend(findings, files, open, published)) connection.sendDiagnostics({ uri: pathToFileURL(resolve(root, p.file)).href, diagnostics: p.diagnostics });
  };

  const audit = async (): Promise<void> => {
    if (!session) await open();
    if (!session) return;
    const first = session.result === undefined;
    let progress = first && progressShown ? firstRunProgress() : undefined;
    try {
      const { result, change } = await session.run({ onProgress: progress?.onProgress });
      // The progress ends as the diagnostics come.
      progress?.done();
      progress = undefined;
      // The open files, and every file whose findings changed (an edit in a convention reaches its parties' files).
      const opened = new Set<string>();
      for (const d of documents.all()) {
        const abs = fileOf(d.uri);
        if (abs) opened.add(relativeTo(root, abs));
      }
      const files = new Set(opened);
      if (!first) for (const f of [...change.added, ...change.removed]) files.add(f.file);
      publish(result.findings, files, opened);
    } catch (e) {
      connection.window.showErrorMessage(t("lsp.echec", { detail: String((e as Error).message ?? e) }));
    } finally {
      progress?.done();
    }
  };

  /**
   * Progress of the first audit, shown by the client: files read out of all, then the rules. The audit does not wait
   * for the client to accept the progress: one that never answers still gets its diagnostics; reports before its
   * answer are folded into the first one shown.
   */
  const firstRunProgress = (): { onProgress: (done: number, total: number) => void; done: () => void } => {
    let reporter: WorkDoneProgressReporter | undefined;
    let finished = false;
    let last: { percentage: number; message?: string } = { percentage: 0 };
    connection.window.createWorkDoneProgress().then(
      (r) => {
        r.begin(t("lsp.progres.titre"), last.percentage, last.message, false);
        if (finished) r.done();
        else reporter = r;
      },
      () => undefined,
    );
    return {
      // One report per percent, not one per file.
      onProgress: (done, total) => {
        const percentage = Math.floor((done * 100) / Math.max(total, 1));
        if (percentage === last.percentage && last.message !== undefined) return;
        const message = t(done < total ? "lsp.progres.lecture" : "lsp.progres.regles", { fait: formatNombre(done), total: formatNombre(total) });
        last = { percentage, message };
        reporter?.report(percentage, message);
      },
      done: () => {
        finished = true;
        reporter?.done();
        reporter = undefined;
      },
    };
  };

  /** Audits once the edits stop for a moment; an edit during an audit brings one more audit after it. */
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = audit().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
    }, o.debounce ?? 25);
  };

  connection.onInitialize((params) => {
    progressShown = params.capabilities.window?.workDoneProgress === true;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspace = folder ? fileOf(folder) : params.rootPath ?? undefined;
    return {
      capabilities: {
        textDocumentSync: lsp.TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "gouvnum" },
    };
  });

  connection.onInitialized(async () => {
    const watch = connection.workspace ? true : false;
    if (watch) {
      // Files changed outside the editor (git checkout, another program): the client tells, when it can.
      await connection.client.register(lsp.DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.{yaml,yml}" }] }).catch(() => undefined);
    }
    schedule();
  });

  documents.onDidChangeContent((e) => {
    const abs = fileOf(e.document.uri);
    if (!abs) return;
    if (isConfig(abs)) session = undefined;
    else session?.setBuffer(abs, e.document.getText());
    schedule();
  });

  documents.onDidClose((e) => {
    const abs = fileOf(e.document.uri);
    if (!abs) return;
    session?.setBuffer(abs, undefined);
    schedule();
  });

  connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) {
      const abs = fileOf(c.uri);
      if (!abs) continue;
      if (isConfig(abs)) session = undefined;
      else session?.fileChanged(abs);
    }
    schedule();
  });

  connection.onCodeAction((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    for (const d of p.context.diagnostics) {
      if (d.source !== "gouvnum" || !d.data) continue;
      const fix = quickFix(doc, d, d.data as FixData);
      if (fix) actions.push({ title: fix.title, kind: lsp.CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: fix.edits } } });
    }
    return actions;
  });

  documents.listen(connection);
  const exited = new Promise<void>((done) => connection.onExit(() => done()));
  connection.listen();
  await exited;
}

function relativeTo(root: string, abs: string): string {
  const rel = abs.startsWith(root + "/") ? abs.slice(root.length + 1) : abs;
  return rel.split("\\").join("/");
}

function toDiagnostic(f: Finding): Diagnostic {
  const line = Math.max(0, f.line - 1);
  const character = Math.max(0, f.column - 1);
  const endLine = Math.max(line, f.endLine - 1);
  const endCharacter = endLine === line ? Math.max(character, f.endColumn - 1) : Math.max(0, f.endColumn - 1);
  return {
    range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    source: "gouvnum",
    message: f.message,
    data: { ruleId: f.ruleId, messageId: f.messageId, data: f.data } satisfies FixData,
  };
}

/** The fix of a diagnostic when it is unambiguous: a code to quote, the closest key, the right UAI letter, `a_definir`. */
function quickFix(doc: TextDocument, d: Diagnostic, fix: FixData): { title: string; edits: TextEdit[] } | undefined {
  const text = doc.getText(d.range);
  if (fix.ruleId === "schema" && fix.messageId === "typeCode") {
    const exemple = String(fix.data.exemple);
    return { title: t("lsp.correction.guillemets", { exemple }), edits: [{ range: d.range, newText: exemple }] };
  }
  if (fix.ruleId === "schema" && fix.messageId === "cleInconnue") {
    const s = /« ([^»]+) »/.exec(String(fix.data.suggestion ?? ""))?.[1];
    if (!s || text !== String(fix.data.cle)) return undefined;
    return { title: t("lsp.correction.cle", { cle: text, suggestion: s }), edits: [{ range: d.range, newText: s }] };
  }
  if (fix.ruleId === "uai-invalide") {
    const correct = String(fix.data.correct);
    const quote = /^["']/.exec(text)?.[0] ?? "";
    return { title: t("lsp.correction.uai", { correct }), edits: [{ range: d.range, newText: `${quote}${correct}${quote}` }] };
  }
  if (fix.ruleId === "schema" && fix.messageId === "cleManquante" && fix.data.cle === "acteur") {
    return insertKey(doc, d, "acteur");
  }
  return undefined;
}

/** Adds `cle: a_definir` to the mapping whose key the diagnostic points at (`niveau_1: {}` or a block mapping). */
function insertKey(doc: TextDocument, d: Diagnostic, cle: string): { title: string; edits: TextEdit[] } | undefined {
  const line = doc.getText({ start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line + 1, character: 0 } }).replace(/\r?\n$/, "");
  const m = /^(\s*(?:-\s+)?)([^:#]+):\s*(.*?)\s*(#.*)?$/.exec(line);
  if (!m) return undefined;
  const [, indent, , rest] = m;
  const title = t("lsp.correction.aDefinir", { cle });
  const at = (character: number) => ({ line: d.range.start.line, character });
  if (rest === "" ) {
    const child = " ".repeat(indent.length + 2);
    return { title, edits: [{ range: { start: at(line.length), end: at(line.length) }, newText: `\n${child}${cle}: a_definir` }] };
  }
  if (/^\{\s*\}$/.test(rest)) {
    const start = line.indexOf(rest);
    return { title, edits: [{ range: { start: at(start), end: at(start + rest.length) }, newText: `{ ${cle}: a_definir }` }] };
  }
  if (rest.startsWith("{") && rest.endsWith("}")) {
    const close = line.indexOf(rest) + rest.length - 1;
    const before = rest.slice(0, -1).trimEnd();
    const sep = before.endsWith(",") ? " " : ", ";
    return { title, edits: [{ range: { start: at(line.indexOf(rest) + before.length), end: at(close) }, newText: `${sep}${cle}: a_definir ` }] };
  }
  return undefined;
}
