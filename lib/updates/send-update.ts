import { stores } from "@/lib/stores";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { recordAudit } from "../audit";
import { mailWorker } from "../mail/outbox-worker";
import { sealMail } from "../mail/sealed-mail";
import { decoyUnsubscribeToken, unsubscribePageLink } from "./unsubscribe";
import type { UpdateDraft } from "./update-draft";
import { testUpdateMessage } from "./update-message";

// Signatures walked per transaction: a few milliseconds of SQLite's one writer, so signing between
// two ranges waits no longer than that (bench/update-send.ts measures it).
export const queueBatchSize = 500;

export type SendOutcome = { kind: "sent"; updateId: number; recipients: number } | { kind: "unknown-campaign" };

/**
 * Queues the update for every signer it may reach (the store's rule: asked for updates, address
 * proved by email or import, not unsubscribed), a range of ids at a time, yielding between ranges.
 * Resumes from where the database says it stopped. `onRange` hears how long each range's
 * transaction took (bench/update-send.ts).
 */
export async function queueUpdate(updateId: number, now = new Date(), onRange?: (ms: number) => void): Promise<number> {
  let queued = 0;
  for (;;) {
    const started = performance.now();
    const step = await stores().updates.queueUpdateBatch(updateId, queueBatchSize, now);
    onRange?.(performance.now() - started);
    queued += step.queued;
    if (step.queued > 0) mailWorker().kick();
    if (step.done) return queued;
    await yieldToOthers();
  }
}

/** Stores the update, records who sent it, and queues it for its signers. */
export async function sendUpdate(slug: string, draft: UpdateDraft, actor: string, now = new Date()): Promise<SendOutcome> {
  const campaign = await stores().campaigns.findCampaign(slug);
  if (!campaign) return { kind: "unknown-campaign" };
  const updateId = await stores().updates.insertUpdate({ campaignId: campaign.id, ...draft, sentBy: actor, createdAt: now });
  // Recorded before queuing, so a crash mid-queue (finished later by the periodic job) is still on record.
  await recordAudit({
    actor,
    action: "send-update",
    campaignSlug: slug,
    detail: `update #${updateId}: ${draft.subject}`,
    rowCount: await stores().updates.countUpdateRecipients(campaign.id),
  });
  const recipients = await queueUpdate(updateId, now);
  return { kind: "sent", updateId, recipients };
}

/** Sends the draft to the organiser alone, through the outbox like any mail, marked as a test. */
export async function sendTestUpdate(slug: string, draft: UpdateDraft, organiserEmail: string, now = new Date()): Promise<boolean> {
  const campaign = await stores().campaigns.findCampaign(slug);
  if (!campaign) return false;
  await stores().mail.enqueueMail(
    sealMail(
      testUpdateMessage({
        toAddress: organiserEmail,
        fullName: "",
        locale: campaign.locale,
        campaignTitle: campaign.title,
        subject: draft.subject,
        bodyMarkdown: draft.bodyMarkdown,
        unsubscribeUrl: unsubscribePageLink(decoyUnsubscribeToken(), campaign.locale),
      }),
    ),
    now,
  );
  mailWorker().kick();
  await recordAudit({ actor: organiserEmail, action: "test-update", campaignSlug: slug, detail: `test of: ${draft.subject}`, rowCount: 1 });
  return true;
}

/** How many signers "Send" would reach now. */
export async function updateRecipientCount(slug: string): Promise<number | undefined> {
  const campaign = await stores().campaigns.findCampaign(slug);
  return campaign ? stores().updates.countUpdateRecipients(campaign.id) : undefined;
}

/** Finishes queuing any update a crash cut short; run by one process at a time (lib/housekeeping.ts). */
export async function resumeUpdateQueues(now = new Date()): Promise<number> {
  let queued = 0;
  for (const id of await stores().updates.listUnqueuedUpdates()) queued += await queueUpdate(id, now);
  return queued;
}
