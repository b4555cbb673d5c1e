/**
 * One instance per process, even when the same module is loaded twice: the custom server (run by
 * tsx) and Next.js's server bundle each get their own copy of lib/, but must share one database
 * connection and one live hub.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const instances = registry();
  if (!instances.has(key)) instances.set(key, create());
  return instances.get(key) as T;
}

export function processSingletonExists(key: string): boolean {
  return registry().has(key);
}

const registryKey = Symbol.for("countersign.process-singletons");

function registry(): Map<string, unknown> {
  const global = globalThis as typeof globalThis & { [registryKey]?: Map<string, unknown> };
  return (global[registryKey] ??= new Map<string, unknown>());
}
