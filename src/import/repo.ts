// Import: what a territory repository already holds — établissements by UAI, collectivités by id and by official code.
import { readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { discoverFiles, toPosix } from "../load/files.js";
import { decode, makeSource } from "../load/source.js";
import { parseFile } from "../load/document.js";
import { CONFIG_NAMES, loadConfig } from "../validate/config.js";
import { systemDetail } from "../core/errors.js";
import { formatMessage } from "../core/format-message.js";
import { terminalTexts } from "../messages/terminal.js";

export interface ExistingCollectivite {
  id: string;
  type: string;
  code: string;
  file: string;
}

export interface RepoIndex {
  root: string;
  /** UAI → files (relative, `/`-separated) holding an établissement document with that UAI. */
  etablissements: Map<string, string[]>;
  /** Collectivités by id. */
  collectivites: Map<string, ExistingCollectivite>;
  /** `type:code_insee` → id. */
  collectiviteByCode: Map<string, string>;
  /** Every YAML file read (relative path → text and whether it began with a BOM). */
  files: Map<string, { text: string; bom: boolean }>;
  /** Files that are not readable YAML (relative path → detail). */
  unreadable: Map<string, string>;
  /** Codes of the académies the repository describes (`kind: academie` documents). */
  academies: Set<string>;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads a text file, noting a UTF-8 BOM (kept when the file is written back). */
export async function readText(abs: string): Promise<{ text: string; bom: boolean } | { error: string; code?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch (e) {
    return { error: systemDetail(e), code: (e as NodeJS.ErrnoException).code };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { error: formatMessage(terminalTexts.cli["import.fichierPasUtf8"], { ligne: decoded.line }) };
  return { text: decoded.text.replace(/^\uFEFF/, ""), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/** Indexes the YAML files under `root` (the config's `ignore` globs honoured). A missing root is an empty repository. */
export async function scanRepository(root: string, onProgress?: (done: number, total: number) => void): Promise<RepoIndex> {
  const index: RepoIndex = {
    root,
    etablissements: new Map(),
    collectivites: new Map(),
    collectiviteByCode: new Map(),
    files: new Map(),
    unreadable: new Map(),
    academies: new Set(),
  };
  if (!(await exists(root))) return index;
  let ignore: string[] = [];
  for (const name of CONFIG_NAMES) {
    const p = join(root, name);
    if (await exists(p)) {
      ignore = (await loadConfig(p, root)).ignore;
      break;
    }
  }
  const files = await discoverFiles(["."], { cwd: root, ignore, ignoreBase: root });
  let done = 0;
  for (const abs of files) {
    onProgress?.(++done, files.length);
    const rel = toPosix(relative(root, abs));
    const read = await readText(abs);
    if ("error" in read) {
      index.unreadable.set(rel, read.error);
      continue;
    }
    index.files.set(rel, read);
    const parsed = parseFile(makeSource(rel, read.text));
    if (parsed.problems.length > 0) index.unreadable.set(rel, parsed.problems[0].messageId);
    for (const doc of parsed.documents) {
      const v = doc.value as Record<string, unknown> | null;
      if (!v || typeof v !== "object") continue;
      if (doc.kind === "etablissement" && typeof v.uai === "string") {
        const list = index.etablissements.get(v.uai) ?? [];
        if (!list.includes(rel)) list.push(rel);
        index.etablissements.set(v.uai, list);
      } else if (doc.kind === "academie" && typeof v.code === "string") {
        index.academies.add(v.code);
      } else if (doc.kind === "collectivite" && typeof v.id === "string") {
        const c: ExistingCollectivite = { id: v.id, type: String(v.type ?? ""), code: String(v.code_insee ?? ""), file: rel };
        if (!index.collectivites.has(c.id)) index.collectivites.set(c.id, c);
        const key = `${c.type}:${c.code.toUpperCase()}`;
        if (!index.collectiviteByCode.has(key)) index.collectiviteByCode.set(key, c.id);
      }
    }
  }
  return index;
}
