"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { Locale } from "@/lib/domain/locales";
import type { ConfirmState } from "./actions";
import { ConfirmResult } from "./ConfirmResult";

/** One button: mail scanners that open the link never press it, so only a person confirms. */
export function ConfirmLinkForm({ action, locale }: { action: () => Promise<ConfirmState>; locale: Locale }) {
  const t = useTranslations("Confirm");
  const [state, formAction, pending] = useActionState(action, { email: "" });
  if (state.result) return <ConfirmResult result={state.result} locale={locale} />;
  return (
    <form action={formAction}>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? t("pending") : t("button")}
      </button>
    </form>
  );
}
