import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";
import { signAction } from "@/app/_campaign/actions";
import { CampaignClosed } from "@/app/_campaign/CampaignClosed";
import { Counter } from "@/app/_campaign/Counter";
import { GoalStep } from "@/app/_campaign/GoalStep";
import { LiveCampaign } from "@/app/_campaign/LiveCampaign";
import { loadCampaign } from "@/app/_campaign/load";
import { SignForm } from "@/app/_campaign/SignForm";
import { TakenDown } from "@/app/_campaign/TakenDown";
import { initialSignFormState } from "@/app/_campaign/sign-state";
import { absoluteUrl } from "@/app/_lib/request";
import { issueFormToken } from "@/lib/bot-checks";
import { config } from "@/lib/config";
import { countryOptions } from "@/lib/domain/countries";
import { textDirection } from "@/lib/domain/locales";
import { campaignText } from "@/lib/campaign-text";
import { FrameHeight } from "./FrameHeight";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/embed/[slug]">): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, pageLocale(params)]);
  const found = await loadCampaign(slug);
  return found?.campaign.state === "published" ? { title: campaignText(found.campaign, locale).title } : {};
}

/**
 * The petition on a partner's page, in a frame (see public/embed.js): its title and ask, the live
 * count and the form, and a way to the whole story. Nothing here sets a cookie: the form carries
 * its own signed stamp, and the server checks that its action is sent from this site's pages.
 */
export default async function EmbedPage({ params }: PageProps<"/[locale]/embed/[slug]">) {
  const [{ slug }, locale] = await Promise.all([params, pageLocale(params)]);
  const found = await loadCampaign(slug);
  if (!found || found.campaign.state === "draft") notFound();
  if (found.campaign.state === "unpublished") return <TakenDown locale={locale} />;
  const [t, site] = await Promise.all([
    getTranslations({ locale, namespace: "Embed" }),
    getTranslations({ locale, namespace: "Site" }),
  ]);
  const text = campaignText(found.campaign, locale);
  // Set only where the text's language differs from the page's, as on the campaign page.
  const textLanguage = text.language === locale ? {} : { lang: text.language, dir: textDirection(text.language) };
  const pageUrl = await absoluteUrl(`/${locale}/p/${slug}`);

  return (
    <main className="embed">
      <LiveCampaign initial={found.snapshot}>
        <div className="petition-card">
          <h1 className="petition-title" {...textLanguage}>
            {text.title}
          </h1>
          <p className="petition-ask" {...textLanguage}>
            {text.ask}
          </p>
          <Counter locale={locale} />
          <GoalStep locale={locale} />
          {found.snapshot.closed && found.snapshot.closesAt ? (
            <CampaignClosed closesAt={found.snapshot.closesAt} locale={locale} />
          ) : (
            <SignForm
              action={signAction.bind(null, slug, locale)}
              title={text.title}
              pageUrl={pageUrl}
              locale={locale}
              countries={countryOptions(locale)}
              initialState={initialSignFormState("")}
              formToken={issueFormToken(found.renderedAt)}
            />
          )}
          <p className="embed-footer">
            <a href={pageUrl} target="_blank" rel="noopener">
              {t("readMore")}
            </a>
            <span>{t("poweredBy", { site: site("name") })}</span>
          </p>
        </div>
      </LiveCampaign>
      <FrameHeight allowedOrigins={config().EMBED_ORIGINS} />
    </main>
  );
}
