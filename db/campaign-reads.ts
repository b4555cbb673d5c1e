import { asc, eq, sql } from "drizzle-orm";
import type { CampaignTitles } from "@/lib/domain/model";
import type { CampaignStore } from "@/lib/domain/ports/campaigns";
import { perHandle, type Dialect, type Handle } from "./dialect";
import { translationsByLocale } from "./campaign-texts";

/** A campaign as pages read it: its text, its titles, where it stands, and the organisers' list. */
export function campaignReads(d: Dialect): Pick<CampaignStore, "findCampaign" | "readCampaignTitles" | "readCampaignStanding" | "listCampaigns"> {
  const { campaigns, campaignTranslations } = d.tables;
  const settings = {
    slug: campaigns.slug,
    title: campaigns.title,
    goal: campaigns.goal,
    signaturesElsewhere: campaigns.signaturesElsewhere,
    requireConfirmation: campaigns.requireConfirmation,
    state: campaigns.state,
    closesAt: campaigns.closesAt,
  };
  const counts = { signatureCount: d.counts.confirmedCount, pendingCount: d.counts.pendingCount };

  // The hot read of every count and signature: one indexed read, never a scan of the signatures.
  const standingBySlug = perHandle((h: Handle) =>
    h
      .select({
        ...settings,
        ...counts,
        id: campaigns.id,
        locale: campaigns.locale,
        pendingFigure: campaigns.pendingFigure,
        steppingGoals: campaigns.steppingGoals,
        revision: campaigns.revision,
        updatedAt: campaigns.updatedAt,
      })
      .from(campaigns)
      .where(eq(campaigns.slug, sql.placeholder("slug")))
      .prepare("countersign-campaign-standing"),
  );

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
          ...settings,
          id: campaigns.id,
          locale: campaigns.locale,
          ask: campaigns.ask,
          storyHeadline: campaigns.storyHeadline,
          storyPublishedAt: campaigns.storyPublishedAt,
          storyUpdatedAt: campaigns.storyUpdatedAt,
          storyMarkdown: campaigns.storyMarkdown,
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

    async readCampaignStanding(slug) {
      const [row] = await standingBySlug(d.read()).execute({ slug });
      return row;
    },

    listCampaigns: () =>
      d
        .read()
        .select({ ...settings, ...counts })
        .from(campaigns)
        .orderBy(asc(campaigns.id)),
  };
}
