import { defineConfig } from "vitest/config";

// Three groups: the suite, then the hostile-input corpus on its own, then the hostile workbooks. Its cases are bounded in time (2 s each, by
// issue 7), and a bound only says something about gouvnum when the suite's other files are not sharing the
// two cores with it.
export default defineConfig({
  test: {
    testTimeout: 30000,
    pool: "threads",
    projects: [
      {
        extends: true,
        test: {
          name: "suite",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**", "test/libreoffice/**", "test/hostile.test.ts", "test/collect-hostile.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "bornes",
          include: ["test/hostile.test.ts"],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // Hostile workbooks: heavy cases (zip bomb, 100,000 rows) with their own bounds, after the 2 s cases.
          name: "bornes-classeurs",
          include: ["test/collect-hostile.test.ts"],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
