import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

/**
 * Fresh PostgreSQL databases for tests: one per test file or test app, made on the server that
 * TEST_POSTGRES_URL names (an account that may create databases) and dropped after.
 */
export const testPostgresUrl = () => process.env.TEST_POSTGRES_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";

const psql = (sql: string) => execFileSync("psql", [testPostgresUrl(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], { stdio: "pipe" });

/** Makes an empty database and returns its URL. */
export function createTestDatabase(label = "test"): string {
  const name = `countersign_${label}_${randomBytes(6).toString("hex")}`;
  psql(`create database ${name}`);
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, ending any connection still open to it. */
export function dropTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!/^countersign_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
  psql(`drop database if exists ${name} with (force)`);
}

/** Which database the tests run on: TEST_DIALECT=postgres, or SQLite by default. */
export const testDialect = (): "sqlite" | "postgres" => (process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite");
