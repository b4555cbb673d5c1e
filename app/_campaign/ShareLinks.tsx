"use client";

import { useState } from "react";

/** Plain share links: no third-party scripts, nothing loads until the signer chooses one. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState(false);
  const text = `I just signed "${title}". Will you add your name?`;
  const e = encodeURIComponent;
  const links = [
    { label: "Email", href: `mailto:?subject=${e(title)}&body=${e(`${text}\n\n${url}`)}` },
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
        <label htmlFor="share-url">Link to this petition</label>
        <div className="share-copy-row">
          <input id="share-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
        <span className="visually-hidden" aria-live="polite">
          {copied ? "Link copied" : ""}
        </span>
      </div>
      <ul className="share-links" aria-label="Share this petition">
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
