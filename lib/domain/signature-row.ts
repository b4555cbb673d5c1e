import { countryName } from "./countries";
import { csvCell } from "./csv";

// The country columns as finished CSV, made once per code: some names hold commas.
const countryCells = new Map<string, string>();
const countryColumns = (code: string) => {
  let cells = countryCells.get(code);
  if (cells === undefined) countryCells.set(code, (cells = `${csvCell(countryName(code, "en"))},${csvCell(code)}`));
  return cells;
};

/**
 * One exported signature as a database reads it, without mapping to an object: an export of
 * millions of rows spends its time here. Flags may come as booleans or as SQLite's 0 and 1.
 */
export type ExportedSignature = readonly [
  id: number,
  signedAtMs: number,
  fullName: string,
  email: string,
  country: string,
  comment: string | null,
  showName: boolean | number,
  wantsUpdates: boolean | number,
  status: string,
];

/**
 * One signature as a CSV record. Written out by hand rather than through csvRow: an export runs
 * this millions of times, and only the free-text cells can need quoting or neutralising.
 */
export function signatureRow([, signedAtMs, fullName, email, country, comment, showName, wantsUpdates, status]: ExportedSignature): string {
  return `${new Date(signedAtMs).toISOString()},${csvCell(fullName)},${csvCell(email)},${countryColumns(country)},${
    comment === null ? "" : csvCell(comment)
  },${showName ? "yes" : "no"},${wantsUpdates ? "yes" : "no"},${status}\r\n`;
}
