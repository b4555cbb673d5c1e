import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The same suite runs on each database (TEST_DIALECT): all of it, but for the tests of one
// dialect's own machinery, which live in its folder (and the SQLite backup script's).
const postgres = process.env.TEST_DIALECT === "postgres";
const otherDialect = postgres ? ["db/sqlite/**", "scripts/backup.integration.test.ts"] : ["db/postgres/**"];

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", ...otherDialect],
    setupFiles: ["test/fresh-database.ts"],
    // Each file gets its own process and so its own temporary database.
    pool: "forks",
    isolate: true,
    testTimeout: 30_000,
  },
});
