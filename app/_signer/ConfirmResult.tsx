"use client";

import { useTranslations } from "next-intl";
import type { Confirmation } from "@/lib/confirmations";
import { formattingLocale, type Locale } from "@/lib/domain/locales";

/** The answer to a confirmation, shown in place of its form. */
export function ConfirmResult({ result, locale }: { result: Confirmation; locale: Locale }) {
  const t = useTranslations("Confirm");
  const thanks = useTranslations("ThankYou");
  if (result.kind === "confirmed") {
    const number = new Intl.NumberFormat(formattingLocale(locale)).format(result.signerNumber);
    return (
      <div className="thank-you" role="status">
        <h2>{t("confirmedHeading", { firstName: result.firstName || "none" })}</h2>
        <p className="signer-number">
          {thanks.rich("signerNumber", { number, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <p className="receipt-note">
          {thanks.rich("receipt", {
            link: (chunks) => <a href={`/${locale}/p/${result.slug}/receipt#${result.receiptSalt}`}>{chunks}</a>,
          })}
        </p>
        <p>{t.rich("backToPetition", { link: (chunks) => <a href={`/${locale}/p/${result.slug}`}>{chunks}</a> })}</p>
      </div>
    );
  }
  return (
    <p className="form-message" role="alert">
      {t(result.kind)}
    </p>
  );
}
