import { lazy } from "@/lib/lazy";
import { databaseFile, openConnection, type SqliteConnection } from "./client";
import { recordAuditEvent } from "./moderation-store";

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

function recordIncompleteScrub(waitedMs: number): void {
  void recordAuditEvent({
    actor: "Countersign",
    action: "wal-scrub",
    campaignSlug: null,
    detail: `erased data is still in the write-ahead log after ${Math.round(waitedMs / 1000)} s: a reader holds an older snapshot; retrying`,
    rowCount: 0,
    createdAt: new Date(),
  });
}

/** The process's scrubber, on a connection that never waits for a lock. */
export const walScrubber = lazy(() => {
  const connection = lazy(() => openConnection(databaseFile(), { busyTimeoutMs: 0 }));
  return new WalScrubber(connection, { retryMs: 2_000, deadlineMs: 10 * 60_000 }, recordIncompleteScrub);
});

/** Resolves once no erasure waits for its scrub. */
export async function erasedDataSettled(): Promise<void> {
  while (walScrubber().waiting) await new Promise((resolve) => setTimeout(resolve, 50));
}
