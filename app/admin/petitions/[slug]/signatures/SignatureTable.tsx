import { countryName } from "@/lib/domain/countries";
import type { SignatureStatus } from "@/lib/domain/model";
import type { SignatureListRow } from "@/lib/domain/signature-search";
import styles from "./signature-list.module.css";

export const statusLabels: Record<SignatureStatus, string> = {
  confirmed: "Confirmed",
  pending: "Awaiting confirmation",
  suspected: "Suspected",
  invalidated: "Invalidated",
};

type Props = { rows: SignatureListRow[]; locale: string } & ({ caption: string } | { labelledBy: string });

/** Signatures as an organiser who may see who signed sees them, newest first. */
export function SignatureTable({ rows, locale, ...name }: Props) {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const columns = { signed: "Signed (UTC)", name: "Name", email: "Email", country: "Country", status: "Status" };
  return (
    <div className="table-scroll">
      <table className={styles.table} aria-labelledby={"labelledBy" in name ? name.labelledBy : undefined}>
        {"caption" in name && <caption>{name.caption}</caption>}
        <thead>
          <tr>
            {Object.values(columns).map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td data-label={columns.signed}>
                <time dateTime={s.signedAt.toISOString()}>{time.format(s.signedAt)}</time>
              </td>
              <td data-label={columns.name}>{s.fullName}</td>
              <td data-label={columns.email}>{s.email}</td>
              <td data-label={columns.country}>{countryName(s.country, locale)}</td>
              <td data-label={columns.status}>{statusLabels[s.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
