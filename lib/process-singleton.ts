/**
 * One instance per process, even when the same module is loaded twice: the custom server (run by
 * tsx) and Next.js's server bundle each get their own copy of lib/, but must share one database
 * connection and one live hub.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const registry = globalThis as typeof globalThis & { [registryKey]?: Map<string, unknown> };
  const instances = (registry[registryKey] ??= new Map<string, unknown>());
  if (!instances.has(key)) instances.set(key, create());
  return instances.get(key) as T;
}

export function processSingletonExists(key: string): boolean {
  return ((globalThis as typeof globalThis & { [registryKey]?: Map<string, unknown> })[registryKey] ?? new Map()).has(key);
}

const registryKey = Symbol.for("countersign.process-singletons");
