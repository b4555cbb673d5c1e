import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "../_lib/LanguageSwitch";
import { pageLocale } from "../_lib/page-locale";

/** The site's own pages: a way to skip to the content, the language switch, and the footer. */
export default async function SiteLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <header className="site-header">
        <LanguageSwitch current={locale} label={t("languageSwitch")} />
      </header>
      {children}
      <footer className="site-footer">
        <p>
          {t("footer")} <a href={`/${locale}/privacy`}>{t("privacyLink")}</a>
        </p>
      </footer>
    </>
  );
}
