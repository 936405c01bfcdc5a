// End to end with a real spreadsheet program: export → LibreOffice opens and re-saves the workbook (as ODS and as
// XLSX) → a cell changed by openpyxl as a person would → import → the YAML has exactly that change and nothing
// else; an untouched round trip through LibreOffice changes nothing.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../cli-helpers.js";
import { snapshot, territoryCopy } from "../collect-helpers.js";
import { ROOT } from "../helpers.js";

const SOFFICE = "soffice";
const PYTHON = "/usr/bin/python3";
const EDIT = join(ROOT, "test/libreoffice/edit-cell.py");
const YAML = "etablissements/0350002M.yaml";

/** LibreOffice, headless, with its own profile (no lock shared with another run): `file` re-saved as `format` in `dir`. */
function resave(file: string, format: "ods" | "xlsx", dir: string, profile: string): string {
  mkdirSync(dir, { recursive: true });
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", dir, file], { stdio: "pipe", timeout: 180_000 });
  const base = file.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  return join(dir, `${base}.${format}`);
}

function files(terr: string): string[] {
  return ["etablissements", "collectivites", "conventions"].flatMap((d) => readdirSync(join(terr, d)).map((f) => `${d}/${f}`));
}

describe("collect with LibreOffice", () => {
  for (const exported of ["ods", "xlsx"] as const) {
    it(`an ${exported.toUpperCase()} export re-saved by LibreOffice (ODS and XLSX) imports as no change, then as exactly the cells changed`, async () => {
      const t = territoryCopy();
      const profile = join(t.dir, "profil-lo");
      const r = await cli(["collect", "export", ".", "--out", t.out, "--format", exported, "--scope", "collectivite:dep-35"], { cwd: t.terr });
      expect(r.code).toBe(0);
      const wb = join(t.out, `collecte-dep-35.${exported}`);
      const before = snapshot(t.terr, files(t.terr));

      // Untouched: LibreOffice re-saves in both formats, the import changes nothing.
      const asOds = resave(wb, "ods", join(t.dir, "lo-ods"), profile);
      const asXlsx = resave(wb, "xlsx", join(t.dir, "lo-xlsx"), profile);
      const untouched = await cli(["collect", "import", asOds, asXlsx], { cwd: t.terr });
      expect(untouched.stdout).toContain("Aucun fichier YAML modifié");
      expect(untouched.stdout).not.toMatch(/[1-9]\d* refusée/);
      expect(untouched.code).toBe(0);
      expect(snapshot(t.terr, files(t.terr))).toEqual(before);

      // A person fills the référent technique's e-mail and a maintenance level (openpyxl on LibreOffice's XLSX),
      // then LibreOffice saves the result as ODS too.
      const edited = join(t.dir, "rempli.xlsx");
      execFileSync(PYTHON, [EDIT, asXlsx, edited, "Rôles", "0350002M", "Référent technique — courriel", "romain.lefeuvre@ille-et-vilaine.fr"], { stdio: "pipe" });
      execFileSync(PYTHON, [EDIT, edited, edited, "Maintenance", "0350002M", "Niveau 1 — qui", "Agent du bâtiment"], { stdio: "pipe" });
      const editedOds = resave(edited, "ods", join(t.dir, "lo-rempli"), profile);
      const text = readFileSync(join(t.terr, YAML), "utf8");
      const expected = text
        .replace("courriel: r.lefeuvre@ille-et-vilaine.fr", "courriel: romain.lefeuvre@ille-et-vilaine.fr")
        // A key the file did not have is added at the end of its document.
        .concat("maintenance:\n  niveau_1:\n    acteur: agent_batiment\n");
      for (const f of [editedOds, edited]) {
        const done = await cli(["collect", "import", f], { cwd: t.terr });
        expect(done.stdout).toMatch(f === editedOds ? /2 valeur\(s\) modifiée\(s\)/ : /0 valeur\(s\) modifiée\(s\)/);
        expect(done.code).toBe(0);
        expect(readFileSync(join(t.terr, YAML), "utf8")).toBe(expected);
        const others = files(t.terr).filter((x) => x !== YAML);
        expect(snapshot(t.terr, others)).toEqual(Object.fromEntries(others.map((x) => [x, before[x]])));
      }
    });
  }
});
