/** The outcome of work offered to a gate: done, or turned away because too much was waiting. */
export type Gated<T> = { ok: true; value: T } | { ok: false };

/**
 * Lets at most `limit` pieces of work run at once; up to `maxWaiting` more wait their turn, each
 * for at most `maxWaitMs`, and the rest are turned away at once. This bounds what a flood can make
 * this process hold (memory, threads), which is why it is per process and not in the database.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
    private readonly maxWaitMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<Gated<T>> {
    if (this.running < this.limit) this.running++;
    else if (this.waiting.length >= this.maxWaiting || !(await this.turn())) return { ok: false };
    try {
      return { ok: true, value: await work() };
    } finally {
      // A finished piece hands its place straight to the next in line, so none can slip in between.
      const next = this.waiting.shift();
      if (next) next.start();
      else this.running--;
    }
  }

  /** Waits for a running piece to hand over its place; false when the wait ran out first. */
  private turn(): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          resolve(true);
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          resolve(false);
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }
}
