import { stores } from "./stores";
import { checkForm } from "./bot-checks";
import { isClosed, isPublished } from "./campaign-state";
import { mailConfigured } from "./config";
import { newConfirmation, resendLimits } from "./confirmation-secrets";
import { emailDomain, emailKey } from "./domain/email-key";
import { emailRefusal } from "./email-policy";
import { receiptLink, shareLink, withdrawLink } from "./links";
import { liveHub } from "./live-hub";
import type { Locale } from "./domain/locales";
import { campaignForSigning, campaignTitles } from "./campaign-for-signing";
import { localizedTitle } from "./campaign-text";
import { alreadySignedMessage, confirmationMessage, thankYouMessage } from "./mail/messages";
import { mailWorker } from "./mail/outbox-worker";
import { sealMail } from "./mail/sealed-mail";
import type { CampaignStanding, SignatureStatus } from "./domain/model";
import { signingLimits } from "./rate-limit";
import { decoyReferral, referralCode, referralStatsToken, referrerFrom } from "./referrals";
import { newReceiptSalt } from "./receipts";
import { newReason } from "./reasons";
import { fieldErrors, signatureInput, type SignatureFieldErrors } from "./signature-input";
import type { ExistingSignature, RepeatPlan } from "@/lib/domain/ports/signatures";
import { decoySealedId } from "./tokens";
import { withdrawToken } from "./withdrawals";

export type SignContext = {
  clientAddress?: string;
  /** The form's bot traps; the JSON API has none and relies on the rate limits. */
  form?: { honeypot?: unknown; formToken?: unknown };
  /** The language signed in, and so of every email to the signer; the campaign's own when not given. */
  locale?: Locale;
  /** The `ref` of the share link the signer came by, as it arrived; anything but a code of ours is ignored. */
  referral?: unknown;
  now?: Date;
};

/**
 * What a signer is told. A repeat signature gets the same answer as a first one, and a suspected
 * bot the answer a person would get, so no answer tells anyone whether an address had signed.
 */
export type SignOutcome =
  | { kind: "invalid"; errors: SignatureFieldErrors }
  | { kind: "not-found" }
  /** The campaign has closed: its page and count stay, and it takes no new signatures. */
  | { kind: "closed" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  /** The form was open too long; it comes back with every value, to be sent again. */
  | { kind: "form-expired" }
  /**
   * `referralCode` goes in the signer's own share links; `referralStatsToken` is theirs alone, to
   * read how many those links brought (lib/referrals.ts).
   */
  | { kind: "signed"; signerNumber: number; withdrawToken: string; referralCode: string; referralStatsToken: string; receiptSalt: string }
  | { kind: "pending" };

/** Whom the emails go to, and what they signed, in the language they signed in. */
type Recipient = { toAddress: string; fullName: string; campaignTitle: string; locale: Locale; slug: string };

export const confirmationRequired = (campaign: Pick<CampaignStanding, "requireConfirmation">) =>
  campaign.requireConfirmation && mailConfigured();

/**
 * Validates a signer's input and stores it once per email; the count moves in the same
 * transaction. With confirmation on, the signature waits for the emailed link and every answer is
 * "check your email", whether or not the address had signed before.
 */
export async function signCampaign(slug: string, raw: unknown, context: SignContext = {}): Promise<SignOutcome> {
  const now = context.now ?? new Date();
  const parsed = signatureInput.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };

  // Read at most a second ago (lib/campaign-for-signing.ts): a campaign published, taken down or
  // closed in another process stops or starts taking signatures within that second.
  const campaign = await campaignForSigning.get(slug);
  if (!campaign || !isPublished(campaign)) return { kind: "not-found" };
  if (isClosed(campaign, now)) return { kind: "closed" };

  const form = context.form ? checkForm(context.form, now.getTime()) : undefined;
  if (form?.kind === "expired") return { kind: "form-expired" };

  const input = parsed.data;
  const key = emailKey(input.email);
  const domain = emailDomain(input.email);
  const refusal = await emailRefusal(key, domain);
  if (refusal) return { kind: "invalid", errors: { email: refusal } };

  const locale = context.locale ?? campaign.locale;
  const confirming = confirmationRequired(campaign);
  const status: SignatureStatus = form?.kind === "suspected" ? "suspected" : confirming ? "pending" : "confirmed";
  const values = {
    campaignId: campaign.id,
    status,
    fullName: input.fullName,
    email: input.email,
    emailKey: key,
    emailDomain: domain,
    country: input.country,
    comment: input.comment,
    showName: input.showName,
    wantsUpdates: input.wantsUpdates,
    clientAddress: context.clientAddress,
    fillMs: form?.kind === "suspected" || form?.kind === "person" ? form.fillMs : undefined,
    locale,
    referrerId: referrerFrom(context.referral),
    receiptSalt: newReceiptSalt(),
    signedAt: now,
  };
  // A suspected signature is kept for the organisers to judge and sends no mail: a bot must not
  // be able to make us write to an address it typed.
  const mails = status !== "suspected" && mailConfigured();
  const titles = mails ? await campaignTitles.get(slug) : undefined;
  const title = titles ? localizedTitle(titles, locale) : campaign.title;
  const to: Recipient = { toAddress: input.email, fullName: input.fullName, campaignTitle: title, locale, slug };
  const confirmation = status === "pending" ? newConfirmation(campaign, key, now, locale) : undefined;

  const outcome = await stores().signatures.insertSignature(values, {
    confirmation: confirmation?.secret,
    mail: !mails
      ? undefined
      : confirmation
        ? ({ signatureId }) =>
            sealMail(
              confirmationMessage({
                ...to,
                ...confirmation.links,
                withdrawUrl: withdrawLink(withdrawToken(signatureId), locale),
                receiptUrl: receiptLink(slug, locale, values.receiptSalt),
              }),
            )
        : ({ signatureId, signerNumber }) =>
            sealMail(
              thankYouMessage({
                ...to,
                signerNumber: campaign.signaturesElsewhere + signerNumber,
                shareUrl: shareLink(slug, locale, referralCode(signatureId)),
                withdrawUrl: withdrawLink(withdrawToken(signatureId), locale),
                receiptUrl: receiptLink(slug, locale, values.receiptSalt),
              }),
            ),
    repeat: mails ? (existing) => repeatPlan(existing, campaign, to, key, now) : undefined,
    reason: await newReason(campaign.id, input.comment, input.reasonWithName),
    // Taken in the signature's own transaction (and batch), so a limit costs no write of its own.
    limits: signingLimits().charges(context.clientAddress, domain),
  });
  if (outcome.kind === "limited") return { kind: "rate-limited", retryAfterSeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) };
  if (mails) mailWorker().kick();

  if (confirming) return { kind: "pending" };
  if (outcome.kind === "signed" && status === "confirmed") {
    liveHub().notify(slug);
    return {
      kind: "signed",
      signerNumber: campaign.signaturesElsewhere + outcome.signerNumber,
      withdrawToken: withdrawToken(outcome.signatureId),
      referralCode: referralCode(outcome.signatureId),
      referralStatsToken: referralStatsToken(outcome.signatureId),
      receiptSalt: values.receiptSalt,
    };
  }
  // A repeat or a suspected bot: the answer a new signer would get, with a withdraw token that
  // opens nothing, a referral code and token of a signature that does not exist, and the number
  // the next signer would have. A suspected signature keeps its own receipt salt (its receipt
  // works if an organiser releases it); a repeat gets one of no entry, never the first's.
  const next = outcome.kind === "repeat" ? outcome.nextSignerNumber : outcome.signerNumber;
  const receiptSalt = outcome.kind === "signed" ? values.receiptSalt : newReceiptSalt();
  return { kind: "signed", signerNumber: campaign.signaturesElsewhere + next, withdrawToken: decoySealedId(), ...decoyReferral(), receiptSalt };
}

/**
 * What an address that has signed before gets instead: a new link while pending, a note once
 * confirmed. An imported address, where confirmation is asked, gets the link a first signer would:
 * pressing it makes the imported row the signer's own (db/signature-store.ts, confirm). Written in
 * the language of the form just sent, which answers the one who sent it.
 */
function repeatPlan(existing: ExistingSignature, campaign: CampaignStanding, to: Recipient, key: string, now: Date): RepeatPlan {
  const withdrawUrl = withdrawLink(withdrawToken(existing.id), to.locale);
  const claimable = existing.status === "confirmed" && existing.imported && confirmationRequired(campaign);
  if (existing.status === "pending" || claimable) {
    const { secret, links } = newConfirmation(campaign, key, now, to.locale);
    // The row's own receipt, which confirming it makes good (one from before the log has none until its migration ran).
    const receiptUrl = receiptLink(to.slug, to.locale, existing.receiptSalt ?? newReceiptSalt());
    return { kind: "renew-confirmation", confirmation: secret, mail: sealMail(confirmationMessage({ ...to, ...links, withdrawUrl, receiptUrl })), limits: resendLimits };
  }
  if (existing.status === "confirmed") {
    // One note a day at most, so signing with someone's address cannot flood their inbox.
    return { kind: "note", mail: sealMail(alreadySignedMessage({ ...to, withdrawUrl })), unlessQueuedSince: new Date(now.getTime() - 24 * 60 * 60 * 1000) };
  }
  return { kind: "nothing" };
}
