import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

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
