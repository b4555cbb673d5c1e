"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { Locale } from "@/lib/domain/locales";
import type { ConfirmState } from "./actions";
import { ConfirmResult } from "./ConfirmResult";

type Action = (state: ConfirmState, form: FormData) => Promise<ConfirmState>;

export function ConfirmCodeForm({ action, locale }: { action: Action; locale: Locale }) {
  const t = useTranslations("Confirm");
  const [state, formAction, pending] = useActionState(action, { email: "" });
  if (state.result?.kind === "confirmed") return <ConfirmResult result={state.result} locale={locale} />;
  return (
    <form action={formAction} className="sign-form" noValidate>
      {state.result && <ConfirmResult result={state.result} locale={locale} />}
      <div className="field">
        <label htmlFor="email">{t("codeEmail")}</label>
        <input id="email" name="email" type="email" autoComplete="email" dir="ltr" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="code">{t("code")}</label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          aria-describedby="code-hint"
        />
        <p id="code-hint" className="field-hint">
          {t("codeHint")}
        </p>
      </div>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? t("pending") : t("button")}
      </button>
    </form>
  );
}
