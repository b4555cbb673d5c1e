import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { describeWithdrawal } from "@/lib/withdrawals";
import { withdrawAction } from "@/app/_signer/actions";
import { WithdrawForm } from "@/app/_signer/WithdrawForm";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/withdraw/[token]">): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Withdraw" });
  return { title: t("title"), robots: { index: false } };
}

export default async function WithdrawPage({ params }: PageProps<"/[locale]/withdraw/[token]">) {
  const [{ token }, locale] = await Promise.all([params, pageLocale(params)]);
  const [signature, t] = await Promise.all([describeWithdrawal(token, locale), getTranslations({ locale, namespace: "Withdraw" })]);
  return (
    <main id="main" className="plain-page">
      <h1>{t("title")}</h1>
      {signature ? (
        <>
          <p>{t.rich("intro", { title: signature.title, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <WithdrawForm action={withdrawAction.bind(null, token)} />
        </>
      ) : (
        <p className="form-message" role="alert">
          {t("noSignature")}
        </p>
      )}
    </main>
  );
}
