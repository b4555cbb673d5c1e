import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locales";
import { formattingLocale } from "@/lib/domain/locales";
import { publicUpdates } from "@/lib/updates/campaign-updates";
import { StoryBlocks } from "./Story";

/** The updates the organisers chose to show on the campaign's page, newest first; nothing when there are none. */
export async function CampaignUpdates({ slug, locale }: { slug: string; locale: Locale }) {
  const updates = await publicUpdates(slug);
  if (updates.length === 0) return null;
  const [t, story] = await Promise.all([getTranslations({ locale, namespace: "CampaignUpdates" }), getTranslations({ locale, namespace: "Campaign" })]);
  const date = new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: "long", timeZone: "UTC" });
  return (
    <section className="campaign campaign-updates" aria-labelledby="campaign-updates-heading">
      <h2 id="campaign-updates-heading">{t("heading")}</h2>
      {updates.map((update) => (
        <article key={update.id} aria-labelledby={`update-${update.id}`}>
          {/* The organiser wrote one text for every reader: its own words set its direction, so an
              English update reads left to right on the Arabic page too. */}
          <h3 id={`update-${update.id}`} dir="auto">
            {update.subject}
          </h3>
          <p className="story-dates">
            <time dateTime={update.createdAt.toISOString()}>{date.format(update.createdAt)}</time>
          </p>
          <div className="story" dir="auto">
            <StoryBlocks blocks={update.blocks} photoLabel={story("photoLabel")} />
          </div>
        </article>
      ))}
    </section>
  );
}
