// Build: compile src/ to dist/ with tsc, then copy the rule documentation pages beside their rules.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
rmSync(join(root, "dist"), { recursive: true, force: true });
const tsc = require.resolve("typescript/bin/tsc");
try {
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit", cwd: root });
} catch {
  process.exit(1);
}
for (const dir of ["rules"]) {
  const src = join(root, "src", dir);
  mkdirSync(join(root, "dist", dir), { recursive: true });
  for (const f of readdirSync(src)) if (f.endsWith(".md")) cpSync(join(src, f), join(root, "dist", dir, f));
}
