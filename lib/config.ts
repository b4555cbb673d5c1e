import { z } from "zod";

const port = z.coerce
  .number({ error: "PORT must be a number, such as 3000" })
  .int("PORT must be a whole number")
  .min(1, "PORT must be between 1 and 65535")
  .max(65535, "PORT must be between 1 and 65535");

const count = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} cannot be negative (0 turns the limit off)`);

const domainList = z
  .string()
  .transform((list) => list.split(",").map((d) => d.trim().toLowerCase()).filter(Boolean));

// A web origin and nothing more: scheme, a host (a name or an IP address) and maybe a port.
const originShape = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?\/?$/i;

/** Comma-separated web origins, each as a browser names it (lower case, no default port). */
const originList = (name: string) =>
  z.string().transform((list, ctx) => {
    const origins: string[] = [];
    for (const item of list.split(",").map((o) => o.trim()).filter(Boolean)) {
      let origin: string | undefined;
      try {
        origin = originShape.test(item) ? new URL(item).origin : undefined;
      } catch {
        origin = undefined;
      }
      if (!origin) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must be origins such as https://partner.example.org, separated by commas (scheme and host, no path): "${item}" is not one`,
        });
        return z.NEVER;
      }
      origins.push(origin);
    }
    return origins;
  });

/** Big webmail providers: a per-domain limit on them would stop real signers, and they police their own sign-ups. */
const defaultExemptDomains =
  "gmail.com,outlook.com,hotmail.com,live.com,msn.com,yahoo.com,icloud.com,me.com,aol.com,proton.me,protonmail.com,gmx.de,gmx.net,web.de,mail.ru,yandex.ru,qq.com,163.com";

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    DATABASE_URL: z
      .string()
      .trim()
      .default("file:./data/countersign.db")
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
        error: "DATABASE_URL must be an SQLite file URL such as file:./data/countersign.db, or postgres://user:password@host:5432/database",
      }),
    DATABASE_POOL_SIZE: count("DATABASE_POOL_SIZE").min(1, "DATABASE_POOL_SIZE must be at least 1").max(100, "DATABASE_POOL_SIZE must be at most 100").default(10),
    PORT: port.default(3000),
    SQLITE_SYNCHRONOUS: z
      .enum(["FULL", "NORMAL"], { error: "SQLITE_SYNCHRONOUS must be FULL or NORMAL" })
      .default("FULL"),
    LOG_LEVEL: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(
        z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
          error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent",
        }),
      )
      .default("info"),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    PUBLIC_URL: z
      .url({ error: "PUBLIC_URL must be an absolute URL such as https://sign.example.org" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
    ADMIN_EMAIL: z.email({ error: "ADMIN_EMAIL must be an email address" }).optional(),
    ADMIN_PASSWORD: z
      .string()
      .min(12, "ADMIN_PASSWORD must be at least 12 characters")
      .max(256, "ADMIN_PASSWORD must be at most 256 characters")
      .optional(),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://user:password@host:587 or smtps://…" })
      .optional(),
    SECRET_KEY: z
      .string()
      .trim()
      .min(32, "SECRET_KEY must be at least 32 characters; `openssl rand -base64 32` makes a good one")
      .optional(),
    MAIL_FROM: z.string().trim().min(3, "MAIL_FROM must be a sender such as Countersign <petitions@example.org>").optional(),
    TRUSTED_PROXY_HEADER: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]+$/, "TRUSTED_PROXY_HEADER must be a header name such as x-forwarded-for")
      .optional(),
    TRUST_FORWARDED_HOST: z
      .stringbool({ error: "TRUST_FORWARDED_HOST must be true or false" })
      .default(false),
    // Off only to measure what the log costs (npm run bench): a count moved while it is off is missing from the log for good.
    COUNT_LOG: z
      .stringbool({ error: "COUNT_LOG must be true or false" })
      .default(true),
    SIGN_LIMIT_PER_ADDRESS: count("SIGN_LIMIT_PER_ADDRESS").default(30),
    SIGN_LIMIT_PER_DOMAIN: count("SIGN_LIMIT_PER_DOMAIN").default(200),
    SIGN_LIMIT_WINDOW_MINUTES: count("SIGN_LIMIT_WINDOW_MINUTES").min(1, "SIGN_LIMIT_WINDOW_MINUTES must be at least 1").default(60),
    SIGN_LIMIT_EXEMPT_DOMAINS: domainList.prefault(defaultExemptDomains),
    CLIENT_ADDRESS_RETENTION_DAYS: count("CLIENT_ADDRESS_RETENTION_DAYS")
      .min(1, "CLIENT_ADDRESS_RETENTION_DAYS must be at least 1")
      .default(30),
    PAGE_CACHE_SECONDS: count("PAGE_CACHE_SECONDS").max(60, "PAGE_CACHE_SECONDS must be at most 60").default(1),
    EMBED_ORIGINS: originList("EMBED_ORIGINS").prefault(""),
    // Updates to signers leave no faster than this, across every process together, so a big list
    // stays within what the mail server (and its reputation) allows; signers' own mail goes first.
    UPDATE_SEND_PER_MINUTE: count("UPDATE_SEND_PER_MINUTE")
      .min(1, "UPDATE_SEND_PER_MINUTE must be at least 1")
      .max(1_000_000, "UPDATE_SEND_PER_MINUTE must be at most 1000000")
      .default(600),
  })
  .refine((c) => (c.ADMIN_EMAIL === undefined) === (c.ADMIN_PASSWORD === undefined), {
    error: "Set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither",
    path: ["ADMIN_PASSWORD"],
  })
  .refine((c) => !c.SMTP_URL || c.MAIL_FROM, {
    error: "MAIL_FROM is needed with SMTP_URL: the sender of confirmation emails",
    path: ["MAIL_FROM"],
  })
  .refine((c) => c.SECRET_KEY || c.DATABASE_URL.startsWith("file:"), {
    error: "SECRET_KEY is needed with PostgreSQL: every process must sign links with the same key, and there is no data folder to keep a generated one in",
    path: ["SECRET_KEY"],
  })
  .refine((c) => !c.SMTP_URL || c.PUBLIC_URL, {
    error: "PUBLIC_URL is needed with SMTP_URL: emailed links must point at the site's public address",
    path: ["PUBLIC_URL"],
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads settings from an environment; empty strings count as unset, as a blank line in .env means. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "settings"}: ${issue.message}`);
    throw new ConfigError(`Countersign cannot start: a setting is not valid.\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** Mail goes out, and confirmation can be asked for, only when SMTP is configured. */
export function mailConfigured(settings: Config = config()): boolean {
  return settings.SMTP_URL !== undefined;
}

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
