import type { ReactNode } from "react";
import "./globals.css";

// The document (<html lang dir>) is drawn by each section's own layout: app/[locale]/layout.tsx
// for the public pages in the reader's language, app/admin/layout.tsx for organisers.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
