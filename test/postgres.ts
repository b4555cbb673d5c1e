import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

/**
 * Fresh PostgreSQL databases for tests: one per test file or test app, made on the server that
 * TEST_POSTGRES_URL names (an account that may create databases) and dropped after.
 */
export const testPostgresUrl = () => process.env.TEST_POSTGRES_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";

/** Runs each statement on the server, one after another (CREATE and DROP DATABASE refuse a transaction). */
export const psql = (...statements: string[]) =>
  execFileSync("psql", [testPostgresUrl(), "-X", "-q", "-v", "ON_ERROR_STOP=1", ...statements.flatMap((sql) => ["-c", sql])], { stdio: "pipe" });

/** The name of a database made by createTestDatabase, checked, so nothing else is ever dropped. */
export function testDatabaseName(url: string): string {
  const name = new URL(url).pathname.slice(1);
  if (!/^countersign_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
  return name;
}

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
  psql(`drop database if exists ${testDatabaseName(url)} with (force)`);
}

/** Makes the database `url` names anew as a copy of `template`, which no one may be connected to. */
export function copyTestDatabase(template: string, url: string): void {
  const name = testDatabaseName(url);
  psql(`drop database if exists ${name} with (force)`, `create database ${name} template ${testDatabaseName(template)}`);
}

/** Which database the tests run on: TEST_DIALECT=postgres, or SQLite by default. */
export const testDialect = (): "sqlite" | "postgres" => (process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite");
