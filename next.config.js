/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The repository root is the project; without this Next.js may guess a parent folder's lockfile.
  outputFileTracingRoot: __dirname,
  turbopack: { root: __dirname },
};

module.exports = nextConfig;
