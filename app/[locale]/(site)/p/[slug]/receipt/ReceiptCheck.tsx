"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import type { Locale } from "@/lib/domain/locales";
import { parseSalt } from "@/lib/log-proof/commitment";
import type { ReceiptCheck as Answer } from "@/lib/log-proof/receipt";
import { ReceiptResult } from "./ReceiptResult";

type Props = { logPath: string; slug: string; locale: Locale };

// The checker (zod and the signature code, some 50 kB gzipped) loads once the signer reaches the
// field, so the form is drawn without waiting for it.
const loadChecker = () => import("@/lib/log-proof/receipt");

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The salt after the # of the receipt link; null on the server, which is never sent it. */
function useReceiptSalt(): string | null {
  return useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash.slice(1),
    () => null,
  );
}

/**
 * The signer's own check, drawn only in the browser: without a salt there is nothing to check,
 * and a form drawn on the server could post the address somewhere before this code ran.
 */
export function ReceiptCheck(props: Props) {
  const t = useTranslations("Receipt");
  const salt = useReceiptSalt();
  if (salt === null) return null;
  if (salt === "") return <p className="notice">{t("noLink")}</p>;
  if (!parseSalt(salt).ok) return <p className="notice">{t("badLink")}</p>;
  // Keyed by the salt, so a result never outlives the link it was for.
  return <ReceiptForm key={salt} salt={salt} {...props} />;
}

function ReceiptForm({ salt, logPath, slug, locale }: Props & { salt: string }) {
  const t = useTranslations("Receipt");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [checking, setChecking] = useState(false);

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = new FormData(event.currentTarget).get("email");
    // Cleared first, so a second "not yet" is announced again rather than left unchanged.
    setAnswer(null);
    setChecking(true);
    try {
      const { checkReceipt } = await loadChecker();
      setAnswer(await checkReceipt({ logUrl: logPath, email: typeof email === "string" ? email : "", saltHex: salt }));
    } catch (error) {
      // Only the checker's own code failing to load gets here: checkReceipt answers every failure of the log's.
      setAnswer({ kind: "failed", reason: `could not load the checker: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setChecking(false);
    }
  }

  return (
    <form className="receipt-form" onSubmit={check}>
      <p>{t("yoursIntro")}</p>
      <div className="field">
        <label htmlFor="receipt-email">{t("email")}</label>
        <input id="receipt-email" name="email" type="email" autoComplete="email" dir="ltr" required onFocus={() => void loadChecker()} />
      </div>
      <button type="submit" disabled={checking}>
        {checking ? t("checking") : t("check")}
      </button>
      <div className="receipt-result" role="status" aria-live="polite" aria-busy={checking}>
        {answer && <ReceiptResult answer={answer} slug={slug} locale={locale} />}
      </div>
    </form>
  );
}
