import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./embed.css";

// Shown inside other sites' pages: search engines should list the campaign page, not this.
export const metadata: Metadata = { robots: { index: false } };

/**
 * The petition inside a partner's page: no site header or footer. Every link opens in a new tab,
 * since the site's other pages refuse to be framed and a reader should keep the partner's page.
 */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <base target="_blank" />
      {children}
    </>
  );
}
