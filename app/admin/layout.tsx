import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: { default: "Countersign", template: "%s · Countersign" } };
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d1a16" };

// Every page is rendered per request: the CSP nonce (see proxy.ts) is new each time.
export const dynamic = "force-dynamic";

/** Organisers' pages are in English for now; the public pages speak each reader's language. */
export default function OrganiserLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" dir="ltr">
      <body>
        <a className="skip-link" href="#main">
          Skip to the content
        </a>
        {children}
      </body>
    </html>
  );
}
