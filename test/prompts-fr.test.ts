// The interactive prompts of `gouvnum init` in French: real @inquirer/prompts, driven through streams with
// the French themes, and what they draw read back (key hints, Oui/Non, error texts).
import { describe, expect, it } from "vitest";
import { PassThrough, Writable } from "node:stream";
import * as inquirer from "@inquirer/prompts";
import { frenchPrompter } from "../src/cli/prompts-fr.js";

/** A prompter on fresh streams, the screen it draws (without colours), and a way to type. */
function terminal() {
  const input = new PassThrough();
  let screen = "";
  const output = new Writable({
    write(chunk, _e, cb) {
      screen += String(chunk);
      cb();
    },
  });
  const context = () => {
    const through = new PassThrough();
    through.pipe(output, { end: false });
    return { input, output: through };
  };
  // eslint-disable-next-line no-control-regex
  const plain = () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  const waitFor = async (text: string) => {
    for (let i = 0; i < 500; i++) {
      if (plain().includes(text)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`non affiché : ${text}\n${plain().slice(-800)}`);
  };
  const type = async (...keys: string[]) => {
    for (const k of keys) {
      input.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { p: frenchPrompter(inquirer, context), plain, waitFor, type };
}

/** What the prompts would say in English if a theme were missing. */
const ENGLISH = /\b(navigate|select|submit|invert|all|space|Yes|No|You must|Invalid|disabled)\b/;

const DOWN = "\u001b[B";

describe("invites en français (@inquirer/prompts et leurs thèmes)", () => {
  it("liste à choix unique : « ↑↓ naviguer • ⏎ choisir »", async () => {
    const term = terminal();
    const answer = term.p.select({ message: "Académie ?", choices: [{ name: "Amiens", value: "20" }, { name: "Rennes", value: "14" }] });
    await term.waitFor("Académie ?");
    await term.waitFor("⏎ choisir");
    expect(term.plain()).toContain("↑↓ naviguer • ⏎ choisir");
    await term.type(DOWN, "\r");
    expect(await answer).toBe("14");
    expect(term.plain()).not.toMatch(ENGLISH);
  });

  it("cases à cocher : « espace cocher • a tout • i inverser »", async () => {
    const term = terminal();
    const answer = term.p.checkbox({
      message: "Collectivités ?",
      choices: [
        { name: "Région Bretagne", value: "region-53", checked: true },
        { name: "Ille-et-Vilaine (35)", value: "dep-35", checked: true },
      ],
    });
    await term.waitFor("⏎ valider");
    expect(term.plain()).toContain("↑↓ naviguer • espace cocher • a tout • i inverser • ⏎ valider");
    await term.type(" ", "\r"); // uncheck the first
    expect(await answer).toEqual(["dep-35"]);
    expect(term.plain()).not.toMatch(ENGLISH);
  });

  it("oui ou non : « (O/n) », réponse « Oui » ou « Non », « o » et « n » acceptés, erreur en français", async () => {
    const term = terminal();
    const first = term.p.confirm({ message: "Workflow de CI ?", default: true });
    await term.waitFor("Workflow de CI ? (O/n)");
    await term.type("o", "\r");
    expect(await first).toBe(true);
    await term.waitFor("Workflow de CI ? Oui");

    const second = term.p.confirm({ message: "Réglages de l'éditeur ?", default: true });
    await term.waitFor("Réglages de l'éditeur ?");
    await term.type("x", "\r");
    await term.waitFor("Répondez « Oui » ou « Non » (o ou n).");
    await term.type("\u007f", "n", "\r");
    expect(await second).toBe(false);
    await term.waitFor("Réglages de l'éditeur ? Non");

    const third = term.p.confirm({ message: "Importer ?", default: false });
    await term.waitFor("Importer ? (o/N)");
    await term.type("\r");
    expect(await third).toBe(false);
    expect(term.plain()).not.toMatch(ENGLISH);
  });

  it("saisie : une validation qui refuse sans texte reçoit un message français", async () => {
    const term = terminal();
    const answer = term.p.input({ message: "Communes ?", validate: (v) => /^\d{5}$/.test(v) });
    await term.waitFor("Communes ?");
    await term.type("3528", "\r");
    await term.waitFor("Valeur invalide.");
    await term.type("\u007f", "\u007f", "\u007f", "\u007f", "35238", "\r");
    expect(await answer).toBe("35238");
    expect(term.plain()).not.toMatch(ENGLISH);
  });
});
