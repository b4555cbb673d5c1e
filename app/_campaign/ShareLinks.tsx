"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Plain share links: no third-party scripts, nothing loads until the signer chooses one. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const t = useTranslations("Share");
  const [copied, setCopied] = useState(false);
  const text = t("text", { title });
  const e = encodeURIComponent;
  const links = [
    { label: t("email"), href: `mailto:?subject=${e(title)}&body=${e(`${text}\n\n${url}`)}` },
    { label: "WhatsApp", href: `https://wa.me/?text=${e(`${text} ${url}`)}` },
    { label: "X", href: `https://x.com/intent/post?text=${e(text)}&url=${e(url)}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${e(url)}` },
  ];

  const copy = async () => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };

  return (
    <div className="share">
      <div className="share-copy">
        <label htmlFor="share-url">{t("linkLabel")}</label>
        <div className="share-copy-row">
          {/* A URL reads left to right in every language. */}
          <input id="share-url" readOnly value={url} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={copy}>
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
        <span className="visually-hidden" aria-live="polite">
          {copied ? t("copiedAnnouncement") : ""}
        </span>
      </div>
      <ul className="share-links" aria-label={t("listLabel")}>
        {links.map((link) => (
          <li key={link.label}>
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
