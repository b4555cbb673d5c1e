import { AsyncLocalStorage } from "node:async_hooks";
import type { SqliteConnection } from "./connection";

/** How long a batch waits for another connection (the count log's sequencer thread, another process) to let go of the
 * write lock before its writes fail. The writer's connection itself has no busy timeout: SQLite's would sleep the thread. */
export const lockWaitMs = 5_000;

const isBusy = (error: unknown) => error instanceof Error && "code" in error && error.code === "SQLITE_BUSY";

type Job<H> = { work: (tx: H) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** One turn's writes share one immediate transaction, so one fsync (synchronous=FULL) covers them all; each has a savepoint,
 * so a failure rolls back alone, and callers are answered once the batch commits. Slow work holds back only later writes. */
export class GroupCommit<H> {
  private queue: Job<H>[] = [];
  private scheduled = false;
  private flushing = false;
  private readonly inside = new AsyncLocalStorage<true>();
  private readonly sql;
  private afterCommit: (() => void)[] = [];

  constructor(
    private readonly connection: SqliteConnection,
    private readonly handle: H,
  ) {
    // Prepared once: exec() would parse these statements again for every write.
    this.sql = {
      begin: connection.prepare("BEGIN IMMEDIATE"),
      savepoint: connection.prepare("SAVEPOINT job"),
      release: connection.prepare("RELEASE job"),
      rollbackTo: connection.prepare("ROLLBACK TO job"),
      commit: connection.prepare("COMMIT"),
      rollback: connection.prepare("ROLLBACK"),
    };
  }

  /** Whether the caller runs inside one of these transactions. */
  get inTransaction(): boolean {
    return this.inside.getStore() === true;
  }

  run<T>(work: (tx: H) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error("a write was started inside a write; pass the transaction's handle down instead");
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Runs `then` once the transaction the caller is in has committed (not at all if it rolls back). */
  onCommit(then: () => void): void {
    this.afterCommit.push(then);
  }

  /** Resolves when no batch is running or waiting. */
  async idle(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /**
   * Takes the write lock without blocking the thread: while another connection holds it, the thread goes on taking requests
   * (whose writes join the next batch), where SQLite's own busy handler would sleep it.
   */
  private async begin(): Promise<void> {
    const { begin } = this.sql;
    const deadline = Date.now() + lockWaitMs;
    for (let pauseMs = 1; ; pauseMs = Math.min(pauseMs * 2, 8)) {
      try {
        begin.run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  private async flush(): Promise<void> {
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    this.flushing = true;
    const { savepoint, release, rollbackTo, commit, rollback } = this.sql;
    const outcomes: Outcome[] = [];
    let committed: (() => void)[] = [];
    try {
      await this.begin();
      for (const job of jobs) {
        savepoint.run();
        const pending = this.afterCommit.length;
        try {
          outcomes.push({ ok: true, value: await this.inside.run(true, () => job.work(this.handle)) });
          release.run();
        } catch (error) {
          rollbackTo.run();
          release.run();
          // What a rolled-back write asked to do after the commit is forgotten with it.
          this.afterCommit.length = pending;
          outcomes.push({ ok: false, error });
        }
      }
      commit.run();
      committed = this.afterCommit;
    } catch (error) {
      if (this.connection.inTransaction) rollback.run();
      for (const job of jobs) job.reject(error);
      return;
    } finally {
      this.afterCommit = [];
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
    for (const then of committed) then();
  }
}
