// The log's entries: bundles of length-prefixed lines, each an `add` or a `remove`.
import { parseDecimal } from "./decimal";
import { accept, refuse, type Checked } from "./result";

export const hows = ["email", "open", "import"] as const;
export type How = (typeof hows)[number];
export const removeReasons = ["withdrawn", "erased", "invalidated", "undone"] as const;
export type RemoveReason = (typeof removeReasons)[number];

/** `add <unix-minute> <CC> <how> <commitment> <count>` */
export type AddEntry = { kind: "add"; minute: number; country: string; how: How; commitment: string; count: number };
/** `remove <unix-minute> <index of the add> <reason> <count>` */
export type RemoveEntry = { kind: "remove"; minute: number; target: number; reason: RemoveReason; count: number };
export type LogEntry = AddEntry | RemoveEntry;

const asciiDecoder = new TextDecoder();

// 9999-12-31T23:59Z: a later minute has no YYYY-MM-DD day to be counted under.
const lastMinute = Math.floor(253402300799 / 60);

/** Splits an entry bundle (big-endian uint16 length, then that many bytes, repeated) into views of its entries. */
export function splitBundle(bundle: Uint8Array): Checked<Uint8Array[]> {
  const entries: Uint8Array[] = [];
  for (let at = 0; at < bundle.length; ) {
    if (at + 2 > bundle.length) return refuse(`the bundle ends inside the length of entry ${entries.length} (byte ${at})`);
    const length = ((bundle[at] ?? 0) << 8) | (bundle[at + 1] ?? 0);
    if (at + 2 + length > bundle.length) return refuse(`entry ${entries.length} runs ${at + 2 + length - bundle.length} bytes past the end of the bundle`);
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return accept(entries);
}

/** An entry's bytes as text: printable ASCII only, so no newline, tab or other byte can hide in one. */
export function entryText(bytes: Uint8Array): Checked<string> {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x20 || byte > 0x7e) return refuse(`byte ${i} of the entry is 0x${byte.toString(16).padStart(2, "0")}, not printable ASCII`);
  }
  return accept(asciiDecoder.decode(bytes));
}

function parseMinute(field: string | undefined): Checked<number> {
  const minute = parseDecimal(field ?? "");
  if (minute === null) return refuse(`its minute "${field ?? ""}" is not a decimal number`);
  if (minute > lastMinute) return refuse(`its minute ${minute} is after the year 9999`);
  return accept(minute);
}

function parseCount(field: string | undefined): Checked<number> {
  const count = parseDecimal(field ?? "");
  return count === null ? refuse(`its count "${field ?? ""}" is not a decimal number`) : accept(count);
}

function parseAdd(fields: string[]): Checked<AddEntry> {
  if (fields.length !== 6) return refuse(`an add has 6 fields, this one ${fields.length}`);
  const [, minuteField, country = "", howField = "", commitment = "", countField] = fields;
  const minute = parseMinute(minuteField);
  if (!minute.ok) return minute;
  if (!/^[A-Z]{2}$/.test(country)) return refuse(`its country "${country}" is not two capital letters`);
  const how = hows.find((known) => known === howField);
  if (!how) return refuse(`its way of signing "${howField}" is not one of ${hows.join(", ")}`);
  if (!/^[0-9a-f]{64}$/.test(commitment)) return refuse(`its commitment "${commitment}" is not 64 lower-case hex digits`);
  const count = parseCount(countField);
  if (!count.ok) return count;
  return accept({ kind: "add", minute: minute.value, country, how, commitment, count: count.value });
}

function parseRemove(fields: string[]): Checked<RemoveEntry> {
  if (fields.length !== 5) return refuse(`a remove has 5 fields, this one ${fields.length}`);
  const [, minuteField, targetField = "", reasonField = "", countField] = fields;
  const minute = parseMinute(minuteField);
  if (!minute.ok) return minute;
  const target = parseDecimal(targetField);
  if (target === null) return refuse(`the index it removes "${targetField}" is not a decimal number`);
  const reason = removeReasons.find((known) => known === reasonField);
  if (!reason) return refuse(`its reason "${reasonField}" is not one of ${removeReasons.join(", ")}`);
  const count = parseCount(countField);
  if (!count.ok) return count;
  return accept({ kind: "remove", minute: minute.value, target, reason, count: count.value });
}

/** Parses one entry line; fields are separated by exactly one space. */
export function parseEntry(line: string): Checked<LogEntry> {
  const fields = line.split(" ");
  const parsed = fields[0] === "add" ? parseAdd(fields) : fields[0] === "remove" ? parseRemove(fields) : refuse<LogEntry>(`it is neither an add nor a remove`);
  return parsed.ok ? parsed : refuse(`"${line.length > 120 ? `${line.slice(0, 120)}…` : line}": ${parsed.error}`);
}

/** Writes an entry back as its line, the inverse of parseEntry. */
export function formatEntry(entry: LogEntry): string {
  return entry.kind === "add"
    ? `add ${entry.minute} ${entry.country} ${entry.how} ${entry.commitment} ${entry.count}`
    : `remove ${entry.minute} ${entry.target} ${entry.reason} ${entry.count}`;
}
