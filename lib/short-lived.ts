import { processWide } from "./process-wide";

/**
 * Remembers what `load` returned for a key for `ttlMs`, and shares one load among callers who
 * ask while it runs. For what may be a second out of date without harm, read on every signature:
 * at thousands of signatures a second, each read saved is a round trip to the database saved.
 * `forget` drops what is remembered, for a change made in this process to apply here at once.
 * One per `name` in the process (lib/process-wide.ts), so both copies of the app forget together.
 */
export function shortLived<K, V>(name: string, ttlMs: number, load: (key: K) => Promise<V>) {
  return processWide(`short-lived:${name}`, () => remembered(ttlMs, load))();
}

function remembered<K, V>(ttlMs: number, load: (key: K) => Promise<V>) {
  const kept = new Map<K, { value: Promise<V>; until: number }>();
  return {
    get(key: K): Promise<V> {
      const now = Date.now();
      const hit = kept.get(key);
      if (hit && hit.until > now) return hit.value;
      // A key space a stranger can grow (slugs) stays small: expired entries go when it fills.
      if (kept.size >= 1_000) for (const [k, entry] of kept) if (entry.until <= now) kept.delete(k);
      const value = load(key);
      kept.set(key, { value, until: now + ttlMs });
      value.catch(() => kept.delete(key));
      return value;
    },
    forget(): void {
      kept.clear();
    },
  };
}
