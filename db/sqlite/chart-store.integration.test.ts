import { beforeAll, describe, expect, it } from "vitest";
import { stores } from "@/lib/stores";
import { syntheticSigner } from "@/lib/synthetic-signers";
import { prepareDatabase, storedRows, writeRows } from "@/test/database";

// The charts read the figures SQLite's triggers keep (migration 0013), here moved by the seed and by
// one raw UPDATE of every row, as no code of the app's would: the charts must say what one GROUP BY
// over the whole table says.
const signers = 9_000;
let campaignId = 0;

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await stores().campaigns.readCampaignStanding("white-helmets"))!.id;
  await stores().signatures.insertSeedSignatures(campaignId, signers, syntheticSigner);
  // Spread over five days, each status, times to fill, and up to 2,500 sharers (a decoy's among them).
  writeRows(`update signatures set signed_at = signed_at - (id % 5) * 86400000,
    status = case id % 7 when 0 then 'pending' when 1 then 'invalidated' when 2 then 'suspected' else 'confirmed' end,
    fill_ms = case when id % 11 = 0 then null else (id * 37) % 400000 end,
    referrer_id = case when id % 3 = 0 then (case when id % 2500 = 0 then -5 else id % 2500 end) end`);
});

// The charts' figures as the app reads them (db/chart-store.ts).
const charts = () => stores().charts;
const counted = "petition_id = ? and status in ('confirmed', 'pending')";

describe("figures kept by SQLite's triggers", () => {
  it("counts each day by status as one query would", async () => {
    const days = await charts().signatureTimeSeries(campaignId, { unit: "day", to: new Date(Date.now() + 86_400_000) });
    const whole = storedRows<{ start: number; status: string; n: number }>(
      `select (signed_at / 86400000) * 86400000 as start, status, count(*) as n from signatures
       where petition_id = ? and status != 'suspected' group by 1, 2`,
      campaignId,
    );
    expect(days.length).toBeGreaterThanOrEqual(5);
    for (const row of whole) {
      const day = days.find((d) => d.start.getTime() === row.start)!;
      expect(day[row.status as "confirmed" | "pending" | "invalidated"]).toBe(row.n);
    }
    expect(days.reduce((sum, d) => sum + d.confirmed + d.pending + d.invalidated, 0)).toBe(whole.reduce((sum, r) => sum + r.n, 0));
  });

  it("starts a range's count at its first signature", async () => {
    const from = new Date(Date.now() - 86_400_000);
    const hours = await charts().signatureTimeSeries(campaignId, { unit: "hour", from, to: new Date(Date.now() + 3_600_000) });
    const [expected] = storedRows<{ n: number }>(
      "select count(*) as n from signatures where petition_id = ? and status != 'suspected' and signed_at >= ?",
      campaignId,
      from.getTime(),
    );
    expect(hours.reduce((sum, h) => sum + h.confirmed + h.pending + h.invalidated, 0)).toBe(expected!.n);
  });

  it("counts countries and times to fill as one query would", async () => {
    const countries = storedRows<{ country: string; count: number }>(
      `select country, count(*) as count from signatures where ${counted} group by country order by count desc, country`,
      campaignId,
    );
    expect(await charts().signaturesByCountry(campaignId)).toEqual(countries);
    const fill = await charts().fillTimeHistogram(campaignId);
    const [unknown] = storedRows<{ n: number }>(`select count(*) as n from signatures where ${counted} and fill_ms is null`, campaignId);
    const [fast] = storedRows<{ n: number }>(`select count(*) as n from signatures where ${counted} and fill_ms < 2000`, campaignId);
    expect(fill.find((f) => f.fromMs === null)?.count).toBe(unknown!.n);
    expect(fill.find((f) => f.fromMs === 0)?.count).toBe(fast!.n);
    expect(fill.reduce((sum, f) => sum + f.count, 0)).toBe(countries.reduce((sum, c) => sum + c.count, 0));
  });

  it("counts sharers as one query would", async () => {
    const [whole] = storedRows<{ referred: number; sharers: number; all: number }>(
      `select count(referrer_id) as referred, count(distinct referrer_id) as sharers, count(*) as "all" from signatures where ${counted}`,
      campaignId,
    );
    const top = storedRows<{ n: number }>(
      `select count(*) as n from signatures where ${counted} and referrer_id is not null group by referrer_id order by n desc limit 5`,
      campaignId,
    );
    expect(whole!.sharers).toBeGreaterThan(1_000);
    expect(await charts().referralSummary(campaignId, 5)).toEqual({
      referred: whole!.referred,
      direct: whole!.all - whole!.referred,
      sharers: whole!.sharers,
      topSharers: top.map((row) => row.n),
    });
  });
});
