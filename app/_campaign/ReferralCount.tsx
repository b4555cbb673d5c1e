"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formattingLocale, type Locale } from "@/lib/domain/locales";

const pollMs = 30_000;

/**
 * How many people the signer's link has brought, read with their private stats token (never the
 * public code in the link) while the thank-you stays open.
 */
export function ReferralCount({ statsToken, locale }: { statsToken: string; locale: Locale }) {
  const t = useTranslations("ThankYou");
  const [count, setCount] = useState<number | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    const read = async () => {
      try {
        const response = await fetch(`/api/referrals/${encodeURIComponent(statsToken)}`, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { signers?: unknown };
        if (!stopped && typeof body.signers === "number") setCount(body.signers);
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    // A sharer comes back to this tab after sending their link around: read again then too.
    const onReturn = () => {
      if (document.visibilityState === "visible") void read();
    };
    void read();
    const timer = setInterval(read, pollMs);
    document.addEventListener("visibilitychange", onReturn);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onReturn);
    };
  }, [statsToken]);

  if (count === undefined) return null;
  const shown = new Intl.NumberFormat(formattingLocale(locale)).format(count);
  return (
    <p className="referral-count" data-testid="referral-count" data-count={count}>
      {t("referrals", { count, countShown: shown })}
    </p>
  );
}
