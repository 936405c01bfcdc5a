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
}

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
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      // An audit that silently skipped a folder would report on files it never saw: a usage error instead.
      throw new GouvnumError("lectureImpossible", { chemin: toPosix(relative(opts.cwd, dir)) || dir, detail: systemDetail(e) });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
        if (!isSkippedDir(e.name)) await walk(full);
      } else if (isFile && isTerritoryFile(e.name)) {
        out.add(full);
      }
    }
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
