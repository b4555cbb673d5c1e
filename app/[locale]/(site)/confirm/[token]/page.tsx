import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { describeConfirmationLink } from "@/lib/confirmations";
import { confirmLinkAction } from "@/app/_signer/actions";
import { ConfirmLinkForm } from "@/app/_signer/ConfirmLinkForm";
import { ConfirmResult } from "@/app/_signer/ConfirmResult";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/confirm/[token]">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Confirm" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ConfirmPage({ params }: PageProps<"/[locale]/confirm/[token]">) {
  const [{ token }, locale] = await Promise.all([params, pageLocale(params)]);
  const [link, t] = await Promise.all([describeConfirmationLink(token, locale), getTranslations({ locale, namespace: "Confirm" })]);
  return (
    <main id="main" className="plain-page">
      <h1>{t("title")}</h1>
      {link.kind === "valid" ? (
        <>
          <p>{t.rich("intro", { title: link.title, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <ConfirmLinkForm action={confirmLinkAction.bind(null, token)} locale={locale} />
        </>
      ) : (
        <ConfirmResult result={{ kind: link.kind }} locale={locale} />
      )}
    </main>
  );
}
