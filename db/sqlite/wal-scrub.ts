import type { SqliteConnection } from "./connection";

export type WalScrubOptions = { retryMs: number; deadlineMs: number };

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/** Deleted rows stay in the WAL until a TRUNCATE checkpoint, and one that waits for a reader's older snapshot (an export, a
 * backup) stalls every writer: so this retries off the request path, never waiting, and tells the audit log past a deadline. */
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
