import { EventSource } from "eventsource";
import type { RecordedAction } from "./action-request";

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/**
 * How long after the form's answer an open page hears of the signature: `rounds` signatures through
 * the form's recorded server action, a second apart, each timed from its answer to the watcher's
 * event carrying the new total (0 when the event came first). One process, so the hub that serves
 * the watcher is the one the form's signature went through.
 */
export async function formToWatcher(eventsUrl: string, action: RecordedAction, rounds = 20): Promise<{ p50: number; p90: number; missed: number }> {
  const source = new EventSource(eventsUrl);
  let total = 0;
  let waiter: { at: number; resolve: (at: number) => void } | undefined;
  source.onmessage = (event) => {
    total = (JSON.parse(event.data) as { total: number }).total;
    if (waiter && total >= waiter.at) waiter.resolve(Date.now());
  };
  try {
    while (total === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < rounds; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const expected = total + 1;
      const heard = new Promise<number | undefined>((resolve) => {
        waiter = { at: expected, resolve };
        setTimeout(() => resolve(undefined), 5_000);
      });
      const body = action.body.replace(action.email, `form-watched-${process.pid}-${i}@bench.example`);
      const response = await fetch(action.url, { method: "POST", headers: action.headers, body });
      await response.text();
      const answeredAt = Date.now();
      const heardAt = await heard;
      waiter = undefined;
      if (heardAt === undefined) missed++;
      else delays.push(Math.max(0, heardAt - answeredAt));
    }
    return { p50: pct(delays, 50), p90: pct(delays, 90), missed };
  } finally {
    source.close();
  }
}
