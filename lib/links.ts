import { config } from "./config";
import { defaultLocale, type Locale } from "./domain/locales";

/** Links that leave the site (in emails) must be absolute; on the site a path is enough. */
function site(path: string): string {
  return `${config().PUBLIC_URL ?? ""}${path}`;
}

// Each link carries the language its page should speak: the signer's, as their emails do.
export const confirmLink = (token: string, locale: Locale) => site(`/${locale}/confirm/${token}`);
export const confirmByCodeLink = (slug: string, locale: Locale) => site(`/${locale}/p/${slug}/confirm`);
/** Without a locale, the English page: for callers that know no signer's language. */
export const withdrawLink = (token: string, locale: Locale = defaultLocale) => site(`/${locale}/withdraw/${token}`);
/** A campaign's page, carrying a signer's referral code when they are the one sharing it. */
export const shareLink = (slug: string, locale: Locale, referralCode?: string) =>
  site(`/${locale}/p/${slug}${referralCode ? `?ref=${encodeURIComponent(referralCode)}` : ""}`);
/** Where an invited organiser sets their password: the token is the invitation's only key. */
export const invitationLink = (token: string) => site(`/admin/invitation/${token}`);
/** A signer's receipt: the salt after the #, which browsers never send, so the server never sees which receipt is read. */
export const receiptLink = (slug: string, locale: Locale, receiptSalt: string) => site(`/${locale}/p/${slug}/receipt#${receiptSalt}`);
