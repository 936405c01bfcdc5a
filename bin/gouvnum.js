#!/usr/bin/env node
// The command line's entry, CommonJS (bin/package.json): Node starts it without its ES module loader.
// `gouvnum`, `gouvnum --help`, `-h`, `help`, `--version` and `-V` are answered from dist/bundle/quick-answers.json,
// which scripts/build.mjs writes from the real program's output (test/quick-answers.test.ts compares them byte for
// byte); every other command line loads the bundled program (dist/bundle/run.js, from dist/cli/run.ts).
"use strict";
const argv = process.argv.slice(2);
const QUICK = ["", "--help", "-h", "help", "--version", "-V"];
const key = argv.length === 0 ? "" : argv.length === 1 ? argv[0] : undefined;
// commander wraps its help at the terminal's width, 80 columns when the output is not a terminal: the answers were
// written at 80, so a terminal of another width gets the program itself.
const answer = key !== undefined && QUICK.includes(key) && atWidth80() ? quickAnswer(key) : undefined;
if (answer !== undefined) {
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.stdout.write(answer);
  process.exitCode = 0;
} else {
  import("../dist/bundle/run.js").then(({ run }) => run(argv));
}

function atWidth80() {
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  return (width ?? 80) === 80;
}

function quickAnswer(k) {
  try {
    return require("../dist/bundle/quick-answers.json")[k];
  } catch {
    return undefined; // not built with it: the program answers
  }
}
