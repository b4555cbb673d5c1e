import { countryOptions, isCountryCode } from "@/lib/countries";
import { regionOf } from "@/lib/locale";
import type { Petition } from "@/lib/model";
import type { LiveSnapshot } from "@/lib/petitions";
import { leadLength, parseStory } from "@/lib/story";
import { signAction } from "./actions";
import { Counter } from "./Counter";
import { LivePetition } from "./LivePetition";
import { RecentSigners } from "./RecentSigners";
import { SignForm } from "./SignForm";
import { initialSignFormState } from "./sign-state";
import { StoryBlocks } from "./Story";

type Props = {
  petition: Petition;
  snapshot: LiveSnapshot;
  renderedAt: number;
  formToken: string;
  locale: string;
  pageUrl: string;
};

function StoryDate({ label, iso, locale }: { label: string; iso: string | null; locale: string }) {
  if (!iso) return null;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
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
 * opening paragraphs, so a reader meets the ask before the end of the article.
 */
export function CampaignView({ petition, snapshot, renderedAt, formToken, locale, pageUrl }: Props) {
  const blocks = parseStory(petition.storyMarkdown);
  const lead = leadLength(blocks);
  const region = regionOf(locale);
  const suggestedCountry = region && isCountryCode(region) ? region : "";

  return (
    <main id="main" className="campaign">
      <header className="story-header">
        <p className="kicker">The story</p>
        <h1>{petition.storyHeadline}</h1>
        <p className="story-dates">
          <StoryDate label="Published" iso={petition.storyPublishedAt} locale={locale} />
          {petition.storyUpdatedAt && petition.storyPublishedAt && " · "}
          <StoryDate label="Updated" iso={petition.storyUpdatedAt} locale={locale} />
        </p>
      </header>
      <div className="story story-lead">
        <StoryBlocks blocks={blocks.slice(0, lead)} />
      </div>
      <aside className="petition" aria-labelledby="petition-title">
        <LivePetition initial={snapshot}>
          <div className="petition-card">
            <p className="kicker">Petition</p>
            <h2 id="petition-title" className="petition-title">
              {petition.title}
            </h2>
            <p className="petition-ask">{petition.ask}</p>
            <Counter locale={locale} />
            <SignForm
              action={signAction.bind(null, petition.slug)}
              title={petition.title}
              pageUrl={pageUrl}
              locale={locale}
              countries={countryOptions(locale)}
              initialState={initialSignFormState(suggestedCountry)}
              formToken={formToken}
            />
          </div>
          <RecentSigners locale={locale} renderedAt={renderedAt} />
        </LivePetition>
      </aside>
      <div className="story story-rest">
        <StoryBlocks blocks={blocks.slice(lead)} />
      </div>
    </main>
  );
}
