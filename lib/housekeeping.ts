import { stores } from "./stores";
import { pendingFigureEveryMs, publishPendingFigures } from "./pending-figure";
import { logger } from "./log";
import { processWide } from "./process-wide";
import { expireStagedImports } from "./imports/imports";
import { backfillNameKeys } from "./name-key-backfill";
import { applyRetention } from "./retention";
import { resumeUpdateQueues } from "./updates/send-update";

type Job = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

const jobs: Job[] = [
  { name: "publish-pending", everyMs: pendingFigureEveryMs, run: publishPendingFigures },
  { name: "retention", everyMs: 24 * 60 * 60 * 1000, run: applyRetention },
  { name: "expire-staged-imports", everyMs: 60 * 60 * 1000, run: expireStagedImports },
  // Queuing an update cut short by a crash is finished here, by whichever process claims the run.
  { name: "resume-update-queues", everyMs: 60_000, run: resumeUpdateQueues },
  // Signatures from before the search's name key; once none are left, a run is one index lookup.
  { name: "name-keys", everyMs: 60 * 1000, run: () => backfillNameKeys() },
];

/**
 * Runs the periodic jobs. Every process looks once a minute, and the database hands each due run to
 * exactly one of them (claimJobRun), so several processes neither skip a run nor repeat it.
 */
class Housekeeping {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  start(lookEveryMs = 60_000): void {
    this.timer ??= setInterval(() => void this.runDue(), lookEveryMs).unref();
    void this.runDue();
  }

  /** No more runs from this process; one under way finishes. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs the jobs that are due and that this process claims; resolves when they are done. */
  runDue(now = new Date()): Promise<void> {
    this.running ??= (async () => {
      try {
        for (const job of jobs) {
          try {
            if (await stores().housekeeping.claimJobRun(job.name, job.everyMs, now)) await job.run(now);
          } catch (error) {
            logger().error({ err: error, job: job.name }, "a periodic job failed; it runs again when next due");
          }
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}

export const housekeeping: () => Housekeeping = processWide("housekeeping", () => new Housekeeping());
