import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRows } from "@/test/database";
import { linksIn } from "@/test/smtp-sink";
import { confirmWithLink } from "../confirmations";
import { mailStatus } from "../dashboard";
import { signCampaign } from "../signatures";
import { logger } from "../log";
import { withdraw } from "../withdrawals";
import { mailWorker } from "./outbox-worker";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";

type OutboxRow = {
  attempts: number;
  last_error: string | null;
  body: string;
  sent_at: number | null;
  failed_at: number | null;
  next_attempt_at: number;
};

const outboxFor = (email: string) => {
  const [row] = storedRows<OutboxRow>(
    "select attempts, last_error, body, sent_at, failed_at, next_attempt_at from outbox where to_address = ?",
    email,
  );
  return row!;
};

/** Lets the clock reach the message's next attempt, as the worker's timer would, and runs the worker. */
async function retryWhenDue(email: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(outboxFor(email).next_attempt_at + 1000);
  mailWorker().kick();
  await mailWorker().idle();
}

const problemsFor = async (email: string) => {
  const status = await mailStatus("owner");
  return status.configured && status.recipients === "shown" ? status.problems.filter((p) => p.toAddress === email) : [];
};

beforeAll(prepareDatabase);
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("the mail worker", () => {
  it("keeps a signature whose email was refused, shows the failure, and delivers it when the retry comes due", async () => {
    const email = "hana@example.org";
    const logged = vi.spyOn(logger(), "error").mockImplementation(() => {});
    sink.refuseNext(1);
    expect(await signCampaign(slug, { fullName: "Hana Yusuf", email, country: "SY" })).toEqual({ kind: "pending" });
    await mailWorker().idle();

    expect(sink.refused).toEqual([[email]]);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ attempt: 1, err: expect.objectContaining({ message: expect.stringContaining("451") }) }),
      "sending mail failed",
    );
    expect(storedRows("select status from signatures where email = ?", email)).toEqual([{ status: "pending" }]);
    expect(outboxFor(email)).toMatchObject({ attempts: 1, last_error: expect.stringContaining("451"), sent_at: null, failed_at: null });
    expect(await problemsFor(email)).toEqual([expect.objectContaining({ attempts: 1, lastError: expect.stringContaining("451") })]);

    // Not due yet: a kick now must not resend.
    mailWorker().kick();
    await mailWorker().idle();
    expect(outboxFor(email).attempts).toBe(1);

    await retryWhenDue(email);
    const mail = await sink.waitFor(email);
    // A sent message's links should not sit in the database.
    expect(outboxFor(email)).toMatchObject({ attempts: 2, last_error: null, body: "", sent_at: expect.any(Number) });
    expect(await problemsFor(email)).toEqual([]);
    expect(await confirmWithLink(linksIn(mail).confirmToken!)).toMatchObject({ kind: "confirmed", firstName: "Hana" });
  });

  it("gives up after six refused attempts, tells the organisers, and still keeps the signature", async () => {
    const email = "karim@example.org";
    vi.spyOn(logger(), "error").mockImplementation(() => {});
    sink.refuseNext(6);
    await signCampaign(slug, { fullName: "Karim Nasser", email, country: "LB" });
    await mailWorker().idle();
    for (let attempt = 2; attempt <= 6; attempt++) {
      await retryWhenDue(email);
      expect(outboxFor(email).attempts).toBe(attempt);
    }

    expect(sink.refused.filter(([to]) => to === email)).toHaveLength(6);
    expect(outboxFor(email)).toMatchObject({ failed_at: expect.any(Number), sent_at: null });
    expect(await problemsFor(email)).toEqual([expect.objectContaining({ attempts: 6, failedAt: expect.any(Date) })]);
    expect(storedRows("select status from signatures where email = ?", email)).toEqual([{ status: "pending" }]);

    // Given up means given up: a day later nothing is tried again.
    vi.setSystemTime(Date.now() + 24 * 60 * 60 * 1000);
    mailWorker().kick();
    await mailWorker().idle();
    expect(outboxFor(email).attempts).toBe(6);
    expect(sink.received(email)).toEqual([]);
  });

  it("still delivers the next signer's email when a signer withdraws while their own is being handed over", async () => {
    sink.holdReplies();
    await signCampaign(slug, { fullName: "Leila Amin", email: "leila@example.org", country: "SY" });
    const leilas = await sink.waitFor("leila@example.org");
    expect(await withdraw(linksIn(leilas).withdrawToken!)).toMatchObject({ slug });

    await signCampaign(slug, { fullName: "Bassam Odeh", email: "bassam@example.org", country: "JO" });
    sink.releaseReplies();
    await mailWorker().idle();

    // His signing kicked the worker, so by now his email has gone, and the outbox may say "sent"
    // only for a message that really reached the server.
    const [row] = storedRows<{ sent_at: number | null }>("select sent_at from outbox where to_address = ?", "bassam@example.org");
    const delivered = sink.received("bassam@example.org").length;
    expect({ markedSent: row?.sent_at !== null, delivered }).toEqual({ markedSent: true, delivered: 1 });
  });
});
