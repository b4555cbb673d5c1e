// Vitest's global setup, once per dialect's project: one database migrated and seeded as the app
// does at start, made in a process of its own. Each test file's prepareDatabase() copies it
// (test/database.ts) instead of migrating and seeding a database of its own.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropTestDatabase, psql, testDatabaseName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated and seeded database that test files copy: a SQLite file's URL, or a PostgreSQL database's. */
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Each project is named for its dialect (vitest.config.mts).
  const postgres = project.name === "postgres";
  const dir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), "countersign-template-"));
  const url = dir ? `file:${path.join(dir, "template.db")}` : createTestDatabase("template");
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error", SECRET_KEY: randomBytes(32).toString("base64url") };
  await promisify(execFile)(process.execPath, ["--import", "tsx", "test/prepare-template.ts"], { env });
  // No one may connect to it now: PostgreSQL copies a template only while nobody is connected.
  if (postgres) psql(`alter database ${testDatabaseName(url)} with is_template true allow_connections false`);
  project.provide("templateDatabase", url);
  return () => {
    if (dir) return rmSync(dir, { recursive: true, force: true });
    psql(`alter database ${testDatabaseName(url)} with is_template false allow_connections true`);
    dropTestDatabase(url);
  };
}
