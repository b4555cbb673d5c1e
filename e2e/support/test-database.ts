import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../test/postgres";
import type { Dialect } from "./dialect";

/** A fresh database for a test app: a temporary SQLite file, or a new PostgreSQL database. `drop` removes it. */
export function freshDatabase(label: string, dialect: Dialect): { url: string; drop: () => void } {
  if (dialect === "postgres") {
    const url = createTestDatabase(label);
    return { url, drop: () => dropTestDatabase(url) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `countersign-${label}-`));
  return { url: `file:${path.join(dir, `${label}.db`)}`, drop: () => rmSync(dir, { recursive: true, force: true }) };
}
