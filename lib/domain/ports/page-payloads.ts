/**
 * React's payload for a micro-cached page, kept apart from the page's HTML (server/page-cache.ts) under the hash of what it
 * holds, so that whichever process a browser's request for it reaches can answer for a page another process rendered.
 */
export type PagePayloadStore = {
  /** Keeps `body` under `hash` (kept already: nothing changes), and forgets every payload stored before `forgetBefore`. */
  keep(hash: string, body: Buffer, now: Date, forgetBefore: Date): Promise<void>;
  /** The payload kept under `hash`, or undefined once forgotten (or never kept). */
  find(hash: string): Promise<Buffer | undefined>;
};
