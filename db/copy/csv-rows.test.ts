import { describe, expect, it } from "vitest";
import { csvChunks, csvLine } from "./csv-rows";
import type { CopiedTable } from "./tables";

const table: CopiedTable = {
  name: "signatures",
  columns: [
    { name: "id", kind: "as-is" },
    { name: "full_name", kind: "as-is" },
    { name: "comment", kind: "as-is" },
    { name: "show_name", kind: "boolean" },
    { name: "signed_at", kind: "timestamp" },
  ],
  identity: "id",
};

describe("rows as PostgreSQL's CSV", () => {
  it("quote every text, so tabs, newlines, quotes, backslashes and Arabic arrive as they were", () => {
    const comment = 'one\ttwo\nthree "four" \\five\\ \\.';
    expect(csvLine(table)([7, "محمد الأحمد", comment, 1, 1_714_000_000_123])).toBe(
      `7,"محمد الأحمد","one\ttwo\nthree ""four"" \\five\\ \\.",t,2024-04-24T23:06:40.123Z\n`,
    );
  });

  it("keep an empty text apart from NULL, and a NULL flag or time as NULL", () => {
    expect(csvLine(table)([8, "Zoë", "", 0, 0])).toBe(`8,"Zoë","",f,1970-01-01T00:00:00.000Z\n`);
    expect(csvLine(table)([9, "Zoë", null, null, null])).toBe(`9,"Zoë",,,\n`);
  });

  it("refuse a value that does not fit its column, saying where it is", () => {
    expect(() => csvLine(table)([10, "Zoë", null, 2, 0])).toThrow("signatures.show_name holds 2 in the row with id 10, where 0 or 1 belongs");
    expect(() => csvLine(table)([11, "Zoë", null, 1, "yesterday"])).toThrow("signatures.signed_at holds yesterday in the row with id 11");
    expect(() => csvLine(table)([12, Buffer.from("x"), null, 1, 0])).toThrow("signatures.full_name holds");
  });

  it("come in pieces of about 64 KB that end at a row's end and add up to every row", () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [i, `Signer ${i}`, "a comment\nover two lines", i % 2, i]);
    const chunks = [...csvChunks(table, rows)];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.endsWith("\n")).toBe(true);
      expect(chunk.length).toBeLessThan(65_536 + 200);
    }
    expect(chunks.join("")).toBe(rows.map(csvLine(table)).join(""));
  });
});
