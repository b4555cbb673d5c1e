import { useLocale, useTranslations } from "next-intl";

/** An embed of a campaign that is not here (a mistyped address in a partner's page), said inside the frame. */
export default function EmbedNotFound() {
  const t = useTranslations("NotFound");
  const locale = useLocale();
  return (
    <main className="embed">
      <div className="petition-card">
        <h1 className="petition-title">{t("title")}</h1>
        <p>{t.rich("body", { link: (chunks) => <a href={`/${locale}`}>{chunks}</a> })}</p>
      </div>
    </main>
  );
}
