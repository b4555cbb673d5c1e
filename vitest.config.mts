import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { databaseTestNames } from "./test/database-tests";

// The suite runs on each database, as two projects of one run that share its workers (run one with
// --project sqlite or --project postgres): every file that uses a database on both, but for the tests
// of one dialect's own machinery, which live in its folder (and the SQLite backup script's). The
// files of pure logic run in SQLite's project only: each costs its own process, setup and imports,
// and no dialect changes what they test.
const folders = ["lib", "db", "server", "scripts"];
const onDatabase = (dialect: "sqlite" | "postgres", names: string, otherDialect: string[]) => ({
  extends: true as const,
  test: {
    name: dialect,
    env: { TEST_DIALECT: dialect },
    include: folders.map((folder) => `${folder}/**/${names}`),
    exclude: ["node_modules/**", ...otherDialect],
  },
});

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    // Once per project: a migrated and seeded database that each test file copies (test/database.ts).
    globalSetup: ["test/template-database.ts"],
    setupFiles: ["test/fresh-database.ts"],
    // Each file gets its own process and so its own temporary database.
    pool: "forks",
    isolate: true,
    // Most files spend their time waiting on a database, a child process or a timer, so more files
    // run at once than there are cores; not many more, or the files that wait on thousands of round
    // trips in a row (the fuzz test, the export's 3,000 signatures) wait for a core at every one.
    maxWorkers: 3,
    testTimeout: 30_000,
    // A file's beforeAll may build thousands of rows, one signature at a time: the tests' own budget.
    hookTimeout: 30_000,
    projects: [
      onDatabase("sqlite", "*.test.ts", ["db/postgres/**"]),
      onDatabase("postgres", databaseTestNames, ["db/sqlite/**", "scripts/backup.integration.test.ts"]),
    ],
  },
});
