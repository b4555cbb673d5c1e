/**
 * SQLite has no way to tell other processes (or this process's other copy of the app) that a
 * count moved, so nothing calls these listeners: the live hub's poll of each campaign's revision,
 * twice a second, finds every change instead.
 */
export function onPublicChange(_listener: (slug?: string) => void): void {}

/** SQLite's background work (the WAL scrub) starts when an erasure asks for it. */
export function startBackgroundWork(): void {}
