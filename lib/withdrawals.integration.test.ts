import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { linksIn } from "@/test/smtp-sink";
import { confirmWithLink } from "./confirmations";
import { campaignDashboard } from "./dashboard";
import { mailWorker } from "./mail/outbox-worker";
import { campaignStatus } from "./campaign-status";
import { signCampaign } from "./signatures";
import { secretKey } from "./secrets";
import { sealId } from "./tokens";
import { describeWithdrawal, withdraw, withdrawToken as makeWithdrawToken } from "./withdrawals";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const title = "The White Helmets for the Nobel Peace Prize";
const status = async () => (await campaignStatus(slug))!;
const waiting = async () => (await campaignDashboard(slug))!.signaturesPending;

/** Signs, and returns the signature's id and the email the signer received. */
async function signAndReadMail(email: string, fullName: string) {
  expect(await signCampaign(slug, { fullName, email, country: "SY" })).toEqual({ kind: "pending" });
  const mail = await sink.waitFor(email);
  // Until the worker has recorded the delivery, a withdrawal races it (the outbox worker's tests show how).
  await mailWorker().idle();
  const [row] = storedRows<{ id: number }>("select id from signatures where email = ?", email);
  return { id: row!.id, ...linksIn(mail) };
}

/** Everything stored about one signature, in every table that refers to it. */
const traces = (id: number) => ({
  signatures: storedRows("select id from signatures where id = ?", id).length,
  confirmations: storedRows("select signature_id from confirmations where signature_id = ?", id).length,
  outbox: storedRows("select id from outbox where signature_id = ?", id).length,
});

beforeAll(prepareDatabase);
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("withdrawing a signature", () => {
  it("deletes a counted signature for good through the emailed link, which then works no more", async () => {
    const { id, confirmToken, withdrawToken } = await signAndReadMail("yara@example.org", "Yara Mansour");
    await confirmWithLink(confirmToken!);
    const before = await status();
    expect(await describeWithdrawal(withdrawToken!)).toEqual({ slug, title, status: "confirmed" });

    expect(await withdraw(withdrawToken!)).toEqual({ slug, title });
    expect(traces(id)).toEqual({ signatures: 0, confirmations: 0, outbox: 0 });
    expect(storedRows("select id from signatures where email = ?", "yara@example.org")).toEqual([]);
    const after = await status();
    expect(after.total).toBe(before.total - 1);
    expect(after.signaturesPending).toBe(before.signaturesPending);

    expect(await describeWithdrawal(withdrawToken!)).toBeUndefined();
    expect(await withdraw(withdrawToken!)).toBeUndefined();
    expect(await status()).toMatchObject({ total: after.total, signaturesPending: after.signaturesPending });
  });

  it("takes back a signature still waiting for confirmation, and its confirm link with it", async () => {
    const { id, confirmToken, withdrawToken } = await signAndReadMail("fadi@example.org", "Fadi Haddad");
    expect(traces(id)).toEqual({ signatures: 1, confirmations: 1, outbox: 1 });
    const before = await status();
    const waitingBefore = await waiting();

    expect(await withdraw(withdrawToken!)).toMatchObject({ slug });
    expect(traces(id)).toEqual({ signatures: 0, confirmations: 0, outbox: 0 });
    expect((await status()).total).toBe(before.total);
    expect(await waiting()).toBe(waitingBefore - 1);
    expect(await confirmWithLink(confirmToken!)).toEqual({ kind: "unknown" });
  });

  it("does nothing for a forged link, even one naming a real signature", async () => {
    const { id, confirmToken, withdrawToken } = await signAndReadMail("rima@example.org", "Rima Saad");
    await confirmWithLink(confirmToken!);
    const other = await signAndReadMail("tarek@example.org", "Tarek Aziz");
    const before = await status();
    const flipped = (token: string, at: number) =>
      `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;

    const forgeries = [
      flipped(withdrawToken!, 5),
      flipped(withdrawToken!, withdrawToken!.length - 1),
      withdrawToken!.slice(0, -2),
      `${withdrawToken}AA`,
      String(id),
      // The old shape: the id in the clear and a MAC.
      `${id}.${"0".repeat(32)}`,
      // The right id sealed with another purpose's key.
      sealId(secretKey("form-token"), "withdraw", id),
      sealId(secretKey("withdraw"), "confirm", id),
    ];
    for (const forged of forgeries) {
      expect(await describeWithdrawal(forged)).toBeUndefined();
      expect(await withdraw(forged)).toBeUndefined();
    }
    expect(traces(id).signatures).toBe(1);
    expect(traces(other.id).signatures).toBe(1);
    expect(await status()).toMatchObject({ total: before.total, signaturesPending: before.signaturesPending });
  });

  it("carries a link that says nothing of the signature: no id, and a different token in each email", async () => {
    const { id, withdrawToken } = await signAndReadMail("opaque@example.org", "Opaque Signer");
    expect(withdrawToken).toMatch(/^[\w-]{48}$/);
    const another = makeWithdrawToken(id);
    expect(another).not.toBe(withdrawToken);
    expect(await describeWithdrawal(another)).toEqual(await describeWithdrawal(withdrawToken!));
    expect(await describeWithdrawal(another)).toMatchObject({ slug, status: "pending" });
  });

  it("does not let a withdrawn signer's old link take back the signature of whoever signs next", async () => {
    const gone = await signAndReadMail("nadia@example.org", "Nadia Khoury");
    expect(await withdraw(gone.withdrawToken!)).toMatchObject({ slug });
    const next = await signAndReadMail("bilal@example.org", "Bilal Rahman");
    const before = await status();

    expect.soft(await describeWithdrawal(gone.withdrawToken!)).toBeUndefined();
    expect.soft(await withdraw(gone.withdrawToken!)).toBeUndefined();
    expect.soft(storedRows("select email from signatures where id = ?", next.id)).toEqual([{ email: "bilal@example.org" }]);
    expect.soft(await status()).toMatchObject({ total: before.total, signaturesPending: before.signaturesPending });
  });
});
