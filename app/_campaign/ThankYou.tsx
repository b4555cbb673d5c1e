"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formattingLocale, type Locale } from "@/lib/domain/locales";
import { ReferralCount } from "./ReferralCount";
import { ShareLinks } from "./ShareLinks";

type Props = {
  firstName: string;
  signerNumber: number;
  withdrawToken?: string;
  referralCode?: string;
  referralStatsToken?: string;
  receiptSalt?: string;
  locale: Locale;
  pageUrl: string;
  title: string;
};

/** The signer's own result, announced once (role=status) and focused, with their share links. */
export function ThankYou(props: Props) {
  const t = useTranslations("ThankYou");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const number = new Intl.NumberFormat(formattingLocale(props.locale)).format(props.signerNumber);
  const shareUrl = props.referralCode ? `${props.pageUrl}?ref=${encodeURIComponent(props.referralCode)}` : props.pageUrl;
  return (
    <div ref={ref} className="thank-you" tabIndex={-1} role="status">
      <h2>{t("heading", { firstName: props.firstName || "none" })}</h2>
      <p className="signer-number">{t.rich("signerNumber", { number, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p>{t("askToShare")}</p>
      <ShareLinks url={shareUrl} title={props.title} />
      {props.referralStatsToken && <ReferralCount statsToken={props.referralStatsToken} locale={props.locale} />}
      {props.receiptSalt && (
        <p className="receipt-note">
          {/* The receipt page is under the campaign's own; the salt goes after the #, which is never sent to a server. */}
          {t.rich("receipt", { link: (chunks) => <a href={`${props.pageUrl}/receipt#${props.receiptSalt}`}>{chunks}</a> })}
        </p>
      )}
      {props.withdrawToken && (
        <p className="withdraw-note">
          {t.rich("withdraw", {
            link: (chunks) => <a href={`/${props.locale}/withdraw/${props.withdrawToken}`}>{chunks}</a>,
          })}
        </p>
      )}
    </div>
  );
}
