import { useLocale, useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("NotFound");
  const locale = useLocale();
  return (
    <main id="main" className="plain-page">
      <h1>{t("title")}</h1>
      <p>{t.rich("body", { link: (chunks) => <a href={`/${locale}`}>{chunks}</a> })}</p>
    </main>
  );
}
