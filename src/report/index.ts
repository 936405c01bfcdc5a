// Report: the formatter registry; each formatter is loaded only when used.
import type { ChunkedFormatter, Formatter, FormatName } from "./types.js";

export * from "./types.js";

/** A format's module: its whole text, and its text in pieces when the format writes them (`json`, `sarif`, `junit`, `text`). */
type FormatModule = { format: Formatter; chunks?: ChunkedFormatter };

const loaders: Record<FormatName, () => Promise<FormatModule>> = {
  text: () => import("./formatters/text.js"),
  json: () => import("./formatters/json.js"),
  sarif: () => import("./formatters/sarif.js"),
  junit: () => import("./formatters/junit.js"),
  github: () => import("./formatters/github.js"),
  markdown: () => import("./formatters/markdown.js"),
  gitlab: () => import("./formatters/gitlab.js"),
};

async function load(name: FormatName): Promise<FormatModule> {
  const loader = loaders[name];
  if (!loader) throw new Error(`format non branché : ${name}`);
  return loader();
}

export async function getFormatter(name: FormatName): Promise<Formatter> {
  return (await load(name)).format;
}

/** The formatter's text in pieces: the format's own chunks where it writes them, else its text as one piece. */
export async function getChunkedFormatter(name: FormatName): Promise<ChunkedFormatter> {
  const { format, chunks } = await load(name);
  return chunks ?? ((result, ctx) => [format(result, ctx)]);
}
