// Runs before every test file: a new temporary SQLite file, so no test ever touches the dev database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(tmpdir(), "countersign-test-"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
process.env.ADMIN_EMAIL = "";
process.env.ADMIN_PASSWORD = "";
