// Report: the formatter registry; each formatter is loaded only when used.
import type { Formatter, FormatName } from "./types.js";

export * from "./types.js";

const loaders: Partial<Record<FormatName, () => Promise<Formatter>>> = {
  text: async () => (await import("./formatters/text.js")).format,
  json: async () => (await import("./formatters/json.js")).format,
};

export async function getFormatter(name: FormatName): Promise<Formatter> {
  const load = loaders[name];
  if (!load) throw new Error(`format non branché : ${name}`);
  return load();
}
