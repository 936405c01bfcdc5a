// displayPath's shortcut for files under the working directory gives path.relative's answer, for any pair of paths.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { relative, sep } from "node:path";
import { displayPath } from "../src/load/stage/index.js";

const segment = fc.constantFrom("a", "b", "ab", ".", "..", "", ".x", "...", "c.yaml", "é");
const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => "/" + s.join("/"));

describe("displayPath", () => {
  it.runIf(sep === "/")("le chemin de path.relative, raccourci ou non (chemins engendrés, avec . .. // et / final)", () => {
    fc.assert(
      fc.property(path, path, (cwd, rest) => {
        for (const abs of [rest, cwd + rest, cwd + "/" + rest.slice(1)]) expect(displayPath(cwd, abs)).toBe(relative(cwd, abs) || abs);
      }),
      { numRuns: 3000 },
    );
  });
  it("un fichier sous le dossier de travail : son chemin depuis ce dossier", () => {
    expect(displayPath("/t/rennes", "/t/rennes/etablissements/0350001a.yaml")).toBe("etablissements/0350001a.yaml");
    expect(displayPath("/t/rennes", "/t/rennes-2/x.yaml")).toBe("../rennes-2/x.yaml");
  });
});
