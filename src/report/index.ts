// Report: the formatter registry; each formatter is loaded only when used.
import type { ChunkedFormatter, Formatter, FormatName } from "./types.js";

export * from "./types.js";

const loaders: Record<FormatName, () => Promise<Formatter>> = {
  text: async () => (await import("./formatters/text.js")).format,
  json: async () => (await import("./formatters/json.js")).format,
  sarif: async () => (await import("./formatters/sarif.js")).format,
  junit: async () => (await import("./formatters/junit.js")).format,
  github: async () => (await import("./formatters/github.js")).format,
  markdown: async () => (await import("./formatters/markdown.js")).format,
  gitlab: async () => (await import("./formatters/gitlab.js")).format,
};

export async function getFormatter(name: FormatName): Promise<Formatter> {
  const load = loaders[name];
  if (!load) throw new Error(`format non branché : ${name}`);
  return load();
}

/** The formatter's text in pieces: the format's own chunks where it writes them (text, json, sarif, junit), else its text as one piece. */
export async function getChunkedFormatter(name: FormatName): Promise<ChunkedFormatter> {
  if (name === "text") return (await import("./formatters/text.js")).chunks;
  if (name === "json") return (await import("./formatters/json.js")).chunks;
  if (name === "sarif") return (await import("./formatters/sarif.js")).chunks;
  if (name === "junit") return (await import("./formatters/junit.js")).chunks;
  const format = await getFormatter(name);
  return (result, ctx) => [format(result, ctx)];
}
