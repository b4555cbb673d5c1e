"use client";

import { useEffect, useRef, useState } from "react";
import { useLiveSnapshot } from "./LivePetition";

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

export function Counter({ locale }: { locale: string }) {
  const { total, goal, signaturesElsewhere, signaturesHere, signaturesPending } = useLiveSnapshot();
  const shown = useAnimatedNumber(total);
  const number = new Intl.NumberFormat(locale);
  const percent = Math.min(100, (total / goal) * 100);

  return (
    <div className="counter">
      <p className="counter-total">
        <span className="counter-number" data-testid="signature-total" data-total={total}>
          {number.format(shown)}
        </span>{" "}
        <span className="counter-unit">signatures</span>
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Progress toward the goal"
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={Math.min(total, goal)}
        aria-valuetext={`${number.format(total)} of ${number.format(goal)} signatures`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="counter-goal">
        Goal: <strong>{number.format(goal)}</strong>
      </p>
      {signaturesElsewhere > 0 && (
        <p className="counter-note">
          Includes {number.format(signaturesElsewhere)} gathered before this page opened, and{" "}
          {number.format(signaturesHere)} signed here.
        </p>
      )}
      {signaturesPending > 0 && (
        <p className="counter-note" data-testid="pending-total">
          About {number.format(signaturesPending)} more are waiting to confirm by email.
        </p>
      )}
    </div>
  );
}
