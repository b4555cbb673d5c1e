import { stores } from "./stores";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRows, writeRows } from "@/test/database";
import { startSession } from "./auth/sessions";
import { createOrganiser } from "./auth/organiser-accounts";
import { campaignDashboard } from "./dashboard";
import { campaignStatus } from "./campaign-status";
import { applyRetention } from "./retention";
import { newReceiptSalt } from "@/lib/receipts";

const slug = "white-helmets";
const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);

async function store(email: string, status: "pending" | "confirmed", signedAt: Date, extras: { linkExpires?: Date } = {}) {
  const campaign = (await stores().campaigns.readCampaignStanding(slug))!;
  return stores().signatures.insertSignature(
    { campaignId: campaign.id, status, fullName: "Kept Signer", email, emailKey: email, emailDomain: "example.org", country: "SY", clientAddress: "203.0.113.9", signedAt, receiptSalt: newReceiptSalt() },
    extras.linkExpires ? { confirmation: { tokenHash: `t-${email}`, codeHash: "c", expiresAt: extras.linkExpires } } : {},
  );
}

/** Writes rows the app makes elsewhere (mail records, limit records) straight into the database. */
const write = writeRows;

beforeAll(prepareDatabase);

describe("the daily retention job", () => {
  it("deletes what is no longer needed, keeps what is, leaves the counts true, and logs only counts", async () => {
    await store("expired-link@example.org", "pending", daysAgo(8), { linkExpires: daysAgo(1) });
    await store("live-link@example.org", "pending", daysAgo(2), { linkExpires: daysAgo(-5) });
    await store("no-link@example.org", "pending", daysAgo(8));
    await store("old@example.org", "confirmed", daysAgo(40));
    await store("recent@example.org", "confirmed", daysAgo(3));
    for (const [to, sent, failed] of [["sent-long-ago@example.org", daysAgo(8), null], ["sent-lately@example.org", daysAgo(1), null], ["failed-long-ago@example.org", null, daysAgo(31)]] as const) {
      write("insert into outbox (kind, to_address, subject, body, next_attempt_at, created_at, sent_at, failed_at) values ('note', ?, 's', '', ?, ?, ?, ?)", to, daysAgo(40), daysAgo(40), sent, failed);
    }
    write("insert into rate_limits (key, points, expire) values ('sign-address:203.0.113.9', 3, ?), ('sign-address:203.0.113.10', 1, ?)", daysAgo(1).getTime(), daysAgo(-1).getTime());
    await createOrganiser("retention@example.org", "retention organiser password", "viewer");
    const organiserId = storedRows<{ id: number }>("select id from admins where email = ?", "retention@example.org")[0]!.id;
    await startSession(organiserId, daysAgo(2));
    const before = (await campaignStatus(slug))!;

    const report = await applyRetention(now);

    expect(report).toEqual({ unconfirmed: 2, clientAddresses: 1, mailRecords: 2, limitRecords: 1, sessions: 1 });
    const emails = storedRows<{ email: string; client_address: string | null }>("select email, client_address from signatures order by id");
    expect(emails).toEqual([
      { email: "live-link@example.org", client_address: "203.0.113.9" },
      { email: "old@example.org", client_address: null },
      { email: "recent@example.org", client_address: "203.0.113.9" },
    ]);
    expect(storedRows("select to_address from outbox")).toEqual([{ to_address: "sent-lately@example.org" }]);
    expect(storedRows("select key from rate_limits")).toEqual([{ key: "sign-address:203.0.113.10" }]);
    expect((await campaignStatus(slug))!.total).toBe(before.total);
    expect((await campaignDashboard(slug, now))!.signaturesPending).toBe(1);

    const [audit] = storedRows<{ actor: string; detail: string; row_count: number }>("select actor, detail, row_count from audit_events where action = 'retention'");
    expect(audit).toMatchObject({ actor: "Countersign", row_count: 7 });
    expect(audit!.detail).not.toMatch(/@|203\.0/);
  });
});

describe("periodic jobs", () => {
  it("are handed to one claimant per run, and again once the interval has passed", async () => {
    const claims = await Promise.all([1, 2, 3].map(() => stores().housekeeping.claimJobRun("test-job", 60_000, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await stores().housekeeping.claimJobRun("test-job", 60_000, new Date(now.getTime() + 59_000))).toBe(false);
    expect(await stores().housekeeping.claimJobRun("test-job", 60_000, new Date(now.getTime() + 60_000))).toBe(true);
  });
});
