import { stores } from "./stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { issueFormToken } from "./bot-checks";
import { campaignFigures, hoursShown } from "./campaign-figures";
import { campaignDashboard } from "./dashboard";
import { chartCsv } from "./chart-csv";
import { emailDomain, emailKey } from "./domain/email-key";
import type { SignatureStatus } from "./domain/model";
import { invalidate, signatureChoice } from "./moderation";
import { referrerFrom } from "./referrals";
import { signCampaign } from "./signatures";
import { newReceiptSalt } from "@/lib/receipts";

const slug = "white-helmets";
const now = new Date("2026-05-04T10:20:00Z");
const at = (iso: string) => new Date(iso);
let campaignId = 0;

/** Signs through the form as a person would, `fillSeconds` after the page opened; without them, through the API. */
async function sign(email: string, country: string, signedAt: string, options: { fillSeconds?: number; referral?: string; address?: string } = {}) {
  const when = at(signedAt);
  const form = options.fillSeconds === undefined ? undefined : { formToken: issueFormToken(when.getTime() - options.fillSeconds * 1000) };
  const context = { now: when, form, referral: options.referral, clientAddress: options.address };
  const outcome = await signCampaign(slug, { fullName: "Nour Aziz", email, country }, context);
  if (outcome.kind !== "signed") throw new Error(`expected a signature, got ${outcome.kind}`);
  return outcome.referralCode;
}

/** A row in a state the form cannot make on its own here (mail is off): pending, or caught by the bot trap. */
async function store(
  status: SignatureStatus,
  email: string,
  country: string,
  signedAt: string,
  extra: { fillMs: number; referrerId: number; campaignId?: number },
) {
  const identity = { fullName: "Sami Haddad", email, emailKey: emailKey(email), emailDomain: emailDomain(email) };
  await stores().signatures.insertSignature({ campaignId, ...extra, status, ...identity, country, signedAt: at(signedAt), receiptSalt: newReceiptSalt() });
}

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await stores().campaigns.readCampaignStanding(slug))!.id;
  const a = await sign("a@example.org", "SY", "2026-05-04T10:05:00Z", { fillSeconds: 1.5 });
  const aId = referrerFrom(a)!;
  const b = await sign("b@example.org", "SY", "2026-05-04T10:15:00Z", { fillSeconds: 3, referral: a });
  await sign("c@example.org", "DE", "2026-05-04T09:59:59.999Z", { fillSeconds: 45, referral: a });
  await sign("d@example.org", "DE", "2026-05-03T23:30:00Z", { referral: b });
  // Exactly on an edge: ten seconds is in 10–30 s.
  await sign("e@example.org", "TR", "2026-04-30T08:00:00Z", { fillSeconds: 10 });
  // A minute before the 72 hours begin: in the days, not the hours.
  await sign("j@example.org", "LB", "2026-05-01T10:59:00Z", { fillSeconds: 300 });
  await store("pending", "f@example.org", "SY", "2026-05-04T10:10:00Z", { fillMs: 8_000, referrerId: aId });
  await store("suspected", "g@example.org", "SY", "2026-05-04T10:12:00Z", { fillMs: 100, referrerId: aId });
  // Invalidated by an organiser: in the time series as such, and in no other chart.
  await sign("h@example.org", "FR", "2026-05-04T09:10:00Z", { fillSeconds: 1, referral: b, address: "192.0.2.99" });
  expect(await invalidate(slug, signatureChoice.parse({ clientAddress: "192.0.2.99" }), "organiser@countersign.example")).toBe(1);

  // Another campaign's signature in the same hour, and a campaign no one has signed.
  await stores().campaigns.upsertCampaign({ slug: "clean-water", title: "Clean water", ask: "Fund the pumps.", goal: 100, storyHeadline: "Water", storyMarkdown: "." });
  await stores().campaigns.upsertCampaign({ slug: "quiet", title: "Quiet", ask: "Listen.", goal: 100, storyHeadline: "Quiet", storyMarkdown: "." });
  const elsewhere = (await stores().campaigns.readCampaignStanding("clean-water"))!.id;
  await store("confirmed", "a@example.org", "SY", "2026-05-04T10:06:00Z", { fillMs: 1_000, referrerId: aId, campaignId: elsewhere });
});

const counts = (start: string, confirmed: number, pending: number, invalidated: number) => ({ start: at(start), confirmed, pending, invalidated });

describe("signatures over time", () => {
  it("counts each UTC hour of a range by status, leaving out the suspected and other campaigns", async () => {
    const hours = await stores().charts.signatureTimeSeries(campaignId, { unit: "hour", from: at("2026-05-01T11:00:00Z"), to: at("2026-05-04T11:00:00Z") });
    expect(hours).toEqual([
      counts("2026-05-03T23:00:00Z", 1, 0, 0),
      counts("2026-05-04T09:00:00Z", 1, 0, 1),
      counts("2026-05-04T10:00:00Z", 2, 1, 0),
    ]);
  });

  it("gives the dashboard today's counted signatures from the kept day, and the last hour's, as the rows say", async () => {
    const startOfDay = at("2026-05-04T00:00:00Z");
    const dashboard = (await campaignDashboard(slug, now))!;
    expect(dashboard).toMatchObject({ today: 3, lastHour: 3 });
    expect(dashboard.today).toBe(await stores().signatures.countSignaturesSince(campaignId, startOfDay));
  });

  it("counts UTC days from the first signature when no start is given, and stops before the end", async () => {
    expect(await stores().charts.signatureTimeSeries(campaignId, { unit: "day", to: at("2026-05-04T00:00:00Z") })).toEqual([
      counts("2026-04-30T00:00:00Z", 1, 0, 0),
      counts("2026-05-01T00:00:00Z", 1, 0, 0),
      counts("2026-05-03T00:00:00Z", 1, 0, 0),
    ]);
  });

  it("gives the page every hour of the last 72 and every day of the campaign, the empty ones as zeros", async () => {
    const figures = (await campaignFigures(slug, now))!;
    expect(figures.perHour).toHaveLength(hoursShown);
    expect(figures.perHour[0]!.start).toEqual(at("2026-05-01T11:00:00Z"));
    expect(figures.perHour.at(-1)).toEqual(counts("2026-05-04T10:00:00Z", 2, 1, 0));
    expect(figures.perDay).toEqual([
      counts("2026-04-30T00:00:00Z", 1, 0, 0),
      counts("2026-05-01T00:00:00Z", 1, 0, 0),
      counts("2026-05-02T00:00:00Z", 0, 0, 0),
      counts("2026-05-03T00:00:00Z", 1, 0, 0),
      counts("2026-05-04T00:00:00Z", 3, 1, 1),
    ]);
  });
});

describe("where signers are and how they came", () => {
  it("counts signatures that count or await confirmation by country, most first", async () => {
    expect(await stores().charts.signaturesByCountry(campaignId)).toEqual([
      { country: "SY", count: 3 },
      { country: "DE", count: 2 },
      { country: "LB", count: 1 },
      { country: "TR", count: 1 },
    ]);
  });

  it("counts the signatures share links brought, and how many sharers, without naming one", async () => {
    expect(await stores().charts.referralSummary(campaignId, 5)).toEqual({ referred: 4, direct: 3, sharers: 2, topSharers: [3, 1] });
    expect((await stores().charts.referralSummary(campaignId, 1)).topSharers).toEqual([3]);
  });

  it("counts times to fill in their buckets, the API's as unknown", async () => {
    const found = await stores().charts.fillTimeHistogram(campaignId);
    expect(Object.fromEntries(found.map(({ fromMs, count }) => [String(fromMs), count]))).toEqual({
      "0": 1,
      "2000": 1,
      "5000": 1,
      "10000": 1,
      "30000": 1,
      "300000": 1,
      null: 1,
    });
  });
});

describe("a campaign no one has signed", () => {
  it("has charts of zeros: 72 empty hours, today alone, no countries, no referrals", async () => {
    const figures = (await campaignFigures("quiet", now))!;
    expect(figures.perHour).toHaveLength(hoursShown);
    expect(figures.perHour.every((b) => b.confirmed + b.pending + b.invalidated === 0)).toBe(true);
    expect(figures.perDay).toEqual([counts("2026-05-04T00:00:00Z", 0, 0, 0)]);
    expect(figures.countries).toEqual([]);
    expect(figures.referrals).toEqual({ referred: 0, direct: 0, sharers: 0, topSharers: [] });
    expect(figures.fillTime.map((f) => f.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await campaignFigures("no-such-campaign", now)).toBeUndefined();
  });
});

describe("each chart's figures as CSV", () => {
  const lines = async (file: Parameters<typeof chartCsv>[1]) => {
    const found = (await chartCsv(slug, file, now))!;
    expect(found.csv.startsWith("\uFEFF")).toBe(true);
    return { filename: found.filename, lines: found.csv.slice(1).split("\r\n").slice(0, -1) };
  };

  it("writes every hour, labelled in UTC, and names the file for the campaign, chart and day", async () => {
    const { filename, lines: rows } = await lines("per-hour.csv");
    expect(filename).toBe("white-helmets-per-hour-2026-05-04.csv");
    expect(rows[0]).toBe("Hour starting (UTC),Confirmed,Awaiting confirmation,Invalidated,Total");
    expect(rows).toHaveLength(1 + hoursShown);
    expect(rows.at(-1)).toBe("2026-05-04 10:00,2,1,0,3");
    expect(rows.at(-2)).toBe("2026-05-04 09:00,1,0,1,2");
  });

  it("writes the days, the countries, the referrals and the times to fill", async () => {
    expect((await lines("per-day.csv")).lines).toEqual([
      "Day (UTC),Confirmed,Awaiting confirmation,Invalidated,Total",
      "2026-04-30,1,0,0,1",
      "2026-05-01,1,0,0,1",
      "2026-05-02,0,0,0,0",
      "2026-05-03,1,0,0,1",
      "2026-05-04,3,1,1,5",
    ]);
    const countries = ["Country code,Country,Signatures", "SY,Syria,3", "DE,Germany,2", "LB,Lebanon,1", "TR,Türkiye,1"];
    expect((await lines("countries.csv")).lines).toEqual(countries);
    expect((await lines("referrals.csv")).lines).toEqual([
      "Figure,Signatures",
      "Came through a signer's share link,4",
      "Came without a share link,3",
      "Signers whose link brought anyone,2",
      "Brought by the sharer ranked 1,3",
      "Brought by the sharer ranked 2,1",
    ]);
    const fill = (await lines("fill-time.csv")).lines;
    expect(fill[0]).toBe("Time to fill,From (seconds),Under (seconds),Signatures");
    expect(fill.slice(1)).toEqual([
      "Under 2 s,0,2,1",
      "2–5 s,2,5,1",
      "5–10 s,5,10,1",
      "10–30 s,10,30,1",
      "30–60 s,30,60,1",
      "1–5 min,60,300,0",
      "Over 5 min,300,,1",
      "Unknown,,,1",
    ]);
  });

  it("answers nothing for a campaign that does not exist", async () => {
    expect(await chartCsv("no-such-campaign", "countries.csv", now)).toBeUndefined();
  });
});
