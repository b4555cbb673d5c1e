import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { openConnection } from "./connection";

// Larger than any database's page count: the backup API then copies every page in one step.
const allPages = 0x7fffffff;

/** All pages in one step of the online backup, one read (in WAL mode it blocks no writer), so the copy is one moment: smaller
 * steps restart from the first page after every signature made elsewhere and, under steady signing, might never finish. */
export async function backupDatabase(file: string, targetPath: string): Promise<{ pages: number }> {
  const source = path.resolve(file);
  const target = path.resolve(targetPath);
  // Opening a missing file would create an empty database and back that up, which helps no one.
  if (!existsSync(source)) {
    throw new Error(`There is no database at ${source} to back up; check DATABASE_URL.`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  reserve(target);

  // The copy is written beside the target and renamed over the reservation once complete, so the
  // target's name never holds a half-written database.
  const partial = `${target}.partial-${process.pid}`;
  const connection = openConnection(source, { readonly: true });
  try {
    const { totalPages } = await connection.backup(partial, { progress: () => allPages });
    renameSync(partial, target);
    return { pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(target, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Backing up ${source} to ${target} failed: ${reason}`, { cause: error });
  } finally {
    connection.close();
  }
}

/** Creates the target empty, failing if it exists: an atomic check, so no backup is ever overwritten. */
function reserve(target: string): void {
  try {
    closeSync(openSync(target, "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new Error(`${target} already exists; a backup never overwrites a file. Choose a new name.`, { cause: error });
    }
    throw new Error(`Cannot create the backup file ${target}: ${(error as Error).message}`, { cause: error });
  }
}
