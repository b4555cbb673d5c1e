import type { CountryOption } from "@/lib/domain/countries";
import { signatureStatuses } from "@/lib/domain/model";
import type { SignatureSearchFields } from "@/lib/domain/signature-search";
import { described, Field } from "../../../_lib/Field";
import styles from "./signature-list.module.css";
import { statusLabels } from "./SignatureTable";

type Errors = Partial<Record<keyof SignatureSearchFields, string>>;

/**
 * The search, sent by GET: a search is a link an organiser can share or keep, and works without
 * JavaScript. Every field shows again what was typed, with what is wrong with it beside it.
 */
export function SearchForm({ action, fields, errors, countries }: { action: string; fields: SignatureSearchFields; errors: Errors; countries: CountryOption[] }) {
  return (
    <form method="get" action={action} role="search" aria-label="Search signatures" noValidate>
      <div className={styles.fields}>
        <Field id="name" label="Name starts with" error={errors.name} hint="Accents and capitals do not matter.">
          <input name="name" defaultValue={fields.name} {...described("name", errors.name, true)} />
        </Field>
        <Field id="email" label="Email address or domain" error={errors.email} hint="A whole address, or a domain such as example.org.">
          <input name="email" inputMode="email" defaultValue={fields.email} {...described("email", errors.email, true)} />
        </Field>
        <Field id="country" label="Country" error={errors.country}>
          <select name="country" defaultValue={fields.country} {...described("country", errors.country)}>
            <option value="">Any country</option>
            {/* A code typed into the link that is no country stays visible, to be corrected. */}
            {errors.country && <option value={fields.country}>{fields.country}</option>}
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="status" label="Status" error={errors.status}>
          <select name="status" defaultValue={fields.status} {...described("status", errors.status)}>
            <option value="any">Any status</option>
            {errors.status && <option value={fields.status}>{fields.status}</option>}
            {signatureStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="from" label="Signed on or after (UTC)" error={errors.from}>
          <input name="from" type="date" defaultValue={fields.from} {...described("from", errors.from)} />
        </Field>
        <Field id="to" label="Signed on or before (UTC)" error={errors.to}>
          <input name="to" type="date" defaultValue={fields.to} {...described("to", errors.to)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit">Search</button> <a href={action}>Clear the search</a>
      </div>
    </form>
  );
}
