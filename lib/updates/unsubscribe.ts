import { stores } from "@/lib/stores";
import { config } from "../config";
import { defaultLocale, negotiateLocale, type Locale } from "../domain/locales";
import { secretKey } from "../secrets";
import { decoySealedId, openId, sealId } from "../tokens";

const purpose = "unsubscribe";

/**
 * The token in an update's unsubscribe links: the signature's id sealed with a key of its own
 * (AES-GCM, authenticated), so it names no one, cannot be forged or turned into a withdraw link,
 * and needs nothing stored. The unsubscribe it leads to is kept by address, not by signature.
 */
export function unsubscribeToken(signatureId: number): string {
  return sealId(secretKey(purpose), purpose, signatureId);
}

/** A token that opens to no signature, for a test message's links. */
export const decoyUnsubscribeToken = decoySealedId;

/** Whether the token is one this site made: the page offers its button only then. */
export function isUnsubscribeToken(token: string): boolean {
  return openId(secretKey(purpose), purpose, token) !== undefined;
}

const site = (path: string) => `${config().PUBLIC_URL ?? ""}${path}`;

/** The page a person opens from the email: one button, since mail scanners fetch links unasked. */
export const unsubscribePageLink = (token: string, locale: Locale) => site(`/${locale}/unsubscribe/${token}`);
/**
 * Where a browser that opened the one-click address is sent: the page with the button, in the
 * reader's language (chosen before, else their browser's, else the default). Not the signer's own:
 * that means reading the signature, and a landing that differed once it was withdrawn would tell.
 */
export const unsubscribePageFor = (token: string, reader: { cookie?: string; acceptLanguage?: string }) =>
  unsubscribePageLink(encodeURIComponent(token), negotiateLocale(reader, defaultLocale));
/** The one-click address (RFC 8058) mail programs POST to from List-Unsubscribe. */
export const oneClickUnsubscribeLink = (token: string) => site(`/api/unsubscribe/${token}`);

/**
 * Unsubscribes the token's signer from their campaign's updates, at once and for good. False only
 * for a token this site did not make; a signature since withdrawn reads as done like any other, so
 * the answer never tells whether the address is still subscribed, or still signed.
 */
export async function unsubscribe(token: string, now = new Date()): Promise<boolean> {
  const signatureId = openId(secretKey(purpose), purpose, token);
  if (signatureId === undefined) return false;
  await stores().updates.unsubscribeFromUpdates(signatureId, now);
  return true;
}
