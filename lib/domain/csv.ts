/** Excel reads a CSV as UTF-8 (Arabic names included) only when it starts with a byte order mark. */
export const utf8Bom = "\uFEFF";

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"),
// also when invisible format characters (U+200B and the like), spaces or quotes come first, and some
// read the full-width ＝ ＋ － ＠ as the ASCII ones.
const formula = String.raw`[\p{Cf}\p{Z}\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]`;
const formulaStart = new RegExp(String.raw`^(?:[\t\r]|${formula})`, "u");
// A spreadsheet that splits on a semicolon or a tab (and ends a record at any line break, quoted or
// not) starts a cell after each of these inside ours: where a formula would follow, an apostrophe
// goes first, as at the start. The lookahead skips no break, so each is judged on its own (a tab
// or line break after a semicolon gets its own apostrophe) and a CRLF stays whole.
const breakBeforeFormula = new RegExp(String.raw`[;\t\r\n](?=[\p{Cf}\p{Z}\v\f"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])`, "gu");
// RFC 4180: a cell holding one of these is quoted.
const needsQuotes = /[",\r\n]/;
// One test for the common case, a cell that needs nothing done: exports run it millions of times.
const needsCare = new RegExp(String.raw`${formulaStart.source}|[",;\t\r\n]`, "u");

/** One cell: neutralised against formula injection for a reader splitting on , ; or tab, then quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  if (!needsCare.test(value)) return value;
  const inner = value.replace(breakBeforeFormula, "$&'");
  const safe = formulaStart.test(inner) ? `'${inner}` : inner;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record with its CRLF line ending. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
