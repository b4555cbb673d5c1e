import { getTranslations } from "next-intl/server";
import type { CountCheck } from "@/lib/count-log/count-check";
import { formattingLocale, type Locale } from "@/lib/domain/locales";

type Props = {
  check: CountCheck;
  slug: string;
  site: string;
  locale: Locale;
  /** The campaign page's total, and the part of it gathered before the page opened, which the log cannot hold one by one. */
  total: number;
  elsewhere: number;
};

/** The log's last signed checkpoint as the server reads it, its files, and the command that checks all of it. */
export async function WholeCount({ check, slug, site, locale, total, elsewhere }: Props) {
  const t = await getTranslations({ locale, namespace: "Receipt" });
  const number = new Intl.NumberFormat(formattingLocale(locale));
  const signedAt = check.checkpointAt && (
    <time dateTime={check.checkpointAt.toISOString()}>
      {new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(check.checkpointAt)} UTC
    </time>
  );
  const files = [
    { path: "checkpoint", label: t("checkpointLink") },
    { path: "stats.json", label: t("statsLink") },
    { path: "vkey", label: t("keyLink") },
  ];
  return (
    <section aria-labelledby="receipt-whole">
      <h2 id="receipt-whole">{t("wholeHeading")}</h2>
      <p>{t("wholeIntro")}</p>
      <dl className="stats">
        <div>
          <dt>{t("size")}</dt>
          <dd>{number.format(check.size)}</dd>
        </div>
        <div>
          <dt>{t("shownCount")}</dt>
          <dd>{number.format(check.count)}</dd>
        </div>
      </dl>
      {elsewhere > 0 && <p className="field-hint">{t("elsewhere", { total: number.format(total), elsewhere: number.format(elsewhere) })}</p>}
      <dl className="receipt-facts">
        <dt>{t("checkpointAt")}</dt>
        <dd>{signedAt ?? t("noCheckpoint")}</dd>
        <dt>{t("rootHash")}</dt>
        <dd>
          {/* A hash reads left to right in every language, and breaks anywhere rather than run off a phone. */}
          <code dir="ltr" className="receipt-hash">
            {check.rootHash}
          </code>
        </dd>
      </dl>
      <ul className="receipt-files" aria-label={t("filesLabel")}>
        {files.map((file) => (
          <li key={file.path}>
            <a href={`${check.logPath}/${file.path}`}>{file.label}</a>
          </li>
        ))}
      </ul>
      <p>{t("verify")}</p>
      <pre className="receipt-command" dir="ltr">
        <code>{`npm run log:verify -- ${site} ${slug}`}</code>
      </pre>
    </section>
  );
}
