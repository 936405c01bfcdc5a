// Messages: the shape of a language's catalogue.

/** A rule's French texts: a one-sentence summary and its messages by id (placeholders `{name}`). */
export interface RuleTexts {
  summary: string;
  messages: Record<string, string>;
}

export interface Catalogue {
  /** Expected failures (exit 2), by GouvnumError code. */
  errors: Record<string, string>;
  /** Everything else a person reads in the terminal: help, summaries, labels. */
  cli: Record<string, string>;
  /** Rule texts by rule id. */
  rules: Record<string, RuleTexts>;
}
