"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { WithdrawState } from "./actions";

export function WithdrawForm({ action }: { action: () => Promise<WithdrawState> }) {
  const t = useTranslations("Withdraw");
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div className="thank-you" role="status">
        <h2>{t("doneHeading")}</h2>
        <p>{t("done")}</p>
      </div>
    );
  }
  if (state.done === false) {
    return (
      <p className="form-message" role="alert">
        {t("already")}
      </p>
    );
  }
  return (
    <form action={formAction}>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? t("pending") : t("button")}
      </button>
    </form>
  );
}
