/** A decimal with no sign and no leading zero, as tree sizes, minutes, indexes and counts are written. */
export function parseDecimal(text: string): number | null {
  if (!/^(?:0|[1-9][0-9]*)$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
