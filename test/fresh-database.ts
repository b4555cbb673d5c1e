// Runs before every test file: a new temporary SQLite file, so no test ever touches the dev database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "countersign-test-"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
// Registered here, before the test file's own hooks, it runs after them: the database goes last.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
process.env.ADMIN_EMAIL = "";
process.env.ADMIN_PASSWORD = "";
// Limits are off unless a test turns them on (see vi.hoisted in those tests).
process.env.SIGN_LIMIT_PER_ADDRESS ??= "0";
process.env.SIGN_LIMIT_PER_DOMAIN ??= "0";
