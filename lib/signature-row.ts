import type { ExportedSignature } from "@/db/export-reader";
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
 * One signature as a CSV record. Written out by hand rather than through csvRow: an export runs
 * this millions of times, and only the free-text cells can need quoting or neutralising.
 */
export function signatureRow([, signedAtMs, fullName, email, country, comment, showName, wantsUpdates, status]: ExportedSignature): string {
  return `${new Date(signedAtMs).toISOString()},${csvCell(fullName)},${csvCell(email)},${countryColumns(country)},${
    comment === null ? "" : csvCell(comment)
  },${showName ? "yes" : "no"},${wantsUpdates ? "yes" : "no"},${status}\r\n`;
}
