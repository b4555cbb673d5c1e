import { stores } from "@/lib/stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows, writeRows } from "@/test/database";
import { pdfPages, pdfPlacedRuns, pdfRuns } from "@/test/pdf-text";
import { recentAuditEvents } from "../audit";
import { campaignDashboard } from "../dashboard";
import { signCampaign } from "../signatures";
import { syntheticSigner } from "../synthetic-signers";
import { deliveryReport } from "./delivery-report";
import { newReceiptSalt } from "@/lib/receipts";
import { publicLogFile } from "../count-log/public-log";
import { logSequencer } from "../count-log/sequencer";

const slug = "white-helmets";
const number = new Intl.NumberFormat("en");

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function report(includeNames: boolean) {
  const found = await deliveryReport(slug, { actor: "owner@example.org", includeNames, now: new Date("2026-11-30T12:00:00Z") });
  const pdf = await bytesOf(found!.chunks);
  return { filename: found!.filename, pdf, pages: await pdfPages(pdf) };
}

beforeAll(async () => {
  await prepareDatabase();
  await signCampaign(slug, { fullName: "رائد الصالح", email: "raed@example.org", country: "SY" });
  await signCampaign(slug, { fullName: "Ada Lovelace", email: "ada.lovelace@example.org", country: "GB" });
  await signCampaign(slug, { fullName: "Grace Hopper", email: "grace@example.org", country: "US" });
  for (let i = 0; i < 5; i++) await signCampaign(slug, { fullName: `Helper ${i}`, email: `helper${i}@example.org`, country: "DE" });
  // Two of them followed the emailed link; with mail off in tests, the rest counted at once.
  writeRows("update signatures set confirmed_at = signed_at where email in ('ada.lovelace@example.org', 'grace@example.org')");
});

describe("the delivery report", () => {
  it("holds the campaign's title and the dashboard's exact total, and says how the signatures were verified", async () => {
    const { filename, pdf, pages } = await report(false);
    expect(filename).toBe("white-helmets-delivery-report-2026-11-30.pdf");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const dashboard = await campaignDashboard(slug);
    const first = pages[0]!;
    expect(first).toContain("The White Helmets for the Nobel Peace Prize");
    expect(first).toContain(`${number.format(dashboard!.total)} signatures`);
    expect(dashboard!.total).toBe(325_008);
    expect(first).toMatch(/Signed here, confirmed by email \(the signer followed the link we sent\) 2 /);
    expect(first).toMatch(/Signed here, counted without email confirmation 6 /);
    expect(first).toMatch(/Gathered elsewhere before this page opened 325,000 Total 325,008/);
  });

  it("states the count log's signed checkpoint and how anyone checks the count against it", async () => {
    await logSequencer().catchUp();
    const served = await publicLogFile(slug, "checkpoint");
    if (served.kind !== "file") throw new Error("the campaign's checkpoint is not served");
    const [origin, size, root] = String(served.body).split("\n");
    const text = (await report(false)).pages.join(" ");
    expect(text).toContain("Proof of the count");
    expect(text).toContain(`${origin} ${size} ${root}`);
    expect(size).toBe("8");
    expect(text).toContain("npm run log:verify -- http://localhost white-helmets");
  });

  it("lists signatures by country, most first and then by code, as the dashboard does", async () => {
    const text = (await report(false)).pages.join(" ");
    expect(text).toMatch(/Country Signatures Germany 5 United Kingdom 1 Syria 1 United States 1/);
  });

  it("prints the story as paragraphs, never raw Markdown", async () => {
    const text = (await report(false)).pages.join(" ");
    expect(text).toContain("The White Helmets Show The Extraordinary Bravery Of Ordinary Syrians");
    expect(text).toContain("[Photograph: ");
    expect(text).not.toMatch(/\*Photo:|\]\(http|^#/m);
  });

  it("has no names unless asked, and never an email address", async () => {
    const without = (await report(false)).pages.join(" ");
    expect(without).not.toContain("Ada Lovelace");
    expect(without).not.toContain("Helper 0");

    const withNames = await report(true);
    const text = withNames.pages.join(" ");
    expect(withNames.filename).toBe("white-helmets-delivery-report-with-names-2026-11-30.pdf");
    expect(text).toContain("The signers (8 confirmed here)");
    expect(text).toMatch(/Ada Lovelace United Kingdom Grace Hopper United States Helper 0 Germany/);
    expect(text).not.toMatch(/@|example\.org/);
    expect(withNames.pdf.toString("latin1")).not.toContain("example.org");
  });

  it("leaves out signatures that do not count", async () => {
    await signCampaign(slug, { fullName: "Nadia Ruled-Out", email: "nadia@ruled-out.example", country: "FR" });
    const campaign = await stores().campaigns.readCampaignStanding(slug);
    expect(await stores().moderation.invalidateSignatures({ campaignId: campaign!.id, emailDomain: "ruled-out.example" }, new Date())).toBe(1);
    const text = (await report(true)).pages.join(" ");
    expect(text).not.toContain("Nadia");
  });

  it("draws an Arabic name right to left, its words in reading order", async () => {
    const runs = (await pdfRuns((await report(true)).pdf)).flat();
    // The line holding the name: pdfjs gives its runs left to right, each in reading order, so
    // read right to left they are the name as typed.
    const at = runs.findIndex((run) => run.includes("الصالح"));
    const line = runs.slice(at, runs.indexOf("Syria", at));
    expect(line.reverse().join("").replace(/[^\p{L}]/gu, "")).toBe("رائدالصالح");
  });

  it("records each download in the audit log with how many names it held", async () => {
    await report(true);
    const [latest] = await recentAuditEvents(1);
    expect(latest).toMatchObject({
      actor: "owner@example.org",
      action: "export",
      campaignSlug: slug,
      detail: "Delivery report (PDF) with signers' names and countries",
      rowCount: 8,
    });
  });

  it("counts a bot-trap catch an organiser released as counted without email confirmation", async () => {
    const campaign = (await stores().campaigns.readCampaignStanding(slug))!;
    const before = await stores().charts.countVerification(campaign.id);
    await stores().signatures.insertSignature({
      campaignId: campaign.id,
      status: "suspected",
      fullName: "Caught Bytrap",
      email: "caught@released.example",
      emailKey: "caught@released.example",
      emailDomain: "released.example",
      country: "IE",
      signedAt: new Date(),
      receiptSalt: newReceiptSalt(),
    });
    const released = await stores().moderation.releaseSuspected({ campaignId: campaign.id, emailDomain: "released.example" }, () => ({ kind: "count" }), new Date());
    expect(released).toBe(1);
    expect(await stores().charts.countVerification(campaign.id)).toEqual({ byEmail: before.byEmail, withoutEmail: before.withoutEmail + 1, imported: before.imported });
  });

  it("is undefined for a campaign that does not exist", async () => {
    expect(await deliveryReport("no-such-campaign", { actor: "owner@example.org", includeNames: true })).toBeUndefined();
  });
});

describe("a campaign written in Arabic", () => {
  it("sets its story right to left, each line ending at the right margin", async () => {
    await stores().campaigns.upsertCampaign({
      slug: "arabic-campaign",
      locale: "ar",
      title: "أنقذوا المدرسة",
      ask: "نطالب المجلس بإبقاء المدرسة مفتوحة.",
      goal: 1000,
      storyHeadline: "مدرسة الحي",
      storyMarkdown: "درس فيها أكثر من ٣٠٠ طفل منذ عام 1998، وهي اليوم مهددة بالإغلاق. ".repeat(6),
    });
    const found = await deliveryReport("arabic-campaign", { actor: "owner@example.org", includeNames: false });
    const pages = await pdfPlacedRuns(await bytesOf(found!.chunks));
    const story = pages.flat().filter((run) => run.str.includes("الإغلاق") || run.str.includes("مهددة"));
    expect(story.length).toBeGreaterThan(2);
    // A4 is 595.28 points wide, with a margin of 56 each side.
    // pdfjs's widths of shaped Arabic are its own estimate, a point or two off pdfkit's.
    const arabic = pages.flat().filter((run) => /[\u0600-\u06ff]/.test(run.str));
    const lineEnds = arabic.filter((run) => Math.abs(run.x + run.width - (595.28 - 56)) < 3);
    // The title, the ask, the headline and the story's lines: at least three of those.
    expect(lineEnds.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...arabic.map((run) => run.x + run.width))).toBeLessThan(595.28 - 56 + 3);
    expect(Math.min(...arabic.map((run) => run.x))).toBeGreaterThanOrEqual(56 - 0.5);
  });
});

describe("a long list of names", () => {
  it("is read from the database a batch at a time as the download goes, never all at once", async () => {
    const campaign = await stores().campaigns.readCampaignStanding(slug);
    await stores().signatures.insertSeedSignatures(campaign!.id, 20_000, syntheticSigner);
    const found = await deliveryReport(slug, { actor: "owner@example.org", includeNames: true });
    const parts: Uint8Array[] = [];
    let signedLate = false;
    for await (const chunk of found!.chunks) {
      parts.push(chunk);
      // Well into the list: a signer who comes now is after every name read so far.
      if (!signedLate && parts.length > 200) {
        await signCampaign(slug, { fullName: "Late Signer", email: "late@example.org", country: "NO" });
        signedLate = true;
      }
    }
    expect(signedLate).toBe(true);
    const pdf = Buffer.concat(parts);
    const pages = await pdfPages(pdf);
    const text = pages.join(" ");
    expect(text).toContain("Late Signer Norway");
    const confirmed = storedRows<{ n: number }>("select count(*) as n from signatures where status = 'confirmed'")[0]!.n;
    // The last of the seeded signers, in its place near the end.
    expect(syntheticSigner(19_975).fullName).toBe("Amina García");
    expect(pages.at(-1)).toContain("Amina García");
    expect(confirmed).toBeGreaterThan(20_000);
    expect(pages.length).toBeGreaterThan(150);
  }, 120_000);
});
