import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Countersign", template: "%s · Countersign" },
  description: "Read the story, add your name, watch the count move.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d1a16" };

// Every page is rendered per request: the CSP nonce (see proxy.ts) is new each time, and a
// prerendered page would carry scripts without it.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to the content
        </a>
        {children}
        <footer className="site-footer">
          <p>
            Countersign, open-source petitions. <a href="/privacy">Privacy</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
