// Imported first by the start script: Next.js reads NODE_ENV as it loads, before main() runs.
if (!process.env.NODE_ENV) {
  Object.assign(process.env, { NODE_ENV: process.argv.includes("--dev") ? "development" : "production" });
}
