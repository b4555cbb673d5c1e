"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { MarkState } from "./reason-actions";

/** The one button that reports a reason, and what the reader is told after. */
export function ReportReasonForm({ action, reasonId }: { action: (state: MarkState, form: FormData) => Promise<MarkState>; reasonId: number }) {
  const t = useTranslations("ReportReason");
  const [state, formAction, pending] = useActionState(action, {});
  if (state.result === "counted" || state.result === "repeat") {
    return (
      <p className="notice notice-ok" role="status">
        {t("done")}
      </p>
    );
  }
  return (
    <form action={formAction}>
      {state.result && (
        <p className="form-message" role="alert">
          {state.result === "unknown" ? t("gone") : t("rateLimited")}
        </p>
      )}
      <input type="hidden" name="reasonId" value={reasonId} />
      <button type="submit" className="sign-button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
