// Which test files use a database: they run on each dialect's project (vitest.config.mts). Every
// other test file is pure logic, which no dialect can change, so it runs once, in SQLite's project.
const kinds = ["integration", "fuzz", "property"];

/** The names of the test files that use a database, as a glob. */
export const databaseTestNames = `*.{${kinds.join(",")}}.test.ts`;

/** Whether a test file's name says it uses a database, and so runs on PostgreSQL too. */
export const usesDatabase = (file: string) => kinds.some((kind) => file.endsWith(`.${kind}.test.ts`));
