// Init: the continuous-integration files of a territory repository — GitLab (`.gitlab-ci.yml`, for the Forge des
// communs numériques éducatifs as for any GitLab) and GitHub Actions — and where they install gouvnum from.
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { scalar } from "../import/index.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

export const CI_KINDS = ["gitlab", "github", "none"] as const;
export type CiKind = (typeof CI_KINDS)[number];

/**
 * The Node.js the generated CI runs: an LTS line still maintained (Node 24: LTS since October 2025, security fixes
 * until April 2028). The same major on both services; `npm run test:pack` runs the packed gouvnum on it.
 */
export const NODE_LTS = "24";

/**
 * Third-party GitHub actions, pinned by full commit SHA (a tag can be moved, a commit cannot), the release in a comment.
 * To update: `git ls-remote https://github.com/<action> refs/tags/<version>` gives the commit of a release tag.
 */
export const GITHUB_ACTIONS = {
  checkout: { uses: "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd", version: "v6.0.2" },
  setupNode: { uses: "actions/setup-node@6044e13b5dc448c55e2357c09f80417699197238", version: "v6.2.0" },
  uploadArtifact: { uses: "actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f", version: "v6.0.0" },
  uploadSarif: { uses: "github/codeql-action/upload-sarif@9e907b5e64f6b83e7804b09294d44122997950d6", version: "v4.32.3" },
} as const;

/** `--compare <git-ref>` in merge requests: false until the running gouvnum has the option (then a comment says how). */
export const COMPARE_AVAILABLE = false;

/** Output files of the generated jobs (also in the repository's .gitignore). */
export const CI_OUTPUTS = {
  codequality: "gl-code-quality-report.json",
  junit: "gouvnum-junit.xml",
  sarif: "gouvnum.sarif",
  summary: "gouvnum-resume.md",
  report: "rapport-gouvnum.html",
} as const;

/** The default install source: the npm spec of the running version. */
export function defaultInstallSource(version: string): string {
  return `gouvnum@${version}`;
}

/**
 * An install source fit to be written, unquoted but for single quotes, into a shell line inside YAML: an npm spec,
 * a git URL or a relative tarball path — no blank, quote, `$`, backquote or backslash. Undefined when it is not.
 */
export function checkInstallSource(spec: string): string | undefined {
  const s = spec.trim();
  if (s === "" || /[\s'"`$\\]/.test(s) || s.startsWith("-")) return undefined;
  return s;
}

export interface CiOptions {
  /** What `npm install --global` installs: npm spec, git URL or `./.gouvnum/x.tgz`. */
  installSource: string;
  /** A baseline file (relative to the repository root) the audit uses, when init wrote one. */
  baseline?: string;
}

const install = (source: string) => `npm install --global --no-audit --no-fund '${source}'`;

/** The audit line of the GitLab job: text in the log, Code Quality and JUnit reports as artefacts. */
export function gitlabAuditCommand(o: CiOptions): string {
  const o2 = CI_OUTPUTS;
  return [
    "gouvnum audit . -f text -f gitlab -f junit",
    `-o - -o ${o2.codequality} -o ${o2.junit} --force`,
    ...(o.baseline ? [`--baseline ${o.baseline}`] : []),
  ].join(" ");
}

/** `.gitlab-ci.yml`: audit (every pipeline), report as a merge-request artefact, GitLab Pages on the default branch. */
export function renderGitlabCi(o: CiOptions): string {
  const c = CI_OUTPUTS;
  const lines = [
    t("ci.gitlab.entete", { node: NODE_LTS }),
    "",
    "workflow:",
    "  rules:",
    "    # Une pipeline par merge request, sinon une par branche (jamais les deux pour un même push).",
    '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
    "    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS",
    "      when: never",
    "    - if: $CI_COMMIT_BRANCH",
    "",
    "stages:",
    "  - audit",
    "  - publication",
    "",
    "default:",
    `  image: node:${NODE_LTS}`,
    "  cache:",
    "    key: gouvnum-npm",
    "    paths:",
    "      - .npm/",
    "  before_script:",
    `    ${t("ci.gitlab.installer")}`,
    `    - ${scalar(install(o.installSource))}`,
    "",
    "variables:",
    '  npm_config_cache: "$CI_PROJECT_DIR/.npm"',
    '  npm_config_prefer_offline: "true"',
    "",
  ];
  if (o.baseline) lines.push(t("ci.reference"));
  lines.push(
    COMPARE_AVAILABLE ? t("ci.gitlab.compareActif") : t("ci.gitlab.compare"),
    "gouvnum-audit:",
    "  stage: audit",
    "  script:",
    `    - ${scalar(gitlabAuditCommand(o))}`,
    "  artifacts:",
    "    when: always",
    "    expire_in: 30 days",
    "    paths:",
    `      - ${c.codequality}`,
    `      - ${c.junit}`,
    "    reports:",
    `      codequality: ${c.codequality}`,
    `      junit: ${c.junit}`,
    "",
    "gouvnum-rapport:",
    "  stage: audit",
    "  script:",
    `    - gouvnum report . -o ${c.report} --force`,
    "  artifacts:",
    "    when: always",
    `    expose_as: ${scalar(t("ci.gitlab.rapportMr"))}`,
    "    expire_in: 30 days",
    "    paths:",
    `      - ${c.report}`,
    "  rules:",
    '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
    "",
    t("ci.gitlab.pages"),
    "pages:",
    "  stage: publication",
    "  script:",
    "    - mkdir -p public",
    "    - gouvnum report . -o public/index.html --force",
    "  artifacts:",
    "    paths:",
    "      - public",
    "  rules:",
    "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
    "      when: always",
  );
  return lines.join("\n") + "\n";
}

/** `.github/workflows/gouvnum.yml`: audit, step summary, SARIF to code scanning, the HTML report as an artefact. */
export function renderGithubWorkflow(o: CiOptions): string {
  const a = GITHUB_ACTIONS;
  const c = CI_OUTPUTS;
  const audit = [
    "gouvnum audit . -f text -f sarif -f markdown",
    `-o - -o ${c.sarif} -o ${c.summary} --force`,
    ...(o.baseline ? [`--baseline ${o.baseline}`] : []),
  ].join(" ");
  return `${t("ci.github.entete", { node: NODE_LTS })}
name: ${scalar(t("ci.github.nom"))}
on:
  push:
    branches: [main, master]
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  audit:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: ${a.checkout.uses} # ${a.checkout.version}
        with:
          persist-credentials: false
      - uses: ${a.setupNode.uses} # ${a.setupNode.version}
        with:
          node-version: ${NODE_LTS}
      - name: ${scalar(t("ci.github.installer"))}
        run: ${scalar(install(o.installSource))}
${o.baseline ? `      ${t("ci.reference")}\n` : ""}      - name: ${scalar(t("ci.github.auditer"))}
        run: ${scalar(audit)}
      - name: ${scalar(t("ci.github.resume"))}
        if: always() && hashFiles('${c.summary}') != ''
        run: cat ${c.summary} >> "$GITHUB_STEP_SUMMARY"
      - name: ${scalar(t("ci.github.rapport"))}
        if: always()
        run: gouvnum report . -o ${c.report} --force
      - name: ${scalar(t("ci.github.artefact"))}
        if: always() && hashFiles('${c.report}') != ''
        uses: ${a.uploadArtifact.uses} # ${a.uploadArtifact.version}
        with:
          name: rapport-gouvnum
          path: ${c.report}
      - name: ${scalar(t("ci.github.sarif"))}
        if: always() && hashFiles('${c.sarif}') != ''
        ${t("ci.github.sarifCommentaire")}
        continue-on-error: true
        uses: ${a.uploadSarif.uses} # ${a.uploadSarif.version}
        with:
          sarif_file: ${c.sarif}
          category: gouvnum
`;
}

/** The CI file of a kind, as a repository path and its content (none for `none`). */
export function ciFiles(kind: CiKind, o: CiOptions): Array<{ path: string; content: string }> {
  if (kind === "gitlab") return [{ path: ".gitlab-ci.yml", content: renderGitlabCi(o) }];
  if (kind === "github") return [{ path: ".github/workflows/gouvnum.yml", content: renderGithubWorkflow(o) }];
  return [];
}

/** True when a git remote of `.git/config` text points to a GitLab host (gitlab.*, the Forge des communs numériques éducatifs). */
export function remoteIsGitlab(gitConfig: string): boolean {
  for (const m of gitConfig.matchAll(/^\s*url\s*=\s*(\S+)/gm)) {
    const url = m[1];
    const host = (/^[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)/i.exec(url) ?? /^(?:[^@/]+@)?([^/:]+):/.exec(url))?.[1]?.toLowerCase();
    if (host && (/(^|\.)gitlab\./.test(host) || host === "forge.apps.education.fr")) return true;
  }
  return false;
}
