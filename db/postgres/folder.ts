import { Client } from "pg";
import type { DatabaseLog } from "@/lib/domain/ports/database";

// Whoever holds this advisory lock folds the deltas; any number this app alone uses.
const leaderLock = 727_511_003;

/** Folds in the one process holding an advisory lock on a connection of its own: should it die, the lock frees with its
 * session and another takes over within a second. Each fold notifies once per campaign whose public count moved. */
export class CountFolder {
  private client?: Client;
  private leader = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly log: DatabaseLog,
    private readonly foldEveryMs = 100,
    private readonly campaignEveryMs = 1_000,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    const tick = async () => {
      try {
        await this.tick();
      } catch (error) {
        this.log.warn({ err: error }, "folding count deltas failed; trying again");
        await this.drop();
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.leader ? this.foldEveryMs : this.campaignEveryMs).unref();
    };
    this.timer = setTimeout(() => void tick(), 0).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.leader) await this.fold().catch(() => undefined);
    await this.drop();
  }

  private async tick(): Promise<void> {
    if (!this.client) {
      const client = new Client({ connectionString: this.url });
      client.on("error", () => void this.drop());
      await client.connect();
      this.client = client;
    }
    if (!this.leader) {
      const { rows } = await this.client.query<{ taken: boolean }>("select pg_try_advisory_lock($1) as taken", [leaderLock]);
      this.leader = rows[0]?.taken === true;
    }
    if (this.leader) await this.fold();
  }

  /** Folds every delta committed so far, of the counts and of the figures; those committed meanwhile wait for the next fold. */
  private async fold(): Promise<void> {
    const client = this.client!;
    await client.query("begin");
    try {
      const { rows } = await client.query<{ slug: string }>(`
        with moved as (delete from count_deltas returning petition_id, confirmed, pending),
        sums as (select petition_id, sum(confirmed)::int as confirmed, sum(pending)::int as pending from moved group by petition_id)
        update petitions p set
          signature_count = p.signature_count + s.confirmed,
          pending_count = p.pending_count + s.pending,
          revision = p.revision + (s.confirmed <> 0)::int,
          updated_at = case when s.confirmed <> 0 then now() else p.updated_at end
        from sums s where p.id = s.petition_id
        returning p.slug, (s.confirmed <> 0) as public`);
      // The organisers' figures, folded with the counts: only this process writes campaign_figures, so no signer waits for it.
      await client.query(`
        with moved as (delete from figure_deltas returning *)
        insert into campaign_figures (petition_id, kind, bucket, status, count)
        select m.petition_id, f.kind, f.bucket, m.status, sum(m.count) from moved m
        cross join lateral figure_delta_kinds(m.hour, m.country, m.fill, m.referrer_id, m.verified_by) f
        group by 1, 2, 3, 4 having sum(m.count) <> 0
        on conflict (petition_id, kind, bucket, status) do update set count = campaign_figures.count + excluded.count`);
      for (const row of rows as { slug: string; public: boolean }[]) {
        if (row.public) await client.query("select pg_notify('countersign_counts', $1)", [row.slug]);
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    await client?.end().catch(() => undefined);
  }
}
