import { defaultLocale, isLocale } from "../domain/locales";
import { campaignTitles } from "../campaign-for-signing";
import { localizedTitle } from "../campaign-text";
import type { UpdateDelivery } from "../domain/update";
import { oneClickUnsubscribeLink, unsubscribePageLink, unsubscribeToken } from "./unsubscribe";
import { unsubscribeHeaders, updateMessage } from "./update-message";

/**
 * A claimed update message made ready to send: written now, in the signer's language with their own
 * unsubscribe links, since the queue holds one row per signer and no copy of the text.
 */
export async function prepareDelivery(delivery: UpdateDelivery) {
  // A language since removed from the site falls back to the default rather than failing every retry.
  const locale = isLocale(delivery.locale) ? delivery.locale : defaultLocale;
  const titles = await campaignTitles.get(delivery.slug);
  const token = unsubscribeToken(delivery.signatureId);
  const draft = updateMessage({
    toAddress: delivery.toAddress,
    fullName: delivery.fullName,
    locale,
    campaignTitle: titles ? localizedTitle(titles, locale) : delivery.slug,
    subject: delivery.subject,
    bodyMarkdown: delivery.bodyMarkdown,
    unsubscribeUrl: unsubscribePageLink(token, locale),
  });
  return { draft, headers: unsubscribeHeaders(oneClickUnsubscribeLink(token)) };
}
