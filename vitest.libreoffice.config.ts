import { defineConfig } from "vitest/config";

// LibreOffice tests (npm run test:libreoffice): workbooks opened and re-saved by Debian's headless LibreOffice Calc,
// edited by python3-openpyxl as a person would, then imported.
export default defineConfig({
  test: {
    include: ["test/libreoffice/**/*.test.ts"],
    testTimeout: 300000,
    hookTimeout: 300000,
    pool: "forks",
    fileParallelism: false,
  },
});
