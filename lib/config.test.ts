import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("fills in defaults for an empty environment", () => {
    expect(parseConfig({})).toMatchObject({ DATABASE_URL: "file:./data/countersign.db", PORT: 3000 });
  });

  it("reads the log level in any case, info unless set", () => {
    expect(parseConfig({}).LOG_LEVEL).toBe("info");
    expect(parseConfig({ LOG_LEVEL: " WARN " }).LOG_LEVEL).toBe("warn");
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ PORT: "", ADMIN_EMAIL: "", ADMIN_PASSWORD: "" }).PORT).toBe(3000);
  });

  it("names the setting and what to do for a bad value", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT must be a number/);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/between 1 and 65535/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/SQLite file URL/);
    expect(() => parseConfig({ DATABASE_URL: "postgres://app@db/countersign" })).toThrow(/SECRET_KEY is needed with PostgreSQL/);
    expect(parseConfig({ DATABASE_URL: "postgres://app@db/countersign", SECRET_KEY: "k".repeat(32) }).DATABASE_URL).toMatch(/^postgres/);
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of fatal, error/);
  });

  it("wants the first organiser's email and password together", () => {
    expect(() => parseConfig({ ADMIN_EMAIL: "o@example.org" })).toThrow(/together/);
    expect(() => parseConfig({ ADMIN_EMAIL: "o@example.org", ADMIN_PASSWORD: "short" })).toThrow(/at least 12/);
  });

  it("reads the partner origins that may embed the petition: none listed means any", () => {
    expect(parseConfig({}).EMBED_ORIGINS).toEqual([]);
    expect(parseConfig({ EMBED_ORIGINS: " https://Partner.example.org/ , http://localhost:8080,https://news.example:443" }).EMBED_ORIGINS).toEqual([
      "https://partner.example.org",
      "http://localhost:8080",
      "https://news.example",
    ]);
    for (const bad of ["partner.example.org", "https://partner.example.org/page", "ftp://partner.example.org", "https://a;b.example", "https://*.example.org", "https://x.example:99999"]) {
      expect(() => parseConfig({ EMBED_ORIGINS: bad }), bad).toThrow(/EMBED_ORIGINS must be origins such as https:\/\/partner\.example\.org/);
    }
  });
});
