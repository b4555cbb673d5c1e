import { lazy } from "@/lib/lazy";
import { database, withinTransaction, type SqliteHandle } from "./client";

type Job = { work: (tx: SqliteHandle) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * Runs the writes that arrive in one turn of the event loop in a single immediate transaction, so
 * one fsync (synchronous=FULL) covers all of them. Each write has its own savepoint, so one that
 * fails is rolled back alone, and each caller is answered only once the whole batch has committed.
 */
class GroupCommit {
  private queue: Job[] = [];
  // Prepared once: exec() would parse these five statements again for every signature.
  private readonly sql = (() => {
    const { connection } = database();
    return {
      begin: connection.prepare("BEGIN IMMEDIATE"),
      savepoint: connection.prepare("SAVEPOINT job"),
      release: connection.prepare("RELEASE job"),
      rollbackTo: connection.prepare("ROLLBACK TO job"),
      commit: connection.prepare("COMMIT"),
      rollback: connection.prepare("ROLLBACK"),
    };
  })();

  run<T>(work: (tx: SqliteHandle) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    const { connection, orm } = database();
    const { begin, savepoint, release, rollbackTo, commit, rollback } = this.sql;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      begin.run();
      for (const job of jobs) {
        savepoint.run();
        try {
          outcomes.push({ ok: true, value: withinTransaction(() => job.work(orm)) });
          release.run();
        } catch (error) {
          rollbackTo.run();
          release.run();
          outcomes.push({ ok: false, error });
        }
      }
      commit.run();
    } catch (error) {
      if (connection.inTransaction) rollback.run();
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}

/**
 * Queues a synchronous write to commit together with the others that arrive with it; `work` gets
 * the handle of the transaction it runs in.
 */
export function inGroupCommit<T>(work: (tx: SqliteHandle) => T): Promise<T> {
  return groupCommit().run(work);
}

const groupCommit = lazy(() => new GroupCommit());
