"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formattingLocale, type Locale } from "@/lib/domain/locales";
import type { PublicReason } from "@/lib/domain/reasons";
import { useLiveSnapshot } from "./LiveCampaign";
import type { MarkState } from "./reason-actions";

type AgreeAction = (state: MarkState, form: FormData) => Promise<MarkState>;

type Props = {
  initial: PublicReason[];
  /** The first page of the newest: reasons arriving over the stream join it at the top. */
  live: boolean;
  agreeAction: AgreeAction;
  /** Where each reason's report page lives: `<reportHref>/<id>/report`. */
  reportHref: string;
  locale: Locale;
};

/**
 * The reasons of one page. The stream takes off any that left the page (withdrawn, erased, hidden) on every page, and on the
 * first page of the newest adds those that arrive.
 */
export function ReasonList({ initial, live, agreeAction, reportHref, locale }: Props) {
  const t = useTranslations("Reasons");
  const { reasons: stream } = useLiveSnapshot();
  const gone = new Set(stream.gone);
  const newestShown = initial[0]?.id ?? 0;
  const arrived = live ? stream.newest.filter((reason) => reason.id > newestShown) : [];
  // The page's own copy of a reason is at least as fresh as the stream's: agreeing does not move the stream.
  const shown = [...arrived, ...initial].filter((reason) => !gone.has(reason.id));
  if (shown.length === 0) return <p className="reasons-empty">{t("empty")}</p>;
  const regions = new Intl.DisplayNames([locale, "en"], { type: "region" });
  const date = new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <ol className="reasons-list">
      {shown.map((reason) => {
        const country = regions.of(reason.country) ?? reason.country;
        return (
          <li key={reason.id} id={`reason-${reason.id}`} className="reason">
            <figure>
              {/* Text as the signer typed it: never markup, links not made clickable, its own direction. */}
              <blockquote id={`reason-text-${reason.id}`} dir="auto" className="reason-text">
                {reason.text}
              </blockquote>
              <figcaption className="reason-meta">
                {/* The name isolated, so a name in one script keeps its place beside the country in the other. */}
                <span>
                  {reason.name
                    ? t.rich("nameFromCountry", { name: reason.name, country, bdi: (chunks) => <bdi>{chunks}</bdi> })
                    : t("fromCountry", { country })}
                </span>
                {" · "}
                <time dateTime={reason.createdAt}>{date.format(new Date(reason.createdAt))}</time>
              </figcaption>
            </figure>
            <div className="reason-actions">
              <AgreeForm reason={reason} action={agreeAction} />
              <a href={`${reportHref}/${reason.id}/report`} className="reason-report" aria-describedby={`reason-text-${reason.id}`}>
                {t("reportLabel")}
              </a>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function AgreeForm({ reason, action }: { reason: PublicReason; action: AgreeAction }) {
  const t = useTranslations("Reasons");
  const [state, formAction, pending] = useActionState(action, {});
  const agrees = Math.max(state.agrees ?? 0, reason.agrees);
  return (
    <form action={formAction} className="reason-agree">
      <input type="hidden" name="reasonId" value={reason.id} />
      <button type="submit" className="agree-button" disabled={pending} aria-describedby={`reason-text-${reason.id} reason-agrees-${reason.id}`}>
        {t("agree")}
      </button>
      <span id={`reason-agrees-${reason.id}`} className="reason-agrees" role="status">
        {t("agreeCount", { count: agrees })}
      </span>
    </form>
  );
}
