// Load: a territory as it was at a git revision, read from git's objects (`git ls-tree` + `git cat-file --batch`),
// never by checking out: the working tree and the index are untouched, and a shallow clone works once the revision
// is fetched (`git fetch --depth=1 origin <branche>`). Yields (path, bytes) pairs for the normal load path.
import { execFile, spawn } from "node:child_process";
import { relative, resolve, sep } from "node:path";
import { GouvnumError } from "../core/errors.js";
import { globToRegExp, isSkippedDir, isTerritoryFile, toPosix } from "./files.js";

export interface GitRevision {
  /** What the user wrote (`HEAD~1`, `origin/main`, a tag). */
  ref: string;
  /** The full commit id. */
  commit: string;
  /** The commit's date, `YYYY-MM-DD` (committer date). */
  date: string;
  /** The repository's top folder. */
  top: string;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((res, rej) => {
    execFile("git", [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (err) rej(Object.assign(err, { stderr: String(stderr ?? "") }));
      else res(stdout);
    });
  });
}

/** Whether `cwd` is inside a git working tree (false when git itself is missing). */
export async function insideGit(cwd: string): Promise<boolean> {
  return git(["rev-parse", "--is-inside-work-tree"], cwd).then(
    (s) => s.trim() === "true",
    () => false,
  );
}

/** Resolves a revision to a commit and its date; a clear French error when git, the repository or the revision is missing. */
export async function resolveRevision(ref: string, cwd: string): Promise<GitRevision> {
  let top: string;
  try {
    top = (await git(["rev-parse", "--show-toplevel"], cwd)).trim();
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new GouvnumError(missing ? "gitAbsent" : "gitHorsDepot", { ref });
  }
  let commit: string;
  try {
    // `--end-of-options`: a revision that starts with « - » is never read as an option.
    commit = (await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd)).trim();
  } catch {
    const shallow = (await git(["rev-parse", "--is-shallow-repository"], cwd).catch(() => "false")).trim() === "true";
    throw new GouvnumError(shallow ? "gitRevisionInconnueSuperficiel" : "gitRevisionInconnue", { ref });
  }
  const date = (await git(["show", "-s", "--format=%cs", commit], cwd)).trim();
  return { ref, commit, date, top };
}

/** A file of the revision, named as the current audit names files (relative to `cwd`). */
export interface GitFile {
  name: string;
  text: Uint8Array;
}

/**
 * The territory files of `paths` (files or folders of the working tree, as given on the command line) at the
 * revision: the same selection as a walk of the folders (YAML files, hidden and tooling folders skipped,
 * the configuration's `ignore` globs honoured), read in one `git cat-file --batch`.
 */
export async function readRevisionFiles(
  rev: GitRevision,
  paths: readonly string[],
  opts: { cwd: string; ignore?: readonly string[]; ignoreBase?: string },
): Promise<GitFile[]> {
  const ignore = (opts.ignore ?? []).map(globToRegExp);
  const base = opts.ignoreBase ?? opts.cwd;
  const wanted = new Map<string, { oid: string; name: string }>();
  for (const p of paths) {
    const abs = resolve(opts.cwd, p);
    const inRepo = toPosix(relative(rev.top, abs));
    if (inRepo.startsWith("..")) throw new GouvnumError("gitCheminHorsDepot", { chemin: p, ref: rev.ref });
    const listing = await git(["ls-tree", "-r", "-z", "--full-tree", rev.commit, "--", inRepo === "" ? "." : inRepo], rev.top);
    for (const entry of listing.split("\0")) {
      if (!entry) continue;
      const tab = entry.indexOf("\t");
      const [mode, type, oid] = entry.slice(0, tab).split(" ");
      const path = entry.slice(tab + 1);
      if (type !== "blob" || mode === "120000") continue;
      const absFile = resolve(rev.top, path.split("/").join(sep));
      // A file given by name is read whatever it is called; below a folder, the walk's rules apply.
      const given = toPosix(relative(rev.top, absFile)) === inRepo;
      if (!given) {
        const below = toPosix(relative(abs, absFile)).split("/");
        if (below.slice(0, -1).some(isSkippedDir) || !isTerritoryFile(below[below.length - 1])) continue;
        if (ignore.length > 0) {
          const rel = toPosix(relative(base, absFile));
          if (ignore.some((r) => r.test(rel))) continue;
        }
      }
      wanted.set(absFile, { oid, name: toPosix(relative(opts.cwd, absFile)) || absFile });
    }
  }
  const list = [...wanted.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v);
  const blobs = await catFiles(list.map((l) => l.oid), rev.top);
  return list.map((l, i) => ({ name: l.name, text: blobs[i] }));
}

/** Contents of blobs by id, through one `git cat-file --batch` process. */
function catFiles(oids: readonly string[], cwd: string): Promise<Uint8Array[]> {
  if (oids.length === 0) return Promise.resolve([]);
  return new Promise((res, rej) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (err += String(c)));
    child.on("error", rej);
    child.on("close", (code) => {
      if (code !== 0) return rej(new Error(`git cat-file : ${err.trim() || code}`));
      const all = Buffer.concat(chunks);
      const out: Uint8Array[] = [];
      let at = 0;
      for (let i = 0; i < oids.length; i++) {
        const nl = all.indexOf(10, at);
        const header = all.subarray(at, nl).toString("utf8").split(" ");
        if (header[1] !== "blob") return rej(new Error(`git cat-file : ${header.join(" ")}`));
        const size = Number(header[2]);
        out.push(new Uint8Array(all.subarray(nl + 1, nl + 1 + size)));
        at = nl + 1 + size + 1;
      }
      res(out);
    });
    child.stdin.end(oids.join("\n") + "\n");
  });
}

/** The repository's tags, oldest first (by the date of the tag or its commit). */
export async function listTags(cwd: string): Promise<string[]> {
  const out = await git(["for-each-ref", "--sort=creatordate", "--format=%(refname:short)", "refs/tags"], cwd).catch(() => "");
  return out.split("\n").filter((l) => l.trim() !== "");
}
