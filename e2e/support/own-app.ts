import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startAppServer, type AppServer } from "./app-server";

/** An app of a test's own, on its own temporary database, for tests that bend settings or kill it. */
export async function startOwnApp(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "countersign-own-"));
  const database = path.join(dir, "own.db");
  const settings = { DATABASE_URL: `file:${database}`, ...env };
  let server: AppServer = await startAppServer(settings);
  return {
    get url() {
      return server.url;
    },
    get server() {
      return server;
    },
    database,
    read<T>(query: (db: Database.Database) => T): T {
      const db = new Database(database, { readonly: true });
      try {
        return query(db);
      } finally {
        db.close();
      }
    },
    /** Starts the app again on the same database (and a new port), as after a crash. */
    async restart() {
      server = await startAppServer(settings);
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
