import type { ConfirmationSecret } from "@/lib/domain/ports/signatures";
import { confirmByCodeLink, confirmLink } from "./links";
import type { Locale } from "./domain/locales";
import { secretKey } from "./secrets";
import { hashToken, hmac, randomToken, sixDigitCode } from "./tokens";

export const confirmationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
/** A pending signer may have the link sent again this many times in all, a minute apart. */
export const resendLimits = { maxSends: 5, minIntervalMs: 60_000 };

/** The code's hash is bound to the campaign and address, so a code works for that signature only. */
export function confirmationCodeHash(campaignId: number, key: string, code: string): string {
  return hmac(secretKey("confirmation-code"), `${campaignId}:${key}:${code}`);
}

/**
 * A new link and code for a pending signature: what the database keeps (hashes only) and what
 * the email carries, its links to pages in the signer's language.
 */
export function newConfirmation(
  campaign: { id: number; slug: string },
  key: string,
  now: Date,
  locale: Locale,
): { secret: ConfirmationSecret; links: { confirmUrl: string; code: string; codeUrl: string } } {
  const token = randomToken();
  const code = sixDigitCode();
  return {
    secret: {
      tokenHash: hashToken(token),
      codeHash: confirmationCodeHash(campaign.id, key, code),
      expiresAt: new Date(now.getTime() + confirmationLifetimeMs),
    },
    links: { confirmUrl: confirmLink(token, locale), code, codeUrl: confirmByCodeLink(campaign.slug, locale) },
  };
}
