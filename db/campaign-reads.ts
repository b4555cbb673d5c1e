import { asc, eq, sql } from "drizzle-orm";
import type { CampaignTitles } from "@/lib/domain/model";
import type { CampaignStore } from "@/lib/domain/ports/campaigns";
import { perHandle, type Dialect, type Handle } from "./dialect";
import { translationsByLocale } from "./campaign-texts";

/** A campaign as pages read it: its text, its titles, where it stands, and the organisers' list. */
export function campaignReads(d: Dialect): Pick<CampaignStore, "findCampaign" | "readCampaignTitles" | "readCampaignStanding" | "listCampaigns"> {
  const { campaigns, campaignTranslations } = d.tables;

  // Read on every page in every language: prepared once per connection where the database allows.
  const titlesBySlug = perHandle((h: Handle) =>
    h
      .select({
        id: campaigns.id,
        slug: campaigns.slug,
        locale: campaigns.locale,
        title: campaigns.title,
        translatedLocale: campaignTranslations.locale,
        translatedTitle: campaignTranslations.title,
      })
      .from(campaigns)
      .leftJoin(campaignTranslations, eq(campaignTranslations.campaignId, campaigns.id))
      .where(eq(campaigns.slug, sql.placeholder("slug")))
      .prepare("countersign-campaign-titles"),
  );

  return {
    async findCampaign(slug) {
      const [row] = await d
        .read()
        .select({
          id: campaigns.id,
          slug: campaigns.slug,
          locale: campaigns.locale,
          title: campaigns.title,
          ask: campaigns.ask,
          goal: campaigns.goal,
          signaturesElsewhere: campaigns.signaturesElsewhere,
          requireConfirmation: campaigns.requireConfirmation,
          storyHeadline: campaigns.storyHeadline,
          storyPublishedAt: campaigns.storyPublishedAt,
          storyUpdatedAt: campaigns.storyUpdatedAt,
          storyMarkdown: campaigns.storyMarkdown,
          state: campaigns.state,
          closesAt: campaigns.closesAt,
          steppingGoals: campaigns.steppingGoals,
          editedAt: campaigns.editedAt,
          createdAt: campaigns.createdAt,
          updatedAt: campaigns.updatedAt,
        })
        .from(campaigns)
        .where(eq(campaigns.slug, slug));
      if (!row) return undefined;
      const translations = await d
        .read()
        .select({
          locale: campaignTranslations.locale,
          title: campaignTranslations.title,
          ask: campaignTranslations.ask,
          storyHeadline: campaignTranslations.storyHeadline,
          storyMarkdown: campaignTranslations.storyMarkdown,
          translationNote: campaignTranslations.translationNote,
        })
        .from(campaignTranslations)
        .where(eq(campaignTranslations.campaignId, row.id));
      return { ...row, translations: translationsByLocale(translations) };
    },

    /** A campaign's title in each of its languages: one indexed read of the campaign and its translations. */
    async readCampaignTitles(slug) {
      const rows = await titlesBySlug(d.read()).execute({ slug });
      const [first] = rows;
      if (!first) return undefined;
      const translations: CampaignTitles["translations"] = {};
      for (const row of rows) if (row.translatedLocale && row.translatedTitle !== null) translations[row.translatedLocale] = row.translatedTitle;
      return { id: first.id, slug: first.slug, locale: first.locale, title: first.title, translations };
    },

    /** The count and what the live counter needs; one indexed read, never a scan of the signatures. */
    readCampaignStanding: (slug) => d.counts.readStanding(slug),

    listCampaigns: () =>
      d
        .read()
        .select({
          slug: campaigns.slug,
          title: campaigns.title,
          goal: campaigns.goal,
          signaturesElsewhere: campaigns.signaturesElsewhere,
          signatureCount: d.counts.confirmedCount,
          pendingCount: d.counts.pendingCount,
          requireConfirmation: campaigns.requireConfirmation,
          state: campaigns.state,
          closesAt: campaigns.closesAt,
        })
        .from(campaigns)
        .orderBy(asc(campaigns.id)),
  };
}
