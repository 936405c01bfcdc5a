// Audit: a content-hash cache of the per-file stage, so a re-run does not parse again the unchanged files that are
// slow to parse. Keyed on each file's bytes, gouvnum's version, the schemas and the limits. Rules always run on the
// whole territory, so findings that span files (references, conventions) stay right after any change.
import { createHash } from "node:crypto";
import { serialize, deserialize } from "node:v8";
import type { FileResult } from "./file-stage.js";

type Entry = Omit<FileResult, "file" | "text">;

interface Stored {
  format: 2;
  key: string;
  entries: Map<string, Entry>;
}

export class FileCache {
  private readonly old: Map<string, Entry>;
  private readonly used = new Map<string, Entry>();
  private changed = false;
  hits = 0;
  misses = 0;

  /** `bytes` is the stored cache (or undefined); `key` identifies what the entries depend on besides the file. */
  constructor(
    readonly key: string,
    bytes?: Uint8Array,
  ) {
    let old = new Map<string, Entry>();
    if (bytes) {
      try {
        const s = deserialize(bytes) as Stored;
        if (s?.format === 2 && s.key === key && s.entries instanceof Map) old = s.entries;
        else this.changed = true;
      } catch {
        this.changed = true; // a damaged cache is rebuilt, never an error
      }
    }
    this.old = old;
  }

  static hash(bytes: Uint8Array): string {
    return createHash("sha1").update(bytes).digest("hex");
  }

  /** The cached result for these bytes, shown under `file` with its text (decoded only on a hit). */
  get(hash: string, file: string, text: () => string | undefined): FileResult | undefined {
    const e = this.used.get(hash) ?? this.old.get(hash);
    if (!e) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.set(hash, e);
    const t = text();
    return { ...e, file, ...(t !== undefined ? { text: t } : {}) };
  }

  /**
   * Keeps a file's result — only when the reference parser read it (block scalars, anchors, multi-line values…).
   * The block path reads a file faster than the cache gives it back: on the académie corpus, loading 13 MB of
   * cached values and positions took 0.2 s where parsing and validating the 4,772 files again took about 0.3 s,
   * and writing the cache back 0.15 s more (measured); a cache of everything made re-runs slower than no cache.
   */
  set(hash: string, r: FileResult): void {
    if (r.parser !== "reference") return;
    const { file: _f, text: _t, ...entry } = r;
    this.used.set(hash, entry);
    this.changed = true;
  }

  /** Whether the stored cache needs rewriting (new entries, or entries for files that are gone). */
  get dirty(): boolean {
    return this.changed || this.used.size !== this.old.size;
  }

  /** The cache to store: only the entries of this run, so it never grows with deleted files. */
  serialize(): Uint8Array {
    return serialize({ format: 2, key: this.key, entries: this.used } satisfies Stored);
  }
}

/** What the entries depend on besides each file's bytes. */
export function cacheKey(version: string, schemas: readonly string[], limits: unknown): string {
  const h = createHash("sha1").update(version).update("\u0000").update(JSON.stringify(limits));
  for (const s of schemas) h.update("\u0000").update(s);
  return h.digest("hex");
}
