"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { CountryOption } from "@/lib/domain/countries";
import type { Locale } from "@/lib/domain/locales";
import { limits } from "@/lib/signature-limits";
import type { SignatureField } from "@/lib/signature-input";
import { problemValues } from "@/lib/signature-problems";
import { ReferralField } from "./ReferralField";
import { ThankYou } from "./ThankYou";
import type { SignFormState } from "./sign-state";

type SignAction = (state: SignFormState, form: FormData) => Promise<SignFormState>;

type Props = {
  /** Bound to the campaign on the server: a client-side bind makes a new action every render. */
  action: SignAction;
  title: string;
  pageUrl: string;
  locale: Locale;
  countries: CountryOption[];
  initialState: SignFormState;
  /** Signed by the server when the page was made: a bot that answers in an instant gives itself away. */
  formToken: string;
};

const fieldOrder: SignatureField[] = ["fullName", "email", "country", "comment"];

export function SignForm({ action, title, pageUrl, locale, countries, initialState, formToken }: Props) {
  const t = useTranslations("SignForm");
  const problem = useTranslations("Problems");
  const [state, formAction, pending] = useActionState(action, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const firstError = fieldOrder.find((field) => state.errors[field]);

  useEffect(() => {
    if (state.submission === 0) return;
    const target = firstError ? `[name="${firstError}"]` : "[data-form-message]";
    formRef.current?.querySelector<HTMLElement>(target)?.focus();
  }, [state, firstError]);

  const firstName = state.values.fullName.trim().split(/\s+/)[0] ?? "";
  if (state.status === "signed" && state.signerNumber !== undefined) {
    return (
      <ThankYou
        firstName={firstName}
        signerNumber={state.signerNumber}
        withdrawToken={state.withdrawToken}
        referralCode={state.referralCode}
        referralStatsToken={state.referralStatsToken}
        receiptSalt={state.receiptSalt}
        locale={locale}
        pageUrl={pageUrl}
        title={title}
      />
    );
  }
  if (state.status === "pending") return <CheckYourEmail firstName={firstName} email={state.values.email} />;

  const { values, errors } = state;
  const describe = (field: SignatureField, hint?: string) =>
    [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const error = (field: SignatureField) => {
    const code = errors[field];
    return code ? (
      <p id={`${field}-error`} className="field-error">
        {problem(code, problemValues(code))}
      </p>
    ) : null;
  };

  return (
    // noValidate: the server's messages, shown beside each field, are clearer than the browser's.
    <form ref={formRef} action={formAction} className="sign-form" noValidate aria-busy={pending}>
      <h2 id="sign-heading">{t("heading")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="formToken" value={state.formToken ?? formToken} />
      <ReferralField />
      {/* A trap for bots that fill every field; hidden from people and from screen readers. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {/* Keyed by answer, so each field remounts holding what the signer typed. */}
      <div key={state.submission} className="fields">
        <div className="field">
          <label htmlFor="fullName">{t("fullName")}</label>
          <input
            id="fullName"
            name="fullName"
            autoComplete="name"
            required
            maxLength={limits.fullName}
            defaultValue={values.fullName}
            aria-invalid={errors.fullName ? true : undefined}
            aria-describedby={describe("fullName")}
            autoFocus={firstError === "fullName"}
          />
          {error("fullName")}
        </div>
        <div className="field">
          <label htmlFor="email">{t("email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            maxLength={limits.email}
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describe("email", "email-hint")}
            autoFocus={firstError === "email"}
          />
          <p id="email-hint" className="field-hint">
            {t("emailHint")}
          </p>
          {error("email")}
        </div>
        <div className="field">
          <label htmlFor="country">{t("country")}</label>
          <select
            id="country"
            name="country"
            autoComplete="country"
            required
            defaultValue={values.country}
            aria-invalid={errors.country ? true : undefined}
            aria-describedby={describe("country")}
            autoFocus={firstError === "country"}
          >
            <option value="">{t("chooseCountry")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {error("country")}
        </div>
        <div className="field">
          <label htmlFor="comment">
            {t("comment")} <span className="optional">{t("commentOptional")}</span>
          </label>
          <textarea
            id="comment"
            name="comment"
            rows={3}
            maxLength={limits.comment}
            defaultValue={values.comment}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={describe("comment", "comment-hint")}
            autoFocus={firstError === "comment"}
          />
          <p id="comment-hint" className="field-hint">
            {t("commentHint", { max: limits.comment })}
          </p>
          {error("comment")}
        </div>
        {/* The reason's own consent, apart from listing the name among recent signers. */}
        <div className="check">
          <input id="reasonWithName" name="reasonWithName" type="checkbox" defaultChecked={values.reasonWithName} />
          <label htmlFor="reasonWithName">{t("reasonWithName")}</label>
        </div>
        <div className="check">
          <input id="showName" name="showName" type="checkbox" defaultChecked={values.showName} />
          <label htmlFor="showName">{t("showName")}</label>
        </div>
        <div className="check">
          <input id="wantsUpdates" name="wantsUpdates" type="checkbox" defaultChecked={values.wantsUpdates} />
          <label htmlFor="wantsUpdates">{t("wantsUpdates")}</label>
        </div>
      </div>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="privacy-note">
        {t.rich("privacyNote", { link: (chunks) => <a href={`/${locale}/privacy`}>{chunks}</a> })}
      </p>
    </form>
  );
}

function FormMessage({ state }: { state: SignFormState }) {
  const t = useTranslations("SignForm");
  const tState = useTranslations("CampaignState");
  const { status } = state;
  const minutes = state.retryAfterMinutes ?? 1;
  const text = {
    editing: undefined,
    signed: undefined,
    pending: undefined,
    invalid: t("invalid"),
    "form-expired": t("formExpired"),
    "rate-limited": t("rateLimited", { minutes, minutesShown: minutes }),
    closed: tState("closedForm"),
    failed: t("failed"),
  }[status];
  if (!text) return null;
  return (
    <p className={`form-message form-message-${status}`} role="alert" tabIndex={-1} data-form-message>
      {text}
    </p>
  );
}

function CheckYourEmail({ firstName, email }: { firstName: string; email: string }) {
  const t = useTranslations("ThankYou");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="thank-you" tabIndex={-1} role="status">
      <h2>{t("checkEmailHeading", { firstName: firstName || "none" })}</h2>
      <p>{t.rich("checkEmail", { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="field-hint">{t("checkEmailHint")}</p>
    </div>
  );
}
