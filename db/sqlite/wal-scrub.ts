import type { SqliteConnection } from "./connection";

export type WalScrubOptions = { retryMs: number; deadlineMs: number };

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * After an erasure or a withdrawal the deleted rows' old versions stay in the write-ahead log until
 * it is checkpointed and truncated, which cannot happen while a reader (an export, a backup) holds
 * an older snapshot. A TRUNCATE checkpoint that waits for that reader blocks every writer while it
 * waits, so signing would stall. Instead this tries on a connection of its own that never waits,
 * off the request path, again every few seconds, and says in the audit log when the deadline
 * passes with the data still there.
 */
export class WalScrubber {
  private since?: number;
  private timer?: NodeJS.Timeout;
  private reported = false;

  constructor(
    private readonly connection: () => SqliteConnection,
    private readonly options: WalScrubOptions,
    private readonly report: (waitedMs: number) => void,
  ) {}

  /** Asks for the WAL to be emptied soon; one attempt covers every erasure committed before it. */
  request(now = Date.now()): void {
    this.since ??= now;
    this.timer ??= setTimeout(() => this.attempt(), 0);
    this.timer.unref();
  }

  /** Stops trying; an erasure still waiting is scrubbed when the writer closes and checkpoints. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.since = undefined;
  }

  /** Whether an erasure still waits for its scrub. */
  get waiting(): boolean {
    return this.since !== undefined;
  }

  private attempt(): void {
    this.timer = undefined;
    const since = this.since;
    if (since === undefined) return;
    const [result] = this.connection().pragma("wal_checkpoint(TRUNCATE)") as CheckpointResult[];
    if (result?.busy === 0) {
      this.since = undefined;
      this.reported = false;
      return;
    }
    const waited = Date.now() - since;
    if (waited >= this.options.deadlineMs && !this.reported) {
      this.reported = true;
      this.report(waited);
    }
    this.timer = setTimeout(() => this.attempt(), this.options.retryMs);
    this.timer.unref();
  }
}
