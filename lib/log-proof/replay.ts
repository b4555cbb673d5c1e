// Walks a log's entries in order, checking what each claims against those before it, and keeps
// the tally that stats.json publishes: the adds still standing, by way of signing, country and day.
import { hows, type How, type LogEntry } from "./entries";

export type Tally = {
  count: number;
  byHow: Record<How, number>;
  byCountry: Record<string, number>;
  /** Keyed by the UTC day ("YYYY-MM-DD") of the add's minute. */
  byDay: Record<string, number>;
};

const removeEntry = 0;
const standingAdd = 1;
const removedAdd = 2;
const minutesPerDay = 24 * 60;

const countryNumber = (code: string) => (code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65);
const countryCode = (n: number) => String.fromCharCode(65 + Math.floor(n / 26), 65 + (n % 26));
const dayName = (day: number) => new Date(day * minutesPerDay * 60_000).toISOString().slice(0, 10);

function grown<T extends Uint8Array | Uint16Array | Int32Array>(array: T, length: number, make: (length: number) => T): T {
  if (length <= array.length) return array;
  const bigger = make(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

function bump(map: Map<number, number>, key: number, by: number): void {
  const value = (map.get(key) ?? 0) + by;
  if (value === 0) map.delete(key);
  else map.set(key, value);
}

/** One pass over a log. Per entry it keeps a few bytes (kind, way, country, day), never the line. */
export class Replay {
  size = 0;
  adds = 0;
  removes = 0;
  /** Adds not yet removed: what the last entry's count must say. */
  count = 0;
  private kind: Uint8Array;
  private how: Uint8Array;
  private country: Uint16Array;
  private day: Int32Array;
  private readonly byHow = hows.map(() => 0);
  private readonly byCountry = new Map<number, number>();
  private readonly byDay = new Map<number, number>();

  constructor(expectedEntries = 1024) {
    const capacity = Math.max(1, expectedEntries);
    this.kind = new Uint8Array(capacity);
    this.how = new Uint8Array(capacity);
    this.country = new Uint16Array(capacity);
    this.day = new Int32Array(capacity);
  }

  /** Takes the next entry (index `size`); gives back what is wrong with it, or null. A wrong entry is not taken. */
  apply(entry: LogEntry): string | null {
    const index = this.size;
    if (entry.kind === "add") {
      if (entry.count !== this.count + 1) return `entry ${index} (an add) says the count is ${entry.count}, but it makes ${this.count + 1}`;
      this.ensureRoom(index + 1);
      this.kind[index] = standingAdd;
      this.how[index] = hows.indexOf(entry.how);
      this.country[index] = countryNumber(entry.country);
      this.day[index] = Math.floor(entry.minute / minutesPerDay);
      this.tallyAdd(index, 1);
      this.adds++;
    } else {
      const { target } = entry;
      if (target >= index) return `entry ${index} removes entry ${target}, which is not before it`;
      if (this.kind[target] === removeEntry) return `entry ${index} removes entry ${target}, which is a remove, not an add`;
      if (this.kind[target] === removedAdd) return `entry ${index} removes entry ${target}, which an earlier remove already removed`;
      if (entry.count !== this.count - 1) return `entry ${index} (a remove) says the count is ${entry.count}, but it makes ${this.count - 1}`;
      this.ensureRoom(index + 1);
      this.kind[index] = removeEntry;
      this.kind[target] = removedAdd;
      this.tallyAdd(target, -1);
      this.removes++;
    }
    this.count = entry.count;
    this.size++;
    return null;
  }

  /** The standing adds after the entries taken so far, grouped as stats.json groups them (no zero groups). */
  tally(): Tally {
    const byHow: Record<How, number> = { email: 0, open: 0, import: 0 };
    hows.forEach((how, i) => (byHow[how] = this.byHow[i] ?? 0));
    const byCountry = Object.fromEntries([...this.byCountry].sort(([a], [b]) => a - b).map(([code, n]) => [countryCode(code), n]));
    const byDay = Object.fromEntries([...this.byDay].sort(([a], [b]) => a - b).map(([day, n]) => [dayName(day), n]));
    return { count: this.count, byHow, byCountry, byDay };
  }

  private tallyAdd(index: number, by: number): void {
    const how = this.how[index] ?? 0;
    this.byHow[how] = (this.byHow[how] ?? 0) + by;
    bump(this.byCountry, this.country[index] ?? 0, by);
    bump(this.byDay, this.day[index] ?? 0, by);
  }

  private ensureRoom(length: number): void {
    this.kind = grown(this.kind, length, (n) => new Uint8Array(n));
    this.how = grown(this.how, length, (n) => new Uint8Array(n));
    this.country = grown(this.country, length, (n) => new Uint16Array(n));
    this.day = grown(this.day, length, (n) => new Int32Array(n));
  }
}
