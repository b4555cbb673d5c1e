"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formattingLocale, type Locale } from "@/lib/domain/locales";
import { useLiveSnapshot } from "./LiveCampaign";

const animationMs = 700;

/** Eases the shown number to each new total; jumps straight there for readers who ask for less motion. */
function useAnimatedNumber(target: number): number {
  const [shown, setShown] = useState(target);
  const shownRef = useRef(target);

  useEffect(() => {
    const from = shownRef.current;
    if (from === target) return;
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
      shownRef.current = target;
      setShown(target);
      return;
    }
    const start = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      const t = Math.min(1, (now - start) / animationMs);
      const value = Math.round(from + (target - from) * (1 - (1 - t) ** 3));
      shownRef.current = value;
      setShown(value);
      if (t < 1) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [target]);

  return shown;
}

export function Counter({ locale }: { locale: Locale }) {
  const t = useTranslations("Counter");
  const { total, goal, signaturesElsewhere, signaturesHere, signaturesPending } = useLiveSnapshot();
  const shown = useAnimatedNumber(total);
  const number = new Intl.NumberFormat(formattingLocale(locale));
  const percent = Math.min(100, (total / goal) * 100);

  // Not a live region: a count that moves every second would talk over a screen reader's reading.
  // The signer's own result is announced instead (SignForm).
  return (
    <div className="counter">
      <p className="counter-total">
        {t.rich("total", {
          count: total,
          total: number.format(shown),
          number: (chunks) => (
            <span className="counter-number" data-testid="signature-total" data-total={total}>
              {chunks}
            </span>
          ),
        })}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={Math.min(total, goal)}
        aria-valuetext={t("progressText", { total: number.format(total), goal: number.format(goal) })}
      >
        <div className="progress-fill" style={{ inlineSize: `${percent}%` }} />
      </div>
      <p className="counter-goal">{t.rich("goal", { goal: number.format(goal), strong: (chunks) => <strong>{chunks}</strong> })}</p>
      {signaturesElsewhere > 0 && (
        <p className="counter-note">
          {t("elsewhere", { elsewhere: number.format(signaturesElsewhere), here: number.format(signaturesHere) })}
        </p>
      )}
      {signaturesPending > 0 && (
        <p className="counter-note" data-testid="pending-total">
          {t("pending", { count: signaturesPending, pending: number.format(signaturesPending) })}
        </p>
      )}
    </div>
  );
}
