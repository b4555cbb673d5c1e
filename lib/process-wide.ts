// The custom server and Next.js's server bundle each load lib/, so a module variable exists once
// per copy. What must exist once per process (the database's connections and group commit, the
// live hub, the mail worker, caches an organiser's change clears) is kept here instead, on the
// process's global object, so both copies share one.

const registryKey = Symbol.for("countersign.process-wide");
type Holder = { [registryKey]?: Map<string, unknown> };

const registry = ((globalThis as Holder)[registryKey] ??= new Map<string, unknown>());

/**
 * The one `name` of this process, made by `create` on first use by either copy of the app. A
 * creation that throws is not kept, so the next call tries again.
 */
export function processWide<T>(name: string, create: () => T): () => T {
  return () => {
    if (!registry.has(name)) registry.set(name, create());
    // Only this function writes under `name`, always with what `create` made for it.
    return registry.get(name) as T;
  };
}
