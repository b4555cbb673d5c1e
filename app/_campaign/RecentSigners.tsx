"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { formattingLocale, type Locale } from "@/lib/domain/locales";
import { useLiveSnapshot } from "./LiveCampaign";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

function timeAgo(iso: string, now: number, format: Intl.RelativeTimeFormat): string {
  const elapsed = now - Date.parse(iso);
  for (const [unit, ms] of units) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return format.format(0, "minute");
}

const tickMs = 30_000;

function subscribeToClock(onTick: () => void) {
  const timer = setInterval(onTick, tickMs);
  return () => clearInterval(timer);
}

// Rounded so that renders between ticks see the same value, as useSyncExternalStore requires.
const readClock = () => Math.floor(Date.now() / tickMs) * tickMs;

/** The latest signers who chose to be listed, with how long ago they signed. */
export function RecentSigners({ locale, renderedAt }: { locale: Locale; renderedAt: number }) {
  const t = useTranslations("RecentSigners");
  const { recentSigners } = useLiveSnapshot();
  const now = useSyncExternalStore(subscribeToClock, readClock, () => renderedAt);
  if (recentSigners.length === 0) return null;
  const regions = new Intl.DisplayNames([locale, "en"], { type: "region" });
  const relative = new Intl.RelativeTimeFormat(formattingLocale(locale), { numeric: "auto" });

  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t("heading")}</h2>
      <ul>
        {recentSigners.map((signer) => (
          <li key={`${signer.signedAt}-${signer.name}`}>
            <span className="recent-name">{signer.name}</span>
            <span className="recent-meta">
              {regions.of(signer.country) ?? signer.country} ·{" "}
              <time dateTime={signer.signedAt}>{timeAgo(signer.signedAt, now, relative)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
