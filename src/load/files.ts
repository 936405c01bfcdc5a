// Load: turn command-line paths into the list of YAML files to read, honouring ignore globs.
import { readdir, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { GouvnumError, systemDetail } from "../core/errors.js";

const SKIP_DIRS = new Set(["node_modules", ".git"]);

/** A folder met while walking that is tooling, not territory (also used when the territory is read from git). */
export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name) || name.startsWith(".");
}

/**
 * A file met while walking that is a territory document: YAML, not the configuration, not a hidden tooling file
 * (`.gitlab-ci.yml`, `.pre-commit-config.yaml`, like hidden folders). A file named on the command line is read anyway.
 */
export function isTerritoryFile(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith(".") && !/^gouvnum\.config\.ya?ml$/.test(name);
}

/** Converts a glob (`**`, `*`, `?`) to a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  const g = glob.replace(/^\.\//, "");
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === "*") {
      if (g[i + 1] === "*") {
        const slash = g[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  // A pattern without a slash matches at any depth, like .gitignore.
  const anchored = g.includes("/") ? `^${re}` : `^(?:.*/)?${re}`;
  return new RegExp(`${anchored}(?:/.*)?$`);
}

export function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

export interface DiscoverOptions {
  cwd: string;
  ignore?: readonly string[];
  /** Directory the ignore globs are relative to (the config's folder). */
  ignoreBase?: string;
  /**
   * Folders listed by an earlier discovery of a long-lived caller (watch mode, language server), by path: a folder
   * whose modification time has not moved since (an entry added, removed or renamed moves it) is not read again.
   */
  listings?: Map<string, Listing>;
}

/** What a folder holds for discovery: its territory files and the folders to walk, with when it was listed. */
export interface Listing {
  mtimeMs: number;
  listedAt: number;
  files: string[];
  dirs: string[];
}

/** A folder modified this close to its listing may have changed again in the same clock tick: it is listed again. */
const RACY_MS = 2000;

/** Absolute paths of every YAML file under `paths`, sorted, without duplicates. A missing path is an error. */
export async function discoverFiles(paths: readonly string[], opts: DiscoverOptions): Promise<string[]> {
  const ignore = (opts.ignore ?? []).map(globToRegExp);
  const base = opts.ignoreBase ?? opts.cwd;
  const isIgnored = (abs: string) => {
    if (ignore.length === 0) return false;
    const rel = toPosix(relative(base, abs));
    return ignore.some((r) => r.test(rel));
  };
  const out = new Set<string>();
  const seenDirs = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      const { realpath } = await import("node:fs/promises");
      real = await realpath(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return; // symlink loop
    seenDirs.add(real);
    const listing = await list(dir);
    for (const f of listing.files) out.add(f);
    for (const d of listing.dirs) await walk(d);
  };
  const list = async (dir: string): Promise<Listing> => {
    const known = opts.listings?.get(dir);
    const mtimeMs = opts.listings ? await stat(dir).then((s) => s.mtimeMs, () => NaN) : NaN;
    if (known && known.mtimeMs === mtimeMs && mtimeMs < known.listedAt - RACY_MS) return known;
    const listedAt = Date.now();
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      // An audit that silently skipped a folder would report on files it never saw: a usage error instead.
      throw new GouvnumError("lectureImpossible", { chemin: toPosix(relative(opts.cwd, dir)) || dir, detail: systemDetail(e) });
    }
    const listing: Listing = { mtimeMs, listedAt, files: [], dirs: [] };
    for (const e of entries) {
      const full = join(dir, e.name);
      if (isIgnored(full)) continue;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = await stat(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        // Hidden folders (.git, .github workflows, .vscode, .gouvnum schemas…) are tooling, not territory;
        // a path given explicitly on the command line is still read.
        if (!isSkippedDir(e.name)) listing.dirs.push(full);
      } else if (isFile && isTerritoryFile(e.name)) {
        listing.files.push(full);
      }
    }
    // Folders in name order (a symlink loop is cut at the same place every time); files are sorted at the end.
    listing.dirs.sort();
    opts.listings?.set(dir, listing);
    return listing;
  };
  for (const p of paths) {
    const abs = resolve(opts.cwd, p);
    let s;
    try {
      s = await stat(abs);
    } catch {
      throw new GouvnumError("cheminIntrouvable", { chemin: p });
    }
    if (s.isDirectory()) await walk(abs);
    else out.add(abs);
  }
  return [...out].sort();
}
