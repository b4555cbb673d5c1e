// This file is CommonJS (next.config.js), where require is how a plugin is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

// next-intl finds its per-request setup in i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The repository root is the project; without this Next.js may guess a parent folder's lockfile.
  outputFileTracingRoot: __dirname,
  turbopack: { root: __dirname },
  experimental: {
    // forbidden() answers an organiser whose role lacks a right with a 403 and app/admin/forbidden.tsx.
    authInterrupts: true,
    // The stylesheet (6 kB gzipped) goes inside each page instead of beside it: a reader on a slow
    // connection sees the story one round trip sooner, with nothing render-blocking to fetch.
    inlineCss: true,
  },
  // pdfkit (the delivery report) loads its parts by package imports relative to its own files, so
  // it runs from node_modules rather than from a bundle.
  serverExternalPackages: ["pdfkit"],
  // next build would type-check the whole project again, half of its time: `npm run typecheck`
  // (tsc, strict) checks the same code in `npm test` and CI, and fails them on any error.
  typescript: { ignoreBuildErrors: true },
  // Partners' pages load public/embed.js on every view: let browsers and caches keep it an hour.
  async headers() {
    return [{ source: "/embed.js", headers: [{ key: "Cache-Control", value: "public, max-age=3600" }] }];
  },
};

module.exports = withNextIntl(nextConfig);
