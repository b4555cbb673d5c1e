"use client";

import { useTranslations } from "next-intl";
import { formattingLocale, type Locale } from "@/lib/domain/locales";
import type { ReceiptCheck } from "@/lib/log-proof/receipt";
import { downloadProof } from "./download-proof";

type Props = { answer: ReceiptCheck; slug: string; locale: Locale };

/** What the browser's check found, in words. */
export function ReceiptResult({ answer, slug, locale }: Props) {
  const t = useTranslations("Receipt");
  switch (answer.kind) {
    case "included":
      return <Included answer={answer} slug={slug} locale={locale} />;
    case "not-yet":
      return <p className="notice">{t("notYet")}</p>;
    case "not-found":
      return <p className="notice">{t("notFound")}</p>;
    case "failed":
      return (
        <div className="notice receipt-failed">
          <p>{t("failed")}</p>
          <details>
            <summary>{t("failedDetails")}</summary>
            {/* The checker's own words, in English: they name files and hashes, for whoever looks into it. */}
            <p dir="ltr" lang="en">
              <code>{answer.reason}</code>
            </p>
          </details>
        </div>
      );
  }
}

function Included({ answer, slug, locale }: Props & { answer: Extract<ReceiptCheck, { kind: "included" }> }) {
  const t = useTranslations("Receipt");
  const number = new Intl.NumberFormat(formattingLocale(locale));
  const countedAt = new Date(answer.minute * 60_000);
  // In the reader's own time zone, named: this is drawn only in their browser.
  const time = new Intl.DateTimeFormat(formattingLocale(locale), {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(countedAt);
  return (
    <div className="notice notice-ok receipt-included">
      <h3>{t("includedHeading")}</h3>
      {answer.removedBy !== null && <p className="receipt-removed">{t("removed", { removedBy: number.format(answer.removedBy) })}</p>}
      <dl className="receipt-facts">
        <dt>{t("index")}</dt>
        <dd>{number.format(answer.index)}</dd>
        <dt>{t("count")}</dt>
        <dd>{number.format(answer.count)}</dd>
        <dt>{t("countedAt")}</dt>
        <dd>
          <time dateTime={countedAt.toISOString()}>{time}</time>
        </dd>
        <dt>{t("how")}</dt>
        <dd>{t(`how-${answer.how}`)}</dd>
      </dl>
      <p className="field-hint">{t("checkedAgainst", { size: number.format(answer.treeSize) })}</p>
      <button type="button" onClick={() => downloadProof(answer.proof, `receipt-${slug}-${answer.index}.json`)}>
        {t("download")}
      </button>
      <p className="field-hint">{t("downloadHint")}</p>
    </div>
  );
}
