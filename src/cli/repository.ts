// CLI: the repository root — where a CI service (GitLab, GitHub) resolves the paths of a report.
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** The nearest directory holding `.git` (a folder, or a file in a worktree or submodule) from `start` upwards. */
export async function gitRoot(start: string): Promise<string | undefined> {
  let dir = resolve(start);
  for (;;) {
    if (await stat(join(dir, ".git")).then(() => true, () => false)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Maps a displayed path (relative to `cwd`) to the repository root: the git top level above the territory,
 * else the territory root (the configuration's directory), else `cwd`. Paths outside that root stay as displayed.
 */
export async function repositoryPathMapper(cwd: string, territoryRoot: string | undefined): Promise<(file: string) => string> {
  const root = (await gitRoot(territoryRoot ?? cwd)) ?? territoryRoot ?? cwd;
  return (file: string) => {
    if (file.startsWith("<")) return file;
    const rel = relative(root, resolve(cwd, file));
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file;
    return rel.split(sep).join("/");
  };
}
