import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";
import { campaignStatus } from "./campaign-status";
import { signCampaign } from "./signatures";
import { describeWithdrawal } from "./withdrawals";

const slug = "white-helmets";
const elsewhere = 325_000;

const signer = (email: string, extra: Record<string, unknown> = {}) => ({
  fullName: "Amina Khalil",
  email,
  country: "SY",
  ...extra,
});

const storedCount = () => storedRow<{ n: number }>("select count(*) as n from signatures")!.n;

beforeAll(prepareDatabase);

describe("signCampaign", () => {
  it("stores a signature and numbers the signer after those gathered elsewhere", async () => {
    const before = (await campaignStatus(slug))!.total;
    const outcome = await signCampaign(slug, signer("first@example.org", { showName: "on", comment: "  For Aleppo.  " }));
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before + 1 });

    const row = storedRow("select * from signatures where email = ?", "first@example.org");
    expect(row).toMatchObject({ full_name: "Amina Khalil", country: "SY", comment: "For Aleppo.", show_name: 1, wants_updates: 0 });
  });

  it("answers a second signature from the same mailbox as a first, however it is typed, and stores nothing more", async () => {
    const first = await signCampaign(slug, signer("Raed.Saleh@gmail.com"));
    const before = (await campaignStatus(slug))!;
    const rows = storedCount();
    const again = await signCampaign(slug, signer("  raedsaleh+nobel@GoogleMail.com ", { fullName: "Raed Saleh" }));
    // The same shape, a plausible number, a token like a real one: nothing tells anyone the address had signed.
    const tokens = {
      withdrawToken: expect.stringMatching(/^[\w-]{48}$/),
      referralCode: expect.stringMatching(/^[\w-]{16}$/),
      referralStatsToken: expect.stringMatching(/^[\w-]{48}$/),
      receiptSalt: expect.stringMatching(/^[0-9a-f]{64}$/),
    };
    expect(again).toEqual({ kind: "signed", signerNumber: before.total + 1, ...tokens });
    expect(first).toEqual({ kind: "signed", signerNumber: expect.any(Number), ...tokens });
    if (again.kind !== "signed" || first.kind !== "signed") return;
    // Its receipt salt is none of the first signature's, so its receipt link finds no entry.
    expect(again.receiptSalt).not.toBe(first.receiptSalt);
    expect(storedRows("select receipt_salt from signatures where receipt_salt = ?", again.receiptSalt)).toEqual([]);
    // Its token opens nothing, so a repeat cannot be used to withdraw the real signature.
    expect(await describeWithdrawal(again.withdrawToken)).toBeUndefined();
    expect(await describeWithdrawal(first.withdrawToken)).toMatchObject({ status: "confirmed" });
    expect(storedCount()).toBe(rows);
    expect(await campaignStatus(slug)).toEqual(before);
  });

  it("waits for confirmation when a signature is written without a status: the schema fails closed", () => {
    writeRows(
      `insert into signatures (petition_id, full_name, email, email_key, email_domain, country, signed_at)
       select id, 'No Status', 'no-status@example.org', 'no-status@example.org', 'example.org', 'SY', ? from petitions where slug = ?`,
      new Date(),
      slug,
    );
    try {
      expect(storedRows("select status from signatures where email = ?", "no-status@example.org")).toEqual([{ status: "pending" }]);
    } finally {
      writeRows("delete from signatures where email = ?", "no-status@example.org");
    }
  });

  it("stores the email as typed, trimmed, while matching on the normalised key", async () => {
    await signCampaign(slug, signer("  Mixed.Case@Example.ORG "));
    const row = storedRow("select email, email_key from signatures where email_key = ?", "mixed.case@example.org");
    expect(row).toEqual({ email: "Mixed.Case@Example.ORG", email_key: "mixed.case@example.org" });
  });

  it("accepts names in any script", async () => {
    for (const [i, fullName] of ["رائد الصالح", "王小明", "Zoë Ñúñez-Ågren", "Ḱhālid ibn Wālid"].entries()) {
      expect((await signCampaign(slug, signer(`script${i}@example.org`, { fullName }))).kind).toBe("signed");
    }
  });

  it("returns every field's problem and stores nothing for invalid input", async () => {
    const rows = storedCount();
    const outcome = await signCampaign(slug, { fullName: "   ", email: "not-an-email", country: "XX", comment: "x".repeat(501) });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(Object.keys(outcome.errors).sort()).toEqual(["comment", "country", "email", "fullName"]);
    expect(storedCount()).toBe(rows);
  });

  it("answers not-found for a campaign that does not exist", async () => {
    expect(await signCampaign("no-such-campaign", signer("nobody@example.org"))).toEqual({ kind: "not-found" });
  });

  it("keeps the counter equal to the stored rows plus those gathered elsewhere", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => signCampaign(slug, signer(`many${i}@example.org`))));
    const status = (await campaignStatus(slug))!;
    expect(status.signaturesHere).toBe(storedCount());
    expect(status.total).toBe(storedCount() + elsewhere);
  });

  it("stores exactly one row when 50 attempts with one email race from separate processes", async () => {
    const run = promisify(execFile);
    const email = "racer@example.org";
    const processes = 10;
    const startAt = Date.now() + 4000;
    const results = await Promise.all(
      Array.from({ length: processes }, () =>
        run(process.execPath, ["--import", "tsx", "test/race-signer.ts", slug, email, "5", String(startAt)], {
          env: process.env,
        }),
      ),
    );
    const outcomes = results.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    // Every attempt is answered as a first signature would be; the unique index keeps one row.
    expect(outcomes).toEqual(Array.from({ length: 50 }, () => "signed"));

    expect(storedRow("select count(*) as n from signatures where email_key = ?", email)).toEqual({ n: 1 });
    expect((await campaignStatus(slug))!.signaturesHere).toBe(storedCount());
  }, 60_000);
});
