#!/usr/bin/env node
// The bundled command line (scripts/build.mjs); the library stays in dist/ module by module.
import { run } from "../dist/bundle/run.js";
run(process.argv.slice(2));
