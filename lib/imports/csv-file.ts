import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvError, parse } from "csv-parse";

/** The largest file taken, in bytes and in rows: said on the upload page, and checked here. */
export const importLimits = { bytes: 20 * 1024 * 1024, rows: 200_000 } as const;

/** A file's header and its records, each with its row number as a spreadsheet shows it. */
export type CsvTable = { header: string[]; rows: { row: number; cells: string[] }[] };

/** Why a file is refused, as a code: the upload answers with a redirect that names it. */
const problems = {
  "no-file": "Choose the CSV file with the signatures.",
  "cut-short": "The file did not arrive whole. Try again; if it keeps failing, split it into smaller files.",
  "too-large": `The file is larger than ${importLimits.bytes / 1024 / 1024} MB. Split it into smaller files and import each.`,
  "too-many-rows": `The file has more than ${importLimits.rows.toLocaleString("en")} signatures. Split it into smaller files and import each.`,
  "too-many-lines": `The file has more than ${(importLimits.rows * 2).toLocaleString("en")} lines, counting empty ones. Delete the empty rows (often at the end of the sheet) or split it into smaller files, and import each.`,
  empty: "The file is empty. Choose the CSV file with the signatures.",
  "not-csv": "This is not a CSV file. Save the sheet as CSV (UTF-8) and upload that.",
  "not-utf8": "The file is not in UTF-8, so names would come out wrong. Save it as CSV (UTF-8) and upload that.",
  unreadable: "The file could not be read as CSV: a quote is not closed, or is in the wrong place. Check the row named, or save the sheet again as CSV.",
  "no-rows": "The file has a header row but no signatures under it.",
  "one-column": "The file has only one column. Is it a CSV with its columns separated by commas or semicolons?",
} as const;
export type CsvProblem = keyof typeof problems;

export const isCsvProblem = (value: unknown): value is CsvProblem => typeof value === "string" && Object.hasOwn(problems, value);

/** A refusal in words for the organiser, with the row where reading stopped when known. */
export const describeCsvProblem = (problem: CsvProblem, row?: number) => (row ? `${problems[problem]} (Row ${row}.)` : problems[problem]);

export type CsvRefusal = { kind: "refused"; problem: CsvProblem; row?: number };
export type CsvReading = { kind: "read"; table: CsvTable } | CsvRefusal;

const refused = (problem: CsvProblem, row?: number): CsvRefusal => ({ kind: "refused", problem, ...(row ? { row } : {}) });

/** The file's bytes as text, or why they are not a CSV we can read. */
export function decodeCsvFile(bytes: Uint8Array): { kind: "text"; text: string } | CsvRefusal {
  if (bytes.byteLength > importLimits.bytes) return refused("too-large");
  if (bytes.byteLength === 0) return refused("empty");
  // A NUL byte never occurs in text: this is a spreadsheet, an archive or an image, not a CSV.
  if (bytes.includes(0)) return refused("not-csv");
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return refused("not-utf8");
  }
}

/** The delimiter the header line uses most: a comma, a semicolon (spreadsheets in much of Europe) or a tab. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  return counts.reduce((best, next) => (next.n > best.n ? next : best)).d;
}

// The text goes to the parser a slice at a time, and the records come back a thousand between
// turns of the event loop: a 20 MB file never keeps this process from its other requests.
const sliceChars = 64 * 1024;
const recordsPerTurn = 1_000;

function* slices(text: string) {
  for (let at = 0; at < text.length; at += sliceChars) yield text.slice(at, at + sliceChars);
}

/**
 * Reads a CSV's text: a byte order mark, quoted fields (line breaks and delimiters in them), CRLF
 * or LF, a comma, semicolon or tab between fields. Rows are numbered as a spreadsheet numbers
 * them (the header is row 1); blank rows are skipped, and a short row is kept, its missing cells
 * empty, for the report to judge.
 */
export async function readCsv(text: string): Promise<CsvReading> {
  const records: string[][] = [];
  const parser = Readable.from(slices(text)).pipe(
    parse({ bom: true, delimiter: guessDelimiter(text.replace(/^\uFEFF/, "")), relax_column_count: true }),
  );
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      records.push(record);
      // Past the limit, with blank rows allowed for, the file is refused whole: the rows not yet
      // read may be real signatures, and taking only the first part would drop them unseen.
      if (records.length > importLimits.rows * 2) return refused("too-many-lines");
      if (records.length % recordsPerTurn === 0) await nextTurn();
    }
  } catch (error) {
    if (error instanceof CsvError) return refused("unreadable", typeof error.lines === "number" ? error.lines : undefined);
    throw error;
  }
  const [first, ...rest] = records;
  if (!first) return refused("empty");
  const rows = rest.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (rows.length === 0) return refused("no-rows");
  if (rows.length > importLimits.rows) return refused("too-many-rows");
  const header = first.map((name) => name.trim());
  if (header.length < 2) return refused("one-column");
  return { kind: "read", table: { header, rows } };
}
