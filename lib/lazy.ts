/**
 * A value made on first use and kept in this module. A creation that throws is not kept, so the
 * next call tries again.
 *
 * Kept per module copy on purpose: the custom server (run by tsx) and Next.js's server bundle each
 * load their own copy of lib/ and db/, so a process may hold two of anything made here (two
 * connection pools, two live hubs). That is harmless by design: nothing that must be one truth is
 * kept in memory, and the two copies hear of each other's changes through the database, exactly
 * as separate processes do.
 */
export function lazy<T>(create: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: create() }).value;
}
