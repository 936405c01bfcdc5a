// CLI: the CI part of `init` — `--ci`, `--install-source` (a tarball is copied into the repository so that CI can
// install it), the GitLab remote that puts GitLab first, and the baseline of imported gaps for the first push.
import { readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { GouvnumError } from "../../core/errors.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import { CI_KINDS, checkInstallSource, defaultInstallSource, remoteIsGitlab, type CiKind } from "../../init/ci-templates.js";
import type { CliIO } from "../io.js";
import { gitRoot } from "../repository.js";
import { writeFileAtomic } from "../write.js";
import { isoDay } from "./options.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);
const usage = (id: string, data: Record<string, string | number> = {}) => new GouvnumError("usage", { detail: t(id, data) });

/** `--ci <type>` / `--no-ci`: commander gives a string, false, or nothing. */
export function ciKindOption(value: string | boolean | undefined): CiKind | undefined {
  if (value === false) return "none";
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (!(CI_KINDS as readonly string[]).includes(v)) throw usage("init.erreur.ci", { valeur: value });
  return v as CiKind;
}

/** True when the repository holding `dir` (if any) has a remote on a GitLab host. */
export async function hasGitlabRemote(dir: string): Promise<boolean> {
  const root = await gitRoot(dir);
  if (!root) return false;
  const config = await readFile(join(root, ".git", "config"), "utf8").catch(() => "");
  return remoteIsGitlab(config);
}

export interface InstallSource {
  /** What the CI file installs. */
  spec: string;
  /** A local tarball to copy into the repository, and where (repository path). */
  tarball?: { from: string; to: string };
}

/**
 * `--install-source`: default the npm spec of the running version; a local `.tgz` is copied to `.gouvnum/` and
 * installed from there (`./.gouvnum/gouvnum-x.y.z.tgz`: the CI checks it out with the repository); anything else
 * (npm spec, git URL) is written as given.
 */
export async function resolveInstallSource(value: string | undefined, cwd: string, version: string): Promise<InstallSource> {
  if (value === undefined) return { spec: defaultInstallSource(version) };
  const spec = checkInstallSource(value);
  if (!spec) throw usage("init.erreur.installSource", { valeur: value });
  if (/\.(tgz|tar\.gz)$/i.test(spec) && !/^[a-z+]+:\/\//i.test(spec)) {
    const from = resolve(cwd, spec);
    const isFile = await stat(from).then((s) => s.isFile(), () => false);
    if (isFile) {
      const name = basename(from);
      if (!checkInstallSource(name)) throw usage("init.erreur.installSource", { valeur: value });
      return { spec: `./.gouvnum/${name}`, tarball: { from, to: `.gouvnum/${name}` } };
    }
  }
  return { spec };
}

/** Copies the tarball into the repository: created, identical, replaced (--force) or left (skip). */
export async function copyTarball(root: string, tarball: NonNullable<InstallSource["tarball"]>, force: boolean | undefined): Promise<"create" | "identical" | "replace" | "skip"> {
  const bytes = await readFile(tarball.from);
  const target = join(root, tarball.to);
  const current = await readFile(target).catch(() => undefined);
  if (current && Buffer.compare(current, bytes) === 0) return "identical";
  if (current && !force) return "skip";
  await writeFileAtomic(target, bytes, { force: current !== undefined, display: tarball.to });
  return current ? "replace" : "create";
}

/**
 * The baseline of a freshly imported territory: every gap the audit finds today, recorded as known, so that the
 * generated CI passes on the first push and fails only on new gaps. Kept when it exists (unless --force).
 * Returns the closing message.
 */
export async function writeInitBaseline(root: string, path: string, force: boolean | undefined, io: CliIO): Promise<string> {
  const target = join(root, path);
  if (!force && (await stat(target).then(() => true, () => false))) return t("init.reference.gardee", { chemin: path });
  const [{ runAudit }, { makeBaseline }, { findConfig, loadConfig, emptyConfig }] = await Promise.all([
    import("../../audit/engine.js"),
    import("../../audit/baseline.js"),
    import("../../validate/config.js"),
  ]);
  const configFile = await findConfig(root);
  const config = configFile ? await loadConfig(configFile, root) : emptyConfig(root);
  const result = await runAudit(["."], { mode: "audit", today: isoDay(io.now()), cwd: root, config });
  const baseline = makeBaseline(result.findings);
  await writeFileAtomic(target, JSON.stringify(baseline, null, 2) + "\n", { force: true, display: path });
  return t("init.reference.ecrite", { chemin: path, n: baseline.findings.length });
}
