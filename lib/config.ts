import { z } from "zod";

const port = z.coerce
  .number({ error: "PORT must be a number, such as 3000" })
  .int("PORT must be a whole number")
  .min(1, "PORT must be between 1 and 65535")
  .max(65535, "PORT must be between 1 and 65535");

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    DATABASE_URL: z
      .string()
      .trim()
      .default("file:./data/countersign.db")
      .refine((url) => url.startsWith("file:"), {
        error: "DATABASE_URL must be an SQLite file URL such as file:./data/countersign.db",
      }),
    PORT: port.default(3000),
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
  })
  .refine((c) => (c.ADMIN_EMAIL === undefined) === (c.ADMIN_PASSWORD === undefined), {
    error: "Set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither",
    path: ["ADMIN_PASSWORD"],
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

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** The SQLite file path from a file: URL, relative paths resolved against the working directory. */
export function databasePath(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}
