import { describe, expect, it } from "vitest";
import { decodeCsvFile, describeCsvProblem, guessDelimiter, importLimits, readCsv } from "./csv-file";

const bytes = (text: string) => new TextEncoder().encode(text);

async function table(text: string) {
  const read = await readCsv(text);
  if (read.kind !== "read") throw new Error(`expected a table, got: ${read.problem}`);
  return read.table;
}

describe("reading an uploaded CSV", () => {
  it("reads a spreadsheet's export: BOM, CRLF, quoted commas, quotes and line breaks", async () => {
    const t = await table('\uFEFFName,Email,Country\r\n"Haddad, Layla",layla@example.org,LB\r\n"Sami ""the baker""",sami@example.org,SY\r\n"Two\r\nlines",two@example.org,FR\r\n');
    expect(t.header).toEqual(["Name", "Email", "Country"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["Haddad, Layla", "layla@example.org", "LB"],
      ['Sami "the baker"', "sami@example.org", "SY"],
      ["Two\r\nlines", "two@example.org", "FR"],
    ]);
    // Numbered as a spreadsheet shows them: a cell's line break does not make a new row.
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it("reads semicolons and tabs as the header line uses them, keeping commas inside cells", async () => {
    expect(guessDelimiter("name;email;country")).toBe(";");
    expect(guessDelimiter("name\temail")).toBe("\t");
    expect(guessDelimiter('"a;b",c,d')).toBe(",");
    expect((await table("Nom;Courriel;Pays\nDupont, Marie;marie@example.fr;France\n")).rows[0]!.cells).toEqual(["Dupont, Marie", "marie@example.fr", "France"]);
  });

  it("skips blank rows, counting them as a spreadsheet does, and keeps a short row for the report to judge", async () => {
    const t = await table("name,email,country\n\n,,\nAna,ana@example.org\n");
    expect(t.rows).toEqual([{ row: 4, cells: ["Ana", "ana@example.org"] }]);
  });

  it("refuses clearly what is not a CSV, is empty, is too large or too long", async () => {
    const refusal = async (input: Uint8Array) => {
      const decoded = decodeCsvFile(input);
      const read = decoded.kind === "text" ? await readCsv(decoded.text) : decoded;
      return read.kind === "refused" ? describeCsvProblem(read.problem, read.row) : "read";
    };
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatch(/not a CSV file/);
    expect(await refusal(new Uint8Array([0x4e, 0x61, 0x6d, 0xe9, 0x2c, 0x61]))).toMatch(/not in UTF-8/);
    expect(await refusal(new Uint8Array())).toMatch(/empty/);
    expect(await refusal(new Uint8Array(importLimits.bytes + 1).fill(0x61))).toMatch(/larger than 20 MB/);
    expect(await refusal(bytes("name,email,country\n"))).toMatch(/no signatures under it/);
    expect(await refusal(bytes("just one column\nhello\n"))).toMatch(/only one column/);
    expect(await refusal(bytes('name,email\n"unclosed,x\n'))).toMatch(/^The file could not be read as CSV: .* \(Row 2\.\)$/);
    const tooLong = `name,email\n${"a,b@example.org\n".repeat(importLimits.rows + 1)}`;
    expect(await refusal(bytes(tooLong))).toMatch(/more than 200,000 signatures/);
    expect(await refusal(bytes(`name,email\n${"a,b@example.org\n".repeat(importLimits.rows)}`))).toBe("read");
  });

  it("refuses a file whose empty formatted rows run past the line limit, rather than keep only its first part", async () => {
    // A sheet exported with hundreds of thousands of formatted but empty rows between its signatures.
    const real = (from: number) => Array.from({ length: 100 }, (_, i) => `Signer ${from + i},signer-${from + i}@example.org\n`).join("");
    const padded = `name,email\n${real(0)}${",\n".repeat(importLimits.rows * 2)}${real(100)}`;
    const read = await readCsv(padded);
    expect(read).toEqual({ kind: "refused", problem: "too-many-lines" });
    expect(read.kind === "refused" && describeCsvProblem(read.problem)).toMatch(/more than 400,000 lines, counting empty ones/);
  });
});
