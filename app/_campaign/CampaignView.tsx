import { getTranslations } from "next-intl/server";
import { countryOptions, isCountryCode } from "@/lib/domain/countries";
import { regionOf } from "@/lib/locale";
import { formattingLocale, textDirection, type Locale } from "@/lib/domain/locales";
import type { Campaign } from "@/lib/domain/model";
import { campaignText } from "@/lib/campaign-text";
import type { LiveSnapshot } from "@/lib/campaign-status";
import { leadLength, parseStory } from "@/lib/story";
import { signAction } from "./actions";
import { CampaignClosed } from "./CampaignClosed";
import { Counter } from "./Counter";
import { GoalStep } from "./GoalStep";
import { LiveCampaign } from "./LiveCampaign";
import type { ReasonPage } from "@/lib/domain/reasons";
import { ReasonsWall } from "./ReasonsWall";
import { RecentSigners } from "./RecentSigners";
import { SignForm } from "./SignForm";
import { initialSignFormState } from "./sign-state";
import { StoryBlocks } from "./Story";

type Props = {
  campaign: Campaign;
  snapshot: LiveSnapshot;
  renderedAt: number;
  formToken: string;
  locale: Locale;
  /** The reader's own locale tag from their browser, which may name their country ("en-GB"). */
  readerLocale: string;
  pageUrl: string;
  /** The page of the reasons wall the address asks for. */
  reasons: ReasonPage;
};

function StoryDate({ label, iso, locale }: { label: string; iso: string | null; locale: Locale }) {
  if (!iso) return null;
  const text = new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(iso),
  );
  return (
    <>
      {label} <time dateTime={iso}>{text} UTC</time>
    </>
  );
}

/**
 * The story as a long read with the petition beside it. On a phone the petition follows the
 * opening paragraphs, so a reader meets the ask before the end of the article. A campaign not yet
 * translated into the page's language shows its original text, marked with that language.
 */
export async function CampaignView({ campaign, snapshot, renderedAt, formToken, locale, readerLocale, pageUrl, reasons }: Props) {
  const t = await getTranslations({ locale, namespace: "Campaign" });
  const text = campaignText(campaign, locale);
  const blocks = parseStory(text.storyMarkdown);
  const lead = leadLength(blocks);
  const region = regionOf(readerLocale);
  const suggestedCountry = region && isCountryCode(region) ? region : "";
  // Set only where the text's language differs from the page's, so a reader (and a screen reader) knows.
  const textLanguage = text.language === locale ? {} : { lang: text.language, dir: textDirection(text.language) };

  return (
    <main id="main" className="campaign">
      {/* Around the whole page, so the count and the reasons wall hear the same stream. */}
      <LiveCampaign initial={snapshot}>
        <header className="story-header">
          <p className="kicker">{t("kicker")}</p>
          <h1 {...textLanguage}>{text.storyHeadline}</h1>
          <p className="story-dates">
            <StoryDate label={t("published")} iso={campaign.storyPublishedAt} locale={locale} />
            {campaign.storyUpdatedAt && campaign.storyPublishedAt && " · "}
            <StoryDate label={t("updated")} iso={campaign.storyUpdatedAt} locale={locale} />
          </p>
          {text.translated && text.translationNote && <p className="translation-note">{text.translationNote}</p>}
          {!text.translated && !text.original && <p className="translation-note">{t("untranslated")}</p>}
        </header>
        <div className="story story-lead" {...textLanguage}>
          <StoryBlocks blocks={blocks.slice(0, lead)} photoLabel={t("photoLabel")} />
        </div>
        <aside className="petition" aria-labelledby="petition-title">
          <div className="petition-card">
            <p className="kicker">{t("petitionKicker")}</p>
            <h2 id="petition-title" className="petition-title" {...textLanguage}>
              {text.title}
            </h2>
            <p className="petition-ask" {...textLanguage}>
              {text.ask}
            </p>
            <Counter locale={locale} />
            {/* A plain link drawn here on the server: the page ships no script for it. */}
            <p className="count-check">
              <a href={`/${locale}/p/${campaign.slug}/receipt`}>{t("checkCount")}</a>
            </p>
            <GoalStep locale={locale} />
            {snapshot.closed && snapshot.closesAt ? (
              <CampaignClosed closesAt={snapshot.closesAt} locale={locale} />
            ) : (
              <SignForm
                action={signAction.bind(null, campaign.slug, locale)}
                title={text.title}
                pageUrl={pageUrl}
                locale={locale}
                countries={countryOptions(locale)}
                initialState={initialSignFormState(suggestedCountry)}
                formToken={formToken}
              />
            )}
          </div>
          <RecentSigners locale={locale} renderedAt={renderedAt} />
        </aside>
        <div className="story story-rest" {...textLanguage}>
          <StoryBlocks blocks={blocks.slice(lead)} photoLabel={t("photoLabel")} />
        </div>
        <ReasonsWall slug={campaign.slug} locale={locale} page={reasons} />
      </LiveCampaign>
    </main>
  );
}
