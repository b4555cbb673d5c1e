import { stores } from "./stores";
import type { ConfirmOutcome } from "@/lib/domain/ports/signatures";
import { emailKey } from "./domain/email-key";
import { liveHub } from "./live-hub";
import { confirmationCodeHash } from "./confirmation-secrets";
import type { Locale } from "./domain/locales";
import { campaignTitles } from "./campaign-for-signing";
import { localizedTitle } from "./campaign-text";
import { newReceiptSalt } from "./receipts";
import { referralCode, referralStatsToken } from "./referrals";
import { hashToken, sameSecret } from "./tokens";

export const maxCodeAttempts = 5;

/** `referralCode` and `referralStatsToken` are the signer's, as signing without confirmation gives them (lib/referrals.ts);
 * `receiptSalt` makes their receipt link (lib/links.ts, receiptLink). */
export type Confirmation =
  | { kind: "confirmed"; slug: string; signerNumber: number; firstName: string; referralCode: string; referralStatsToken: string; receiptSalt: string }
  | { kind: "unknown" | "expired" | "locked" | "wrong-code" };

function settle(outcome: ConfirmOutcome): Confirmation {
  if (outcome.kind !== "confirmed") return outcome;
  liveHub().notify(outcome.slug);
  return {
    kind: "confirmed",
    slug: outcome.slug,
    signerNumber: outcome.signaturesElsewhere + outcome.signerNumber,
    firstName: outcome.fullName.trim().split(/\s+/)[0] ?? "",
    referralCode: referralCode(outcome.signatureId),
    referralStatsToken: referralStatsToken(outcome.signatureId),
    // A row from before the log kept no salt until its migration gave it one; a fresh one then matches nothing, as a decoy.
    receiptSalt: outcome.receiptSalt ?? newReceiptSalt(),
  };
}

/**
 * What the link's page shows, the title in `locale` where the campaign has it; opening it changes
 * nothing, since mail scanners open links too.
 */
export async function describeConfirmationLink(token: string, locale?: Locale, now = new Date()) {
  const found = await stores().signatures.findConfirmationByToken(hashToken(token));
  if (!found) return { kind: "unknown" as const };
  const title = await titleIn(found.slug, found.title, locale);
  if (found.expiresAt <= now) return { kind: "expired" as const, slug: found.slug, title };
  return { kind: "valid" as const, slug: found.slug, title };
}

async function titleIn(slug: string, original: string, locale: Locale | undefined): Promise<string> {
  const titles = locale && (await campaignTitles.get(slug));
  return titles ? localizedTitle(titles, locale) : original;
}

/** The button's POST: confirms once, and the count moves at that moment. */
export async function confirmWithLink(token: string, now = new Date()): Promise<Confirmation> {
  return settle(await stores().signatures.confirmByToken(hashToken(token), now));
}

/** The fallback for people who cannot click links: the six-digit code from the same email. */
export async function confirmWithCode(slug: string, email: string, code: string, now = new Date()): Promise<Confirmation> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign || !/^\d{6}$/.test(code.trim())) return { kind: campaign ? "wrong-code" : "unknown" };
  const key = emailKey(email);
  const expected = confirmationCodeHash(campaign.id, key, code.trim());
  return settle(await stores().signatures.confirmByCode(campaign.id, key, (stored) => sameSecret(stored, expected), now, maxCodeAttempts));
}
