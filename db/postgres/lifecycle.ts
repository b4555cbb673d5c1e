import { countFolder } from "./count-folder";

/** This process takes its turn at folding count deltas (count-folder.ts); call it once the server runs. */
export function startBackgroundWork(): void {
  countFolder().start();
}

/**
 * PostgreSQL keeps erased rows' old versions until VACUUM reuses their space and its WAL until
 * recycled; nothing here can hurry that per erasure, so there is nothing to wait for.
 */
export async function erasedDataSettled(): Promise<void> {}

export async function backupDatabase(_targetPath: string): Promise<{ pages: number }> {
  throw new Error("npm run backup copies an SQLite database; on PostgreSQL use pg_dump (or your provider's backups)");
}
