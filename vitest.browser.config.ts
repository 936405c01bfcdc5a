import { defineConfig } from "vitest/config";

// Browser tests (npm run test:browser): the HTML report in Debian's headless Chromium, driven by playwright-core.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: "forks",
    fileParallelism: false,
  },
});
