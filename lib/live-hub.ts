import { stores } from "./stores";
import { logger } from "./log";
import { liveSnapshot, type LiveSnapshot } from "./campaign-status";
import { processWide } from "./process-wide";

type Listener = (frame: string) => void;

/** Reads a campaign's snapshot, or "unchanged" when its revision is still the one given. */
export type SnapshotLoader = (slug: string, knownRevision?: number) => Promise<LiveSnapshot | "unchanged" | undefined>;

type Channel = {
  listeners: Set<Listener>;
  revision?: number;
  frame?: string;
  refreshing?: Promise<void>;
  again: boolean;
  lastRefreshAt: number;
  scheduled?: NodeJS.Timeout;
};

export type LiveHubOptions = {
  /** How often to look for changes made by other processes. */
  pollMs: number;
  /** Comment frames that keep proxies from closing idle streams. */
  heartbeatMs: number;
  /** Changes closer together than this share one broadcast, so a surge does not flood watchers. */
  minIntervalMs: number;
  /** Hears of changes made anywhere (a slug, or nothing for "look at everything"); asked once, with the first watcher. */
  watchChanges?: (listener: (slug?: string) => void) => void;
};

/**
 * Fans each campaign's count out to every watcher in this process. One query per change serves
 * them all, and each frame is serialised once, whatever the number of watchers.
 */
export class LiveHub {
  private readonly channels = new Map<string, Channel>();
  private poller?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private watching = false;

  constructor(
    private readonly load: SnapshotLoader,
    private readonly options: LiveHubOptions,
  ) {}

  /** Sends the current snapshot at once and every change after; undefined when the campaign does not exist. */
  async subscribe(slug: string, listener: Listener): Promise<(() => void) | undefined> {
    const channel = this.channel(slug);
    if (channel.frame === undefined) await this.refresh(slug, channel);
    if (channel.frame === undefined) {
      if (channel.listeners.size === 0) this.channels.delete(slug);
      return undefined;
    }
    listener(channel.frame);
    channel.listeners.add(listener);
    this.startTimers();
    return () => {
      channel.listeners.delete(listener);
      if (channel.listeners.size === 0 && this.channels.get(slug) === channel) {
        clearTimeout(channel.scheduled);
        this.channels.delete(slug);
      }
      if (this.channels.size === 0) this.stopTimers();
    };
  }

  /** Called after a change in this process: watchers hear of it without waiting for the poll. */
  notify(slug: string): void {
    const channel = this.channels.get(slug);
    if (!channel || channel.scheduled) return;
    const wait = Math.max(0, channel.lastRefreshAt + this.options.minIntervalMs - Date.now());
    channel.scheduled = setTimeout(() => {
      channel.scheduled = undefined;
      void this.refresh(slug, channel);
    }, wait);
  }

  watcherCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.listeners.size;
    return n;
  }

  private channel(slug: string): Channel {
    let channel = this.channels.get(slug);
    if (!channel) {
      channel = { listeners: new Set(), again: false, lastRefreshAt: 0 };
      this.channels.set(slug, channel);
    }
    return channel;
  }

  private refresh(slug: string, channel: Channel): Promise<void> {
    if (channel.refreshing) {
      channel.again = true;
      return channel.refreshing;
    }
    channel.refreshing = (async () => {
      try {
        do {
          channel.again = false;
          channel.lastRefreshAt = Date.now();
          const snapshot = await this.load(slug, channel.revision);
          if (snapshot === undefined || snapshot === "unchanged") continue;
          channel.revision = snapshot.revision;
          channel.frame = `id: ${snapshot.revision}\ndata: ${JSON.stringify(snapshot)}\n\n`;
          for (const listener of channel.listeners) listener(channel.frame);
        } while (channel.again);
      } catch (error) {
        logger().error({ err: error, slug }, "live hub: refreshing the count failed");
      } finally {
        channel.refreshing = undefined;
      }
    })();
    return channel.refreshing;
  }

  private startTimers(): void {
    if (!this.watching) {
      this.watching = true;
      this.options.watchChanges?.((slug) => {
        if (slug) this.notify(slug);
        else for (const [name, channel] of this.channels) void this.refresh(name, channel);
      });
    }
    this.poller ??= setInterval(() => {
      for (const [slug, channel] of this.channels) void this.refresh(slug, channel);
    }, this.options.pollMs).unref();
    this.heartbeat ??= setInterval(() => {
      for (const channel of this.channels.values()) for (const listener of channel.listeners) listener(":\n\n");
    }, this.options.heartbeatMs).unref();
  }

  private stopTimers(): void {
    clearInterval(this.poller);
    clearInterval(this.heartbeat);
    this.poller = this.heartbeat = undefined;
  }
}

/**
 * This copy's hub. Changes reach it from this copy (notify), from anywhere through the database
 * (onPublicChange: PostgreSQL's NOTIFY), and, as a safety net, from a poll twice a second.
 */
export const liveHub: () => LiveHub = processWide("live-hub", 
  () => new LiveHub(liveSnapshot, { pollMs: 500, heartbeatMs: 15_000, minIntervalMs: 200, watchChanges: stores().database.onPublicChange }),
);
