// The bare baseline: node:http, the same JSON parsing and zod schema as the app, one row inserted
// with better-sqlite3. Everything Countersign adds is measured against this.
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { signatureInput } from "@/lib/signature-input";

const db = new Database(process.env.BASELINE_DB ?? "/tmp/countersign-baseline-bare.db");
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${process.env.BASELINE_SYNCHRONOUS ?? "FULL"}`);
db.exec("create table if not exists signatures (id integer primary key, full_name text, email text unique, country text, signed_at integer)");
const insert = db.prepare("insert into signatures (full_name, email, country, signed_at) values (?, ?, ?, ?)");

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const parsed = signatureInput.safeParse(body);
    if (!parsed.success) {
      res.writeHead(400, { "content-type": "application/json" }).end('{"error":"invalid"}');
      return;
    }
    insert.run(parsed.data.fullName, parsed.data.email, parsed.data.country, Date.now());
    res.writeHead(201, { "content-type": "application/json" }).end('{"status":"signed"}');
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
