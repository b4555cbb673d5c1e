"use client";

import { useEffect, useState } from "react";
import { useLiveSnapshot } from "./LivePetition";

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

/** The latest signers who chose to be listed, with how long ago they signed. */
export function RecentSigners({ locale, renderedAt }: { locale: string; renderedAt: number }) {
  const { recentSigners } = useLiveSnapshot();
  // Starts at the server's clock so the first render matches the HTML, then follows the reader's.
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (recentSigners.length === 0) return null;
  const regions = new Intl.DisplayNames([locale, "en"], { type: "region" });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent signers</h2>
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
