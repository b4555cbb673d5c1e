import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { locales, type Locale } from "@/lib/domain/locales";
import { campaign } from "@/lib/campaign-status";
import { campaignText } from "@/lib/campaign-text";
import { unprefixedHeader } from "@/lib/unprefixed-address";
import { absoluteUrl } from "../_lib/request";

/** One read per request, shared by the page and its metadata; stamped with the server's clock for relative times. */
export const loadCampaign = cache(async (slug: string) => {
  const found = await campaign(slug);
  return found && { ...found, renderedAt: Date.now() };
});

const openGraphLocales: Record<Locale, string> = { en: "en_GB", ar: "ar_AR" };

/**
 * Title, description, the language alternates (`/` and `/p/<slug>` are the x-default, which
 * pick a language per reader), the share card and the oEmbed discovery link. Each address is its
 * own canonical: the x-default too, which search engines refuse to see point at an alternate.
 * `path` is the page's path after its locale: "" for the home campaign, "/p/<slug>" otherwise.
 */
export async function campaignMetadata(slug: string, locale: Locale, path: string): Promise<Metadata> {
  const found = await loadCampaign(slug);
  if (!found || found.campaign.state === "draft") return { title: (await getTranslations({ locale, namespace: "Campaign" }))("notFoundTitle") };
  if (found.campaign.state === "unpublished") {
    return { title: (await getTranslations({ locale, namespace: "CampaignState" }))("takenDownTitle"), robots: { index: false } };
  }
  const text = campaignText(found.campaign, locale);
  const unprefixed = (await headers()).get(unprefixedHeader) === "1";
  const pageUrl = await absoluteUrl(unprefixed ? path || "/" : `/${locale}${path}`);
  const card = { url: await absoluteUrl(`/og/${slug}/${locale}.png`), width: 1200, height: 630, alt: text.title };
  return {
    title: text.title,
    description: text.ask,
    alternates: {
      canonical: pageUrl,
      languages: {
        ...Object.fromEntries(await Promise.all(locales.map(async (l) => [l, await absoluteUrl(`/${l}${path}`)]))),
        "x-default": await absoluteUrl(path || "/"),
      },
      types: { "application/json+oembed": await absoluteUrl(`/api/oembed?format=json&url=${encodeURIComponent(pageUrl)}`) },
    },
    openGraph: {
      title: text.title,
      description: text.ask,
      type: "article",
      url: pageUrl,
      locale: openGraphLocales[locale],
      alternateLocale: locales.filter((l) => l !== locale).map((l) => openGraphLocales[l]),
      images: [card],
    },
    twitter: { card: "summary_large_image", title: text.title, description: text.ask, images: [card] },
  };
}
