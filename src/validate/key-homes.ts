// Validate: where a key belongs in a kind's schema — for an unknown key that the schema knows under another
// block (`niveau_1` written under the document instead of under `clauses.maintenance`), the finding says where.
import type { Kind } from "../core/domain.js";
import { readSchema } from "./ajv.js";

type Node = Record<string, unknown>;

/** Every place (dotted path of keys, lists as `[]`) where each key is declared, per kind: walked once. */
const homes = new Map<Kind, Map<string, string[]>>();

function resolve(ref: string, file: string): { node: Node | undefined; file: string } {
  const [target, pointer = ""] = ref.split("#");
  const f = target || file;
  let node: unknown = readSchema(f);
  for (const seg of pointer.split("/").filter(Boolean)) node = (node as Node | undefined)?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  return { node: node as Node | undefined, file: f };
}

function index(kind: Kind): Map<string, string[]> {
  let out = homes.get(kind);
  if (out) return out;
  out = new Map();
  const found = out;
  const visit = (node: Node | undefined, file: string, path: string[], refs: readonly string[]) => {
    if (!node || typeof node !== "object" || path.length > 12) return;
    if (typeof node.$ref === "string") {
      const key = `${file}${node.$ref}`;
      if (!refs.includes(key)) {
        const r = resolve(node.$ref, file);
        visit(r.node, r.file, path, [...refs, key]);
      }
    }
    for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(node[k])) for (const s of node[k] as Node[]) visit(s, file, path, refs);
    for (const k of ["if", "then", "else"]) visit(node[k] as Node | undefined, file, path, refs);
    if (node.items && typeof node.items === "object") visit(node.items as Node, file, [...path.slice(0, -1), `${path[path.length - 1] ?? ""}[]`], refs);
    const props = node.properties as Record<string, Node> | undefined;
    if (props) {
      for (const [name, sub] of Object.entries(props)) {
        const place = path.join(".");
        const list = found.get(name) ?? [];
        if (!list.includes(place)) list.push(place);
        found.set(name, list);
        visit(sub, file, [...path, name], refs);
      }
    }
  };
  visit(readSchema(`${kind}.schema.json`), `${kind}.schema.json`, [], []);
  homes.set(kind, out);
  return out;
}

/**
 * Where `key` belongs in a document of `kind`, other than `here` (the dotted path of the block it was found
 * in; "" for the document, which is also how a top-level key's place reads): the places closest to `here` first (sharing the longest start), at most two.
 */
export function keyHomes(kind: Kind, key: string, here: string): string[] {
  const places = (index(kind).get(key) ?? []).filter((p) => p !== here);
  const shared = (p: string) => {
    const a = p.split(".");
    const b = here.split(".");
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  return places.sort((x, y) => shared(y) - shared(x) || x.split(".").length - y.split(".").length).slice(0, 2);
}
