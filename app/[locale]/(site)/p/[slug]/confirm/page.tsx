import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { confirmableCampaignTitle } from "@/lib/campaign-status";
import { confirmCodeAction } from "@/app/_signer/actions";
import { ConfirmCodeForm } from "@/app/_signer/ConfirmCodeForm";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/p/[slug]/confirm">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Confirm" });
  return { title: t("codeTitle"), robots: { index: false } };
}

export default async function ConfirmByCodePage({ params }: PageProps<"/[locale]/p/[slug]/confirm">) {
  const [{ slug }, locale] = await Promise.all([params, pageLocale(params)]);
  const [title, t] = await Promise.all([confirmableCampaignTitle(slug, locale), getTranslations({ locale, namespace: "Confirm" })]);
  if (title === undefined) notFound();
  return (
    <main id="main" className="plain-page">
      <h1>{t("codeTitle")}</h1>
      <p>{t.rich("codeIntro", { title, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ConfirmCodeForm action={confirmCodeAction.bind(null, slug)} locale={locale} />
    </main>
  );
}
