import { parse, type Options } from "csv-parse/sync";

// How a spreadsheet reads an export of ours when it splits on another separator than ours: a semicolon (common
// in Europe) or a tab, with quotes honoured at a cell's start or not at all, and a line break anywhere
// ending the record. What it must never meet is a cell that starts a formula.
export const readers = [
  { delimiter: ",", quote: true },
  { delimiter: ";", quote: true },
  { delimiter: ";", quote: false },
  { delimiter: "\t", quote: true },
  { delimiter: "\t", quote: false },
] as const;

/** Every cell the reader finds in the text, records one after another. */
export function cellsReadBy(reader: (typeof readers)[number], text: string): string[] {
  const options: Options = {
    bom: true,
    delimiter: reader.delimiter,
    quote: reader.quote ? '"' : false,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
  };
  try {
    return (parse(text, options) as string[][]).flat();
  } catch (error) {
    // A quote opened by one of ours that the reader never sees closed: a spreadsheet takes the rest of the file into that cell.
    if ((error as { code?: string }).code !== "CSV_QUOTE_NOT_CLOSED") throw error;
    return (parse(`${text}"`, options) as string[][]).flat();
  }
}

// A cell a spreadsheet runs: a formula character first, behind any white space (tabs and line breaks
// too), invisible characters or quotes.
export const runsAsFormula = (cell: string) => /^[\p{Cf}\p{Z}\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(cell);

