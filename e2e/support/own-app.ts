import { queryRows, type Row } from "../../test/rows";
import { startAppServer, type AppServer } from "./app-server";
import { currentDialect } from "./dialect";
import { freshDatabase } from "./test-database";

/** An app of a test's own, on its own fresh database of the test's project's dialect, for tests that bend settings or kill it. */
export async function startOwnApp(env: Record<string, string>) {
  const database = freshDatabase("own", currentDialect());
  const settings = { DATABASE_URL: database.url, ...env };
  let server: AppServer = await startAppServer(settings);
  return {
    get url() {
      return server.url;
    },
    get server() {
      return server;
    },
    databaseUrl: database.url,
    /** Rows as the app's database really holds them, read on a connection of its own. */
    rows<R = Row>(sql: string, ...params: unknown[]): R[] {
      return queryRows<R>(database.url, sql, ...params);
    },
    /** Starts the app again on the same database (and a new port), as after a crash. */
    async restart() {
      server = await startAppServer(settings);
    },
    async stop() {
      await server.stop();
      database.drop();
    },
  };
}
