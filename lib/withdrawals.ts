import { stores } from "./stores";
import { liveHub } from "./live-hub";
import type { Locale } from "./domain/locales";
import { campaignTitles } from "./campaign-for-signing";
import { localizedTitle } from "./campaign-text";
import { secretKey } from "./secrets";
import { openId, sealId } from "./tokens";

const purpose = "withdraw";

/**
 * The token in a signature's withdraw link: its id sealed with a key kept outside the database, so
 * the link says nothing of the signature or of how many came before, and a leaked backup cannot
 * forge one. It can be made again for every email about that signature; nothing of it is stored.
 */
export function withdrawToken(signatureId: number): string {
  return sealId(secretKey(purpose), purpose, signatureId);
}

/** The signature id a withdraw token seals, or undefined; with the app's own key unless given one. */
export function signatureIdOf(token: string, key = secretKey(purpose)): number | undefined {
  return openId(key, purpose, token);
}

/** What the withdraw page shows before the signer presses the button, the title in `locale` where the campaign has it. */
export async function describeWithdrawal(token: string, locale?: Locale) {
  const id = signatureIdOf(token);
  const found = id === undefined ? undefined : await stores().signatures.findSignatureForWithdrawal(id);
  if (!found || !locale) return found;
  const titles = await campaignTitles.get(found.slug);
  return titles ? { ...found, title: localizedTitle(titles, locale) } : found;
}

/** Deletes the signature for good; the count drops on every open page. */
export async function withdraw(token: string, now = new Date()): Promise<{ slug: string; title: string } | undefined> {
  const id = signatureIdOf(token);
  if (id === undefined) return undefined;
  const found = await stores().signatures.findSignatureForWithdrawal(id);
  if (!found) return undefined;
  await stores().signatures.eraseSignatures([id], now, "withdrawn");
  liveHub().notify(found.slug);
  return { slug: found.slug, title: found.title };
}
