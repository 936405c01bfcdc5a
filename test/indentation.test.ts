// Indentation mistakes: each fixture of test/fixtures/indentation/ has one mistake, marked `# attendu: <règle>`
// on the line a person has to fix. The finding sits on that line, at the key, and says what to do — instead
// of the parser's « clé implicite », « caractère manquant » or a stray « clé en double ».
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { findIndentationMistake } from "../src/load/indentation.js";
import { ROOT, markers, runText } from "./helpers.js";
import { cli } from "./cli-helpers.js";

const DIR = join(ROOT, "test/fixtures/indentation");

/** What each fixture's finding must say (the line and column are checked against the marker). */
const EXPECTED: Record<string, { messageId: string; message: RegExp }> = {
  "cle-trop-indentee.yaml": {
    messageId: "indentation.trop",
    message: /^ligne 9 : « adopte_le » est indentée de 3 espaces ; la clé précédente \(« volet_numerique », ligne 8\) l'est de 2 — alignez-la\.$/,
  },
  "cle-pas-assez-indentee.yaml": {
    messageId: "indentation.pasAssez",
    message: /^ligne 9 : « equipements_personnels » est indentée de 1 espace ; le bloc qu'elle suit aligne ses clés sur 2 et le bloc parent sur 0/,
  },
  "tabulation.yaml": { messageId: "indentation.tabulation", message: /^ligne 7 : une tabulation sert d'indentation ; le YAML n'accepte que des espaces .*2 espaces/ },
  "niveau-desindente.yaml": {
    messageId: "indentation.entre",
    message: /^ligne 9 : « niveau_1 » est indentée de 2 espaces alors que les clés qui l'entourent \(« niveau_0 » ligne 8, « niveau_2 » ligne 10\) le sont de 4 — alignez-la\.$/,
  },
  "niveau-trop-indente.yaml": { messageId: "indentation.trop", message: /^ligne 8 : « niveau_1 » est indentée de 5 espaces ; la clé précédente \(« niveau_0 », ligne 7\) l'est de 4/ },
  "niveau-sous-le-document.yaml": {
    messageId: "cleAilleurs",
    message: /^Clé « niveau_1 » inconnue dans le document convention : elle a sa place sous « clauses\.maintenance » — déplacez-la \(ou indentez-la\) dans le bloc « maintenance »\.$/,
  },
  "cle-en-double-apres-bloc.yaml": {
    messageId: "indentation.double",
    message: /^ligne 9 : « nom » figure déjà ligne 4 dans ce bloc ; si elle appartient au bloc « referent_technique » juste au-dessus, indentez-la de 2 espaces/,
  },
  "liste-cle-trop-indentee.yaml": { messageId: "indentation.trop", message: /^ligne 9 : « nombre » est indentée de 5 espaces ; la clé précédente \(« categorie », ligne 8\) l'est de 4/ },
};

/** The parser's texts these messages replace. */
const PARSER_TEXTS = /clé implicite|Caractère manquant|Clé en double|Indentation incorrecte|Élément inattendu/;

describe("erreurs d'indentation : un message sur lequel agir, à la bonne ligne", () => {
  const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

  it("chaque fixture a son attendu (et chaque attendu sa fixture)", () => {
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of fixtures) {
    it(name, async () => {
      const text = readFileSync(join(DIR, name), "utf8");
      const [marker] = markers(text);
      const expected = EXPECTED[name];
      const { findings } = await runText(text, { mode: "validate" }, name);
      const mine = findings.filter((f) => f.ruleId === marker.ruleId);
      // One finding for one mistake: the parser's follow-up errors on the next lines are gone.
      expect(mine, JSON.stringify(mine.map((f) => [f.line, f.message]))).toHaveLength(1);
      const f = mine[0];
      expect(f.messageId).toBe(expected.messageId);
      expect(f.message).toMatch(expected.message);
      expect(f.message).not.toMatch(PARSER_TEXTS);
      expect(f.line).toBe(marker.line);
      // At the key (a tab: at the start of its line).
      const lineText = text.split("\n")[f.line - 1];
      const expectedColumn = lineText.startsWith("\t") ? 1 : lineText.search(/[^ -]/) + 1;
      expect(f.column).toBe(expectedColumn);
      expect(f.severity).toBe("error");
    });
  }

  it("par la ligne de commande : même ligne, même colonne, code 1", async () => {
    const r = await cli(["validate", "test/fixtures/indentation/cle-trop-indentee.yaml", "-f", "json"]);
    expect(r.code).toBe(1);
    const [f] = JSON.parse(r.stdout).findings;
    expect(f).toMatchObject({ ruleId: "yaml-syntaxe", line: 9, column: 4 });
  });

  it("dans le fichier de configuration aussi", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-indent-"));
    writeFileSync(join(dir, "gouvnum.config.yaml"), 'auditDate: "2026-09-01"\nrules:\n  debit-insuffisant: warning\n   uai-invalide: off\n');
    const r = await cli(["validate", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("gouvnum.config.yaml:4:4 — ligne 4 : « uai-invalide » est indentée de 3 espaces ; la clé précédente (« debit-insuffisant », ligne 3) l'est de 2 — alignez-la.");
  });
});

/** Every YAML file of the repository under `dir`. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe("pas de fausse alerte", () => {
  it("aucune « erreur d'indentation » dans les fichiers YAML valides du dépôt (exemples, fixtures)", () => {
    let documents = 0;
    const wrong: string[] = [];
    for (const file of [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test/fixtures")), ...yamlFiles(join(ROOT, "src/rules"))]) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // unreadable on purpose (hostile fixtures)
      }
      const docs = parseAllDocuments(text);
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) continue;
      docs.forEach((d, i) => {
        const start = d.contents?.range[0] ?? d.range[0];
        const end = docs[i + 1]?.range[0] ?? text.length;
        documents++;
        const m = findIndentationMistake(text, start, end, Number.MAX_SAFE_INTEGER);
        if (m) wrong.push(`${file}:${m.line} ${m.messageId}`);
      });
    }
    expect(documents).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });
});
