import type { TimeUnit } from "@/lib/domain/ports/charts";

/** The words and numbers of the charts, in the organiser's locale; times always in UTC. */
export function chartFormat(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat("en", { type: "conjunction" });
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const clock = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
  const hour = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    number: (n: number) => number.format(n),
    /** "1 signature", "2,345 signatures". */
    count: (n: number, one = "signature", many = `${one}s`) => `${number.format(n)} ${n === 1 ? one : many}`,
    list: (items: string[]) => list.format(items),
    /** A bucket's start as its row in a table names it. */
    bucket: (at: Date, unit: TimeUnit) => (unit === "hour" ? hour : date).format(at),
    /** A label on the time axis: the date at midnight (and for days), the time of day otherwise. */
    tick: (at: Date, unit: TimeUnit) => (unit === "day" || at.getUTCHours() === 0 ? day : clock).format(at),
  };
}

export type ChartFormat = ReturnType<typeof chartFormat>;
