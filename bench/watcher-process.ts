// One of the processes that hold the bench's crowd of live-count watchers. It opens its share of
// EventSource connections, and when told a signature was sent, reports how long each watcher took
// to see the new total.
import { EventSource } from "eventsource";

type Command = { open: { url: string; count: number } } | { expect: { total: number; sentAt: number } } | { close: true };

const latest: number[] = [];
let waiting: { total: number; sentAt: number; seen: (number | undefined)[] } | undefined;

function seen(index: number, total: number) {
  latest[index] = total;
  if (waiting && total >= waiting.total && waiting.seen[index] === undefined) {
    waiting.seen[index] = Date.now() - waiting.sentAt;
    if (waiting.seen.every((t) => t !== undefined)) finish();
  }
}

function finish() {
  if (!waiting) return;
  const { seen: times } = waiting;
  waiting = undefined;
  process.send!({ latencies: times.filter((t): t is number => t !== undefined), missed: times.filter((t) => t === undefined).length });
}

const sources: EventSource[] = [];

process.on("message", async (command: Command) => {
  if ("open" in command) {
    const { url, count } = command.open;
    let opened = 0;
    for (let i = 0; i < count; i++) {
      const source = new EventSource(url);
      const index = i;
      let first = true;
      source.onmessage = (event) => {
        seen(index, (JSON.parse(event.data) as { total: number }).total);
        if (first) {
          first = false;
          if (++opened === count) process.send!({ ready: true });
        }
      };
      sources.push(source);
      // Open gradually, as a crowd arrives, rather than as one burst of SYNs.
      if (i % 250 === 249) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } else if ("expect" in command) {
    const { total, sentAt } = command.expect;
    waiting = { total, sentAt, seen: latest.map((t) => (t >= total ? 0 : undefined)) };
    if (waiting.seen.every((t) => t !== undefined)) finish();
    setTimeout(() => waiting?.sentAt === sentAt && finish(), 5000);
  } else {
    for (const source of sources) source.close();
    process.exit(0);
  }
});
