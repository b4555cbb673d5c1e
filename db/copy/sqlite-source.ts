import { statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { CampaignTally, Tally } from "./tally";
import { copiedTables, quoted, sqliteOnlyColumns, type CopiedTable } from "./tables";

/** A Countersign SQLite file, read as it stood at one moment. */
export type SqliteSource = {
  /** The table's rows as arrays in its copied columns' order, read one at a time. */
  rows(table: CopiedTable): IterableIterator<unknown[]>;
  /** The highest id the table has handed out, counting ids of rows since erased (AUTOINCREMENT keeps them). */
  highestId(table: string, column: string): number;
  signerNumbersIssued(): { id: number; issued: number }[];
  tally(): Tally;
  close(): void;
};

type Opened = { kind: "opened"; source: SqliteSource } | { kind: "refused"; reason: string };

/** Why the file cannot be copied by this version, or undefined when its tables are the ones expected. */
function schemaProblem(db: Database.Database, file: string): string | undefined {
  const columnsOf = db.prepare<[string], string>("select name from pragma_table_info(?)").pluck();
  for (const table of copiedTables) {
    const present = columnsOf.all(table.name);
    if (present.length === 0) return `${file} is not a Countersign database: it has no ${table.name} table.`;
    const expected = [...table.columns.map((column) => column.name), ...(sqliteOnlyColumns[table.name] ?? [])];
    const missing = expected.filter((name) => !present.includes(name));
    if (missing.length > 0) {
      return `${file} was made by an older Countersign (its ${table.name} table has no ${missing.join(", ")}). Start this version of the app on it once, so it migrates, stop it, then copy.`;
    }
    const unknown = present.filter((name) => !expected.includes(name));
    if (unknown.length > 0) {
      return `${file} holds columns this version of Countersign does not know (${table.name}: ${unknown.join(", ")}). Copy with the version that made it.`;
    }
  }
  return undefined;
}

function sourceOf(db: Database.Database): SqliteSource {
  return {
    rows(table) {
      const columns = table.columns.map((column) => quoted(column.name)).join(", ");
      return db.prepare<[], unknown[]>(`select ${columns} from ${quoted(table.name)}`).raw().iterate();
    },
    highestId(table, column) {
      const ever = db.prepare<[string], number>("select coalesce(max(seq), 0) from sqlite_sequence where name = ?").pluck().get(table) ?? 0;
      const now = db.prepare<[], number>(`select coalesce(max(${quoted(column)}), 0) from ${quoted(table)}`).pluck().get() ?? 0;
      return Math.max(ever, now);
    },
    signerNumbersIssued() {
      return db.prepare<[], { id: number; issued: number }>("select id, signer_numbers_issued as issued from petitions order by id").all();
    },
    tally() {
      const rows = Object.fromEntries(
        copiedTables.map((table) => [table.name, db.prepare<[], number>(`select count(*) from ${quoted(table.name)}`).pluck().get() ?? 0]),
      );
      const campaigns = db
        .prepare<[], CampaignTally>(
          `select p.slug, p.signature_count as kept, p.pending_count as keptPending, p.signer_numbers_issued as signerNumbersIssued,
             (select count(*) from signatures s where s.petition_id = p.id and s.status = 'confirmed') as counted,
             (select count(*) from signatures s where s.petition_id = p.id and s.status = 'pending') as countedPending
           from petitions p order by p.id`,
        )
        .all();
      return { rows, campaigns };
    },
    close: () => db.close(),
  };
}

/** Opens a Countersign SQLite file read-only, or says why it cannot be copied. */
export function openSqliteSource(file: string): Opened {
  const where = path.resolve(file);
  if (!statSync(where, { throwIfNoEntry: false })?.isFile()) {
    return { kind: "refused", reason: `There is no SQLite file at ${where}. Check the path (the one in DATABASE_URL after file:).` };
  }
  const db = new Database(where, { readonly: true, fileMustExist: true });
  try {
    // One read transaction until close: every table, and the tally after the copy, are read as
    // they stood at one moment, even should the app still be writing to the file.
    db.exec("begin");
    const problem = schemaProblem(db, where);
    if (!problem) return { kind: "opened", source: sourceOf(db) };
    db.close();
    return { kind: "refused", reason: problem };
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && error.code === "SQLITE_NOTADB") {
      return { kind: "refused", reason: `${where} is not an SQLite database, so not a Countersign one.` };
    }
    throw new Error(`Could not read ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
