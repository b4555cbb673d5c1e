import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, dropTestDatabase, testDialect } from "../../test/postgres";

/**
 * A fresh database for a test app, on the dialect the run is for (TEST_DIALECT): a temporary
 * SQLite file, or a new PostgreSQL database. `drop` removes it.
 */
export function freshDatabase(label: string): { url: string; drop: () => void } {
  if (testDialect() === "postgres") {
    const url = createTestDatabase(label);
    return { url, drop: () => dropTestDatabase(url) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `countersign-${label}-`));
  return { url: `file:${path.join(dir, `${label}.db`)}`, drop: () => rmSync(dir, { recursive: true, force: true }) };
}
