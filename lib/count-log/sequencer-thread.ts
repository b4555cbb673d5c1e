import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { logger } from "../log";
import { processWide } from "../process-wide";

/** The script a thread runs (scripts/count-log-thread.ts, or its build), and the flags it needs to load. */
export type ThreadEntry = { file: string; execArgv: string[] };

/** What the server's thread tells the sequencer's, and what that one answers once it has closed its database. */
export type SequencerMessage = "stop" | "stopped";

const restartMs = 1_000;
const stopMs = 10_000;

/**
 * The server's sequencer, on a thread of its own with its own connection: reading the entries waiting, hashing them and
 * signing the checkpoint then cost the thread that answers signers nothing (on SQLite, that thread is also the one
 * writer's), and the sequencer holds the writer only to store a batch. A thread that ends unasked is started again.
 */
class SequencerThread {
  private worker?: Worker;
  private stopping = false;

  start(entry: ThreadEntry): void {
    if (this.worker) return;
    this.stopping = false;
    const worker = new Worker(entry.file, {
      execArgv: entry.execArgv,
      // It runs one transaction at a time: a PostgreSQL pool of two is plenty, beside the server's own.
      env: { ...process.env, DATABASE_POOL_SIZE: "2" },
      resourceLimits: { maxOldGenerationSizeMb: 96 },
    });
    worker.on("error", (error) => logger().error({ err: error }, "the count log's sequencer thread failed"));
    worker.on("exit", (code) => {
      this.worker = undefined;
      if (this.stopping) return;
      logger().error({ code }, "the count log's sequencer thread ended; starting it again");
      setTimeout(() => this.stopping || this.start(entry), restartMs).unref();
    });
    this.worker = worker;
  }

  /** Asks the thread to finish its batch and close its database; ends it after a while if it does not. */
  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = once(worker, "exit");
    worker.postMessage("stop" satisfies SequencerMessage);
    const deadline = setTimeout(() => void worker.terminate(), stopMs);
    await exited;
    clearTimeout(deadline);
  }
}

export const sequencerThread: () => SequencerThread = processWide("count-log-sequencer-thread", () => new SequencerThread());
