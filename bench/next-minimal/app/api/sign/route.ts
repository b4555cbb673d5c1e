// The minimal Next.js baseline: one route handler that parses the same JSON, validates it with the
// app's own zod schema and inserts one row, with nothing else of the app around it.
import Database from "better-sqlite3";
import { signatureInput } from "../../../../../lib/signature-input";

const db = new Database(process.env.BASELINE_DB ?? "/tmp/countersign-baseline-next.db");
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${process.env.BASELINE_SYNCHRONOUS ?? "FULL"}`);
db.exec("create table if not exists signatures (id integer primary key, full_name text, email text unique, country text, signed_at integer)");
const insert = db.prepare("insert into signatures (full_name, email, country, signed_at) values (?, ?, ?, ?)");

export async function POST(request: Request) {
  const parsed = signatureInput.safeParse(await request.json());
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  insert.run(parsed.data.fullName, parsed.data.email, parsed.data.country, Date.now());
  return Response.json({ status: "signed" }, { status: 201 });
}

export function GET() {
  return Response.json({ ok: true });
}
