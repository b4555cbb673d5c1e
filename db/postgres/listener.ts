import { Client } from "pg";
import type { DatabaseLog } from "@/lib/domain/ports/database";

type Listener = (slug?: string, pageChanged?: boolean) => void;

/** Marks a notice of a change to more than the count (db/postgres/dialect.ts, announce). */
export const pageNoticePrefix = "page:";

/** pg's client never reconnects by itself, so this LISTENing one does, backing off up to ten seconds, and on every reconnect
 * tells its listeners that anything may have changed meanwhile (they look again). */
export class PublicChanges {
  private readonly listeners = new Set<Listener>();
  private client?: Client;
  private retryMs = 500;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly log: DatabaseLog,
  ) {}

  add(listener: Listener): void {
    this.listeners.add(listener);
    if (!this.client && !this.retry) void this.connect(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(again: boolean): Promise<void> {
    this.retry = undefined;
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      const payload = message.payload || undefined;
      const pageChanged = payload?.startsWith(pageNoticePrefix) ?? false;
      const slug = pageChanged ? payload!.slice(pageNoticePrefix.length) : payload;
      for (const listener of this.listeners) listener(slug || undefined, pageChanged);
    });
    try {
      await client.connect();
      await client.query("listen countersign_counts");
      this.client = client;
      this.retryMs = 500;
      if (again) for (const listener of this.listeners) listener(undefined);
    } catch (error) {
      this.log.warn({ err: error }, "listening for count changes failed; retrying");
      await client.end().catch(() => undefined);
      this.reconnectLater();
    }
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => void this.connect(true), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }
}
