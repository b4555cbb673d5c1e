"use client";

import { useTranslations } from "next-intl";
import { formattingLocale, type Locale } from "@/lib/domain/locales";
import { useLiveSnapshot } from "./LiveCampaign";

/** Once a stepping goal is reached: "We passed 1,000 — next goal 2,500", kept current with the count. */
export function GoalStep({ locale }: { locale: Locale }) {
  const t = useTranslations("CampaignState");
  const { goal, goalPassed } = useLiveSnapshot();
  if (goalPassed === null) return null;
  const number = new Intl.NumberFormat(formattingLocale(locale));
  return (
    <p className="goal-step" data-testid="goal-step">
      {t("goalStepped", { passed: number.format(goalPassed), goal: number.format(goal) })}
    </p>
  );
}
