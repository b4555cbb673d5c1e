// The baselines' one table and insert, opened once per process like the app's own database.
import Database from "better-sqlite3";
import type { SignatureInput } from "../../../lib/signature-input";

const db = new Database(process.env.BASELINE_DB ?? "/tmp/countersign-baseline-next.db");
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${process.env.BASELINE_SYNCHRONOUS ?? "FULL"}`);
db.exec("create table if not exists signatures (id integer primary key, full_name text, email text unique, country text, signed_at integer)");
const insert = db.prepare("insert into signatures (full_name, email, country, signed_at) values (?, ?, ?, ?)");

export function insertSignature(input: SignatureInput): void {
  insert.run(input.fullName, input.email, input.country, Date.now());
}
