/** Excel reads a CSV as UTF-8 (Arabic names included) only when it starts with a byte order mark. */
export const utf8Bom = "\uFEFF";

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"),
// also when invisible format characters (U+200B and the like) or spaces come first, and some
// read the full-width ＝ ＋ － ＠ as the ASCII ones.
const formulaStart = /^(?:[\t\r]|[\p{Cf}\p{Z}\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;
// RFC 4180: a cell holding one of these is quoted.
const needsQuotes = /[",\r\n]/;
// One test for the common case, a cell that needs nothing done: exports run it millions of times.
const needsCare = new RegExp(`${formulaStart.source}|${needsQuotes.source}`, "u");

/** One cell: neutralised against formula injection, then quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  if (!needsCare.test(value)) return value;
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record with its CRLF line ending. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
