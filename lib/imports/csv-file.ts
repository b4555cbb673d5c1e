import { CsvError, parse } from "csv-parse/sync";

/** The largest file taken, in bytes and in rows: said on the upload page, and checked here. */
export const importLimits = { bytes: 20 * 1024 * 1024, rows: 200_000 } as const;

/** A file's header and its records, each with its row number as a spreadsheet shows it. */
export type CsvTable = { header: string[]; rows: { row: number; cells: string[] }[] };

export type CsvReading = { kind: "read"; table: CsvTable } | { kind: "refused"; reason: string };

const refused = (reason: string): CsvReading => ({ kind: "refused", reason });

/** The file's bytes as text, or why they are not a CSV we can read. */
export function decodeCsvFile(bytes: Uint8Array): { kind: "text"; text: string } | { kind: "refused"; reason: string } {
  if (bytes.byteLength > importLimits.bytes) {
    return { kind: "refused", reason: `The file is larger than ${importLimits.bytes / 1024 / 1024} MB. Split it into smaller files and import each.` };
  }
  if (bytes.byteLength === 0) return { kind: "refused", reason: "The file is empty. Choose the CSV file with the signatures." };
  // A NUL byte never occurs in text: this is a spreadsheet, an archive or an image, not a CSV.
  if (bytes.includes(0)) return { kind: "refused", reason: "This is not a CSV file. Save the sheet as CSV (UTF-8) and upload that." };
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { kind: "refused", reason: "The file is not in UTF-8, so names would come out wrong. Save it as CSV (UTF-8) and upload that." };
  }
}

/** The delimiter the header line uses most: a comma, a semicolon (spreadsheets in much of Europe) or a tab. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  return counts.reduce((best, next) => (next.n > best.n ? next : best)).d;
}

/**
 * Reads a CSV's text: a byte order mark, quoted fields (line breaks and delimiters in them), CRLF
 * or LF, a comma, semicolon or tab between fields. Rows are numbered as a spreadsheet numbers
 * them (the header is row 1); blank rows are skipped, and a short row is kept, its missing cells
 * empty, for the report to judge.
 */
export function readCsv(text: string): CsvReading {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      to: importLimits.rows * 2,
    });
  } catch (error) {
    if (error instanceof CsvError) return refused(`The file could not be read as CSV (${error.message}). Check its quotes, or save it from the spreadsheet again as CSV.`);
    throw error;
  }
  const [first, ...rest] = records;
  if (!first) return refused("The file has no rows. Choose the CSV file with the signatures.");
  const rows = rest.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (rows.length === 0) return refused("The file has a header row but no signatures under it.");
  if (rows.length > importLimits.rows) {
    return refused(`The file has more than ${importLimits.rows.toLocaleString("en")} signatures. Split it into smaller files and import each.`);
  }
  const header = first.map((name) => name.trim());
  if (header.length < 2) return refused("The file has only one column. Is it a CSV with its columns separated by commas or semicolons?");
  return { kind: "read", table: { header, rows } };
}
