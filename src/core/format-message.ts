// Core: message interpolation with named placeholders `{name}`; a missing value is an error, never a blank.

/** Replaces `{name}` placeholders; throws when a placeholder has no value, so tests catch it. */
export function formatMessage(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (_m, name: string) => {
    const v = data[name];
    if (v === undefined || v === null) throw new Error(`placeholder {${name}} sans valeur dans « ${template} »`);
    return String(v);
  });
}

/** Names of the placeholders of a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)].map((m) => m[1]);
}
