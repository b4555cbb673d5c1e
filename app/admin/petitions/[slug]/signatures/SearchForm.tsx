import type { ReactNode } from "react";
import type { CountryOption } from "@/lib/countries";
import { signatureStatuses } from "@/lib/model";
import type { SignatureSearchFields } from "@/lib/signature-search";
import styles from "./signature-list.module.css";
import { statusLabels } from "./SignatureTable";

type Errors = Partial<Record<keyof SignatureSearchFields, string>>;

function Field({ id, label, error, hint, children }: { id: keyof SignatureSearchFields; label: string; error?: string; hint?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The search, sent by GET: a search is a link an organiser can share or keep, and works without
 * JavaScript. Every field shows again what was typed, with what is wrong with it beside it.
 */
export function SearchForm({ action, fields, errors, countries }: { action: string; fields: SignatureSearchFields; errors: Errors; countries: CountryOption[] }) {
  const invalid = (field: keyof SignatureSearchFields) => (errors[field] ? true : undefined);
  return (
    <form method="get" action={action} role="search" aria-label="Search signatures" noValidate>
      <div className={styles.fields}>
        <Field id="name" label="Name starts with" error={errors.name} hint="Accents and capitals do not matter.">
          {(describedBy) => <input id="name" name="name" defaultValue={fields.name} aria-describedby={describedBy} aria-invalid={invalid("name")} />}
        </Field>
        <Field id="email" label="Email address or domain" error={errors.email} hint="A whole address, or a domain such as example.org.">
          {(describedBy) => (
            <input id="email" name="email" inputMode="email" defaultValue={fields.email} aria-describedby={describedBy} aria-invalid={invalid("email")} />
          )}
        </Field>
        <Field id="country" label="Country" error={errors.country}>
          {(describedBy) => (
            <select id="country" name="country" defaultValue={fields.country} aria-describedby={describedBy} aria-invalid={invalid("country")}>
              <option value="">Any country</option>
              {/* A code typed into the link that is no country stays visible, to be corrected. */}
              {errors.country && <option value={fields.country}>{fields.country}</option>}
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="status" label="Status" error={errors.status}>
          {(describedBy) => (
            <select id="status" name="status" defaultValue={fields.status} aria-describedby={describedBy} aria-invalid={invalid("status")}>
              <option value="any">Any status</option>
              {errors.status && <option value={fields.status}>{fields.status}</option>}
              {signatureStatuses.map((status) => (
                <option key={status} value={status}>
                  {statusLabels[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="from" label="Signed on or after (UTC)" error={errors.from}>
          {(describedBy) => <input id="from" name="from" type="date" defaultValue={fields.from} aria-describedby={describedBy} aria-invalid={invalid("from")} />}
        </Field>
        <Field id="to" label="Signed on or before (UTC)" error={errors.to}>
          {(describedBy) => <input id="to" name="to" type="date" defaultValue={fields.to} aria-describedby={describedBy} aria-invalid={invalid("to")} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit">Search</button> <a href={action}>Clear the search</a>
      </div>
    </form>
  );
}
