// Runs before every test file: a new temporary database, so no test ever touches the dev one.
// SQLite by default; PostgreSQL with TEST_DIALECT=postgres (a fresh database on TEST_POSTGRES_URL).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createTestDatabase, dropTestDatabase, testDialect } from "./postgres";

if (testDialect() === "postgres") {
  const url = createTestDatabase();
  process.env.DATABASE_URL = url;
  // Every process on one PostgreSQL database must sign with one key; there is no folder to make one in.
  process.env.SECRET_KEY ??= randomBytes(32).toString("base64url");
  // Registered here, before the test file's own hooks, it runs after them: the database goes last.
  afterAll(() => dropTestDatabase(url));
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-test-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
}
// Tests read what they need from the database; the server's log lines would only be noise here.
process.env.LOG_LEVEL ??= "error";
process.env.ADMIN_EMAIL = "";
process.env.ADMIN_PASSWORD = "";
// Limits are off unless a test turns them on (see vi.hoisted in those tests).
process.env.SIGN_LIMIT_PER_ADDRESS ??= "0";
process.env.SIGN_LIMIT_PER_DOMAIN ??= "0";
