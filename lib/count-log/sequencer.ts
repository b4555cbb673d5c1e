import type { LogWriter } from "@/lib/domain/ports/count-log";
import { logger } from "../log";
import { processWide } from "../process-wide";
import { stores } from "../stores";
import { appendEntries, partialTiles } from "./append";
import { logOrigin, signedCheckpoint } from "./signing";

/**
 * Entries placed per transaction. While a batch is written it holds SQLite's one writer and the server's commits wait:
 * once the server has run through the requests it holds (200 signers' take it about 30 ms here), it idles until the
 * writer is free. Batches of 6,000 (a surge's second, which took one batch at this limit's old 10,000) held the writer for
 * 48 to 130 ms on a busy machine, batches of 1,500 for 11 to 38 ms at the same CPU an entry; so a surge's second is placed
 * in a few short batches, the writer free between them while the next is read and hashed.
 */
const batchLimit = 1_500;

export const logWriter: LogWriter = { originFor: logOrigin, append: appendEntries, checkpoint: signedCheckpoint, partials: partialTiles };

/**
 * Places the entries the signing transactions stored, about once a second: the server runs it on a thread of its own
 * (./sequencer-thread.ts), scripts and tests in their own. The store writes one batch at a time across processes
 * (PostgreSQL's advisory lock; SQLite's one writer) and drops one made from a log that moved meanwhile, so the log has no gap
 * and no entry twice. A signature is counted and its entry stored in one transaction, and an entry placed in another, so a
 * crash between them leaves the entry waiting for the next batch, and none can be placed that was not counted.
 */
class Sequencer {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  start(everyMs = 1_000): void {
    this.timer ??= setInterval(() => void this.catchUp().catch((error: unknown) => logger().error({ err: error }, "placing count log entries failed; trying again")), everyMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves once a batch under way is done, so the database can close under none. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Places every entry waiting now, a batch at a time; resolves with how many. */
  catchUp(): Promise<number> {
    this.running ??= (async () => {
      try {
        let placed = 0;
        let batch: number;
        do {
          batch = await stores().countLog.sequenceLogs(batchLimit, logWriter);
          placed += batch;
        } while (batch === batchLimit);
        return placed;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}

export const logSequencer: () => Sequencer = processWide("count-log-sequencer", () => new Sequencer());
