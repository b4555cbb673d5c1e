"use client";

import { useActionState, useEffect, useRef } from "react";
import type { CountryOption } from "@/lib/countries";
import { limits } from "@/lib/signature-limits";
import type { SignatureField } from "@/lib/signature-input";
import { ShareLinks } from "./ShareLinks";
import type { SignFormState } from "./sign-state";

type SignAction = (state: SignFormState, form: FormData) => Promise<SignFormState>;

type Props = {
  /** Bound to the campaign on the server: a client-side bind makes a new action every render. */
  action: SignAction;
  title: string;
  pageUrl: string;
  locale: string;
  countries: CountryOption[];
  initialState: SignFormState;
  /** Signed by the server when the page was made: a bot that answers in an instant gives itself away. */
  formToken: string;
};

const fieldOrder: SignatureField[] = ["fullName", "email", "country", "comment"];

export function SignForm({ action, title, pageUrl, locale, countries, initialState, formToken }: Props) {
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
  const error = (field: SignatureField) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    // noValidate: the server's messages, shown beside each field, are clearer than the browser's.
    <form ref={formRef} action={formAction} className="sign-form" noValidate aria-busy={pending}>
      <h2 id="sign-heading">Add your name</h2>
      <FormMessage state={state} />
      <input type="hidden" name="formToken" value={state.formToken ?? formToken} />
      {/* A trap for bots that fill every field; hidden from people and from screen readers. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {/* Keyed by answer, so each field remounts holding what the signer typed. */}
      <div key={state.submission} className="fields">
        <div className="field">
          <label htmlFor="fullName">Full name</label>
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
          <label htmlFor="email">Email</label>
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
            Never shown on this page.
          </p>
          {error("email")}
        </div>
        <div className="field">
          <label htmlFor="country">Country</label>
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
            <option value="">Choose your country</option>
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
            Why I&rsquo;m signing <span className="optional">(optional)</span>
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
            Up to {limits.comment} characters.
          </p>
          {error("comment")}
        </div>
        <div className="check">
          <input id="showName" name="showName" type="checkbox" defaultChecked={values.showName} />
          <label htmlFor="showName">Show my name on this page</label>
        </div>
        <div className="check">
          <input id="wantsUpdates" name="wantsUpdates" type="checkbox" defaultChecked={values.wantsUpdates} />
          <label htmlFor="wantsUpdates">Email me updates on this campaign</label>
        </div>
      </div>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? "Signing…" : "Sign the petition"}
      </button>
      <p className="privacy-note">
        We use your details only for this petition. <a href="/privacy">How we handle your data</a>.
      </p>
    </form>
  );
}

function FormMessage({ state }: { state: SignFormState }) {
  const { status } = state;
  const text = {
    editing: undefined,
    signed: undefined,
    pending: undefined,
    invalid: "Some details need another look. Please check the marked fields.",
    "form-expired": "This form was open for more than a day, so we need you to send it again. Your details are still here: check them and press the button.",
    "rate-limited": `Too many signatures have come from your connection just now. Please try again in ${state.retryAfterMinutes ?? 1} minute${state.retryAfterMinutes === 1 ? "" : "s"}; your details are still here.`,
    failed: "We couldn't save your signature just now. Your details are still here; please try again in a moment.",
  }[status];
  if (!text) return null;
  return (
    <p className={`form-message form-message-${status}`} role="alert" tabIndex={-1} data-form-message>
      {text}
    </p>
  );
}

function CheckYourEmail({ firstName, email }: { firstName: string; email: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="thank-you" tabIndex={-1} role="status">
      <h2>Almost done{firstName ? `, ${firstName}` : ""}: check your email</h2>
      <p>
        We sent a link to <strong>{email}</strong>. Open it and press the button to confirm, and your signature will count.
      </p>
      <p className="field-hint">
        Nothing there? Look in your spam folder, or sign again in a minute to have it sent again.
      </p>
    </div>
  );
}

function ThankYou(props: {
  firstName: string;
  signerNumber: number;
  withdrawToken?: string;
  locale: string;
  pageUrl: string;
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="thank-you" tabIndex={-1} role="status">
      <h2>Thank you{props.firstName ? `, ${props.firstName}` : ""}!</h2>
      <p className="signer-number">
        You are signer <strong>#{new Intl.NumberFormat(props.locale).format(props.signerNumber)}</strong>.
      </p>
      <p>Every name adds weight. Ask a friend to sign too:</p>
      <ShareLinks url={props.pageUrl} title={props.title} />
      {props.withdrawToken && (
        <p className="withdraw-note">
          Changed your mind? <a href={`/withdraw/${props.withdrawToken}`}>Withdraw your signature</a>.
        </p>
      )}
    </div>
  );
}
