/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Compressing a 300-byte server-action answer cost more CPU than the action itself (profiled).
  // Campaign pages are gzipped by the page cache; put a compressing proxy or CDN before the rest.
  compress: false,
  reactStrictMode: true,
  // The repository root is the project; without this Next.js may guess a parent folder's lockfile.
  outputFileTracingRoot: __dirname,
  turbopack: { root: __dirname },
};

module.exports = nextConfig;
