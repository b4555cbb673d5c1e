import type { ColumnKind, CopiedTable } from "./tables";

// Every text is quoted, so an empty string stays apart from NULL (an empty field unquoted) and `\.` cannot end the data;
// inside quotes, tabs, newlines and backslashes are plain characters, and only the quote itself is doubled.
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

function field(value: unknown, kind: ColumnKind): string | undefined {
  if (value === null) return "";
  if (kind === "timestamp") {
    const time = typeof value === "number" ? new Date(value) : undefined;
    return time && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined;
  }
  if (kind === "boolean") return value === 1 ? "t" : value === 0 ? "f" : undefined;
  // bytea's hex input form.
  if (kind === "bytes") return value instanceof Uint8Array ? `"\\x${Buffer.from(value).toString("hex")}"` : undefined;
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return undefined;
}

const expected: Record<ColumnKind, string> = {
  timestamp: "a time in epoch milliseconds",
  boolean: "0 or 1",
  bytes: "bytes",
  "as-is": "a number or text",
};

/** Turns a row of SQLite values, in the table's column order, into a line of PostgreSQL's CSV. */
export function csvLine(table: CopiedTable): (row: unknown[]) => string {
  return (row) =>
    table.columns
      .map(({ name, kind }, i) => {
        const text = field(row[i], kind);
        if (text === undefined) {
          const key = `${table.columns[0]!.name} ${String(row[0])}`;
          throw new Error(`${table.name}.${name} holds ${String(row[i])} in the row with ${key}, where ${expected[kind]} belongs`);
        }
        return text;
      })
      .join(",") + "\n";
}

/** The rows as CSV text in pieces of about 64 KB: one write to the connection per piece, not per row. */
export function* csvChunks(table: CopiedTable, rows: Iterable<unknown[]>): Generator<string> {
  const line = csvLine(table);
  let chunk = "";
  for (const row of rows) {
    chunk += line(row);
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
