const path = require("node:path");

// The baseline imports the app's own zod schema, from two folders up.
const root = path.join(__dirname, "../..");

/** @type {import('next').NextConfig} */
module.exports = {
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
};
