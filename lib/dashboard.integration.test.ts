import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "@/test/database";
import { pdfRuns } from "@/test/pdf-text";
import { linksIn } from "@/test/smtp-sink";
import { campaignFigures } from "./campaign-figures";
import { chartCsv, type ChartFile } from "./chart-csv";
import { confirmWithLink } from "./confirmations";
import { campaignDashboard, mailStatus } from "./dashboard";
import { deliveryReport } from "./delivery-report/delivery-report";
import { importHistory } from "./imports/import-history";
import { logger } from "./log";
import { mailWorker } from "./mail/outbox-worker";
import { signCampaign } from "./signatures";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const bounced = { fullName: "Nour Haddad", email: "bounce-nour.haddad@example.org", country: "LB" };
const confirmed = { fullName: "Samir Aziz", email: "samir.aziz@example.org", country: "SY", showName: "on" };
const charts: ChartFile[] = ["per-hour.csv", "per-day.csv", "countries.csv", "referrals.csv", "fill-time.csv"];

/** Whatever a text shows of either signer: their names, their addresses, or any address at all. */
function expectNoSigner(text: string) {
  for (const value of ["Nour", "Haddad", "Samir", "Aziz", bounced.email, confirmed.email, "@"]) expect(text).not.toContain(value);
}

beforeAll(async () => {
  await prepareDatabase();
  vi.spyOn(logger(), "error").mockImplementation(() => {});
  // A mistyped address bounces, as they routinely do: the server's answer quotes it.
  sink.refuseMailboxes(/^bounce-/);
  await signCampaign(slug, bounced);
  await signCampaign(slug, confirmed);
  await mailWorker().idle();
  expect(await confirmWithLink(linksIn(await sink.waitFor(confirmed.email)).confirmToken!)).toMatchObject({ kind: "confirmed" });
});
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("what a viewer's dashboard is given", () => {
  it("says that a message failed, and when, but neither whom it was for nor the server's answer", async () => {
    const status = await mailStatus("viewer");
    expect(status).toMatchObject({ configured: true, recipients: "hidden", problems: [expect.objectContaining({ kind: "confirmation", attempts: 1 })] });
    expectNoSigner(JSON.stringify(status));
    // The server's answer, by its words rather than its code: "550" can be any timestamp's milliseconds.
    for (const words of ["Recipient address rejected", "User unknown", "5.1.1"]) expect(JSON.stringify(status)).not.toContain(words);
  });

  it("still gives owners and editors the recipient and the error, to put the address right", async () => {
    for (const role of ["owner", "editor"] as const) {
      const status = await mailStatus(role);
      expect(status).toMatchObject({
        recipients: "shown",
        problems: [expect.objectContaining({ toAddress: bounced.email, lastError: expect.stringContaining(`550 5.1.1 <${bounced.email}>`) })],
      });
    }
  });

  it("names no signer in the counts, the charts, their CSVs, the imports or the report without names", async () => {
    const shown = {
      dashboard: await campaignDashboard(slug, new Date(), 0),
      figures: await campaignFigures(slug),
      imports: await importHistory(slug),
      csv: await Promise.all(charts.map(async (file) => (await chartCsv(slug, file))!.csv)),
    };
    expect(shown.dashboard).toMatchObject({ signaturesHere: 1, signaturesPending: 1, signatures: [] });
    expectNoSigner(JSON.stringify(shown));

    const report = await deliveryReport(slug, { actor: "viewer@example.org", includeNames: false });
    const parts: Uint8Array[] = [];
    for await (const chunk of report!.chunks) parts.push(chunk);
    const runs = (await pdfRuns(Buffer.concat(parts))).flat().join(" ");
    expect(runs).toContain("Petition delivery report");
    expectNoSigner(runs);
  });
});
