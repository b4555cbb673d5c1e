import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The floors of the house, bottom up: the domain's types and rules (lib/domain) import nothing of
// the app; the stores (db/) import only the domain; the services (lib/) use the stores an entry
// point opened (scripts/start.ts), never db/ itself; the two front doors (app/, server/) call lib/.
const floors = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        {
          target: "./lib/domain",
          from: ["./lib", "./db", "./app", "./server", "./scripts"],
          except: ["./domain"],
          message: "lib/domain is the lowest floor: it imports nothing of the app.",
        },
        { target: "./db", from: ["./lib", "./app", "./server"], except: ["./domain"], message: "db/ imports only lib/domain (the types and rules it stores)." },
        { target: "./lib", from: "./db", message: "lib/ never imports the database: an entry point opens it and lib/stores.ts hands out its stores." },
        { target: "./lib", from: ["./app", "./server"], message: "lib/ is below the front doors and never imports them." },
        { target: "./app", from: ["./db", "./server", "./lib/stores.ts"], message: "app/ calls lib/'s services; it never reaches the stores or imports the fast lane." },
        { target: "./server", from: ["./db", "./app"], message: "server/ calls lib/; it never imports the database or the pages." },
      ],
    },
  ],
};

const config = [
  { ignores: [".next/**", "dist/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/next-minimal/**"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Plain anchors are deliberate: admin links and downloads should work as ordinary links.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "db/**/*.ts", "app/**/*.{ts,tsx}", "server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: floors,
  },
  {
    // Playwright's fixtures call their callback `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
