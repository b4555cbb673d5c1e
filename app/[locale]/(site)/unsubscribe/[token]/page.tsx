import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";
import { isUnsubscribeToken } from "@/lib/updates/unsubscribe";
import { unsubscribeAction } from "./actions";
import { UnsubscribeForm } from "./UnsubscribeForm";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/unsubscribe/[token]">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Unsubscribe" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * Shows the button and changes nothing: a visit may be a mail scanner's. The page reads the same
 * for every real link, subscribed or not, signed or withdrawn; only a link we never made differs.
 */
export default async function UnsubscribePage({ params }: PageProps<"/[locale]/unsubscribe/[token]">) {
  const [{ token }, locale] = await Promise.all([params, pageLocale(params)]);
  const t = await getTranslations({ locale, namespace: "Unsubscribe" });
  return (
    <main id="main" className="plain-page">
      <h1>{t("title")}</h1>
      {isUnsubscribeToken(token) ? (
        <>
          <p>{t("intro")}</p>
          <UnsubscribeForm
            action={unsubscribeAction.bind(null, token)}
            words={{ button: t("button"), pending: t("pending"), doneHeading: t("doneHeading"), done: t("done"), invalid: t("invalid") }}
          />
        </>
      ) : (
        <p className="form-message" role="alert">
          {t("invalid")}
        </p>
      )}
    </main>
  );
}
