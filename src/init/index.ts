// Init: a ready territory repository — the files, and the questions that choose them (planning only; the CLI writes).
export {
  planInit,
  parseCollectiviteOption,
  collectiviteSpec,
  defaultCollectivites,
  renderWorkflow,
  renderVscodeSettings,
  COLLECTIVITE_TYPES,
  INIT_BASELINE,
  type CollectiviteSpec,
  type CollectiviteType,
  type InitAnswers,
  type InitFile,
  type InitOptions,
} from "./scaffold.js";
export { askInit, collectiviteChoices, type Prompter } from "./questions.js";
export { CI_KINDS, NODE_LTS, GITHUB_ACTIONS, CI_OUTPUTS, ciFiles, renderGitlabCi, renderGithubWorkflow, remoteIsGitlab, type CiKind } from "./ci-templates.js";
