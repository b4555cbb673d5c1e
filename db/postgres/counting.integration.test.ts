import { beforeAll, describe, expect, it } from "vitest";
import { campaignStatus } from "@/lib/campaign-status";
import { signCampaign } from "@/lib/signatures";
import { stores } from "@/lib/stores";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";

const slug = "white-helmets";
const sign = (email: string) => signCampaign(slug, { fullName: "Counted Signer", email, country: "SY" });
// Signatures arriving together share one delta row; what matters is what they add up to.
const unfolded = () => storedRow<{ n: number | null }>("select sum(confirmed) as n from count_deltas")!.n ?? 0;
const unfoldedFigures = () => Number(storedRow<{ n: number }>("select count(*) as n from figure_deltas")!.n);
const figuresDiffer = async () => (await stores().charts.recountFigures(false)).flatMap((recount) => recount.differences);
const keptOnRow = () => storedRow<{ n: number }>("select signature_count as n from petitions where slug = ?", slug)!.n;

const listening = () =>
  storedRows("select 1 from pg_stat_activity where query = 'listen countersign_counts' and datname = current_database()").length > 0;

beforeAll(prepareDatabase);

describe("counting on PostgreSQL without a hot row", () => {
  it("writes signatures' counts as deltas, and the count read is exact before and after the fold", async () => {
    const before = (await campaignStatus(slug))!.signaturesHere;
    // An empty delta first, so no delta's id is the campaign's: counts must find their deltas by campaign.
    writeRows("insert into count_deltas (petition_id, confirmed, pending) select id, 0, 0 from petitions where slug = ?", slug);
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => sign(`delta${i}@example.org`)));
    // Unique, truthful numbers without a shared row: a sequence per campaign.
    const numbers = outcomes.map((o) => (o.kind === "signed" ? o.signerNumber : 0));
    expect(new Set(numbers).size).toBe(40);
    expect(Math.max(...numbers)).toBe(325_000 + before + 40);
    expect(unfolded()).toBe(40);
    expect(keptOnRow()).toBe(before);
    expect((await campaignStatus(slug))!.signaturesHere).toBe(before + 40);
    expect(await stores().campaigns.recountCampaigns()).toEqual([expect.objectContaining({ slug, kept: before + 40, counted: before + 40 })]);
    // The charts' figures too: the triggers' sums wait as deltas, read beside the folded ones.
    expect(unfoldedFigures()).toBeGreaterThan(0);
    expect(await figuresDiffer()).toEqual([]);

    const heard: (string | undefined)[] = [];
    stores().database.onPublicChange((changed) => heard.push(changed));
    // Listening before the fold, or its NOTIFY could come before anyone hears.
    await expect.poll(listening, { timeout: 5_000 }).toBe(true);
    stores().database.startBackgroundWork();
    await expect.poll(unfolded, { timeout: 5_000 }).toBe(0);
    expect(unfoldedFigures()).toBe(0);
    expect(storedRow<{ n: number }>("select count as n from campaign_figures where kind = 'country' and bucket = 'SY' and status = 'confirmed'")!.n).toBeGreaterThanOrEqual(40);
    expect(await figuresDiffer()).toEqual([]);
    expect(keptOnRow()).toBe(before + 40);
    expect((await campaignStatus(slug))!.signaturesHere).toBe(before + 40);
    await expect.poll(() => heard, { timeout: 5_000 }).toContain(slug);
    expect(await stores().campaigns.recountCampaigns()).toEqual([expect.objectContaining({ slug, kept: before + 40, counted: before + 40 })]);
  });

  it("hears of changes again after its listening connection is cut, and asks for a look at everything", async () => {
    const heard: (string | undefined)[] = [];
    stores().database.onPublicChange((changed) => heard.push(changed));
    await new Promise((resolve) => setTimeout(resolve, 500));
    writeRows("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen countersign_counts' and datname = current_database()");
    await expect.poll(() => heard.includes(undefined), { timeout: 10_000 }).toBe(true);
    await sign("after-reconnect@example.org");
    await expect.poll(() => heard.includes(slug), { timeout: 5_000 }).toBe(true);
  });

  it("hands the fold to another session when the leader's connection dies", async () => {
    const [leader] = storedRows<{ pid: number }>(
      "select l.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.objid = 727511003 and a.datname = current_database()",
    );
    expect(leader).toBeDefined();
    writeRows("select pg_terminate_backend(?)", leader!.pid);
    await sign("after-failover@example.org");
    await expect.poll(unfolded, { timeout: 10_000 }).toBe(0);
  });
});
