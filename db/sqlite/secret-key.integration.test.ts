import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "@/lib/bot-checks";
import { prepareDatabase, storedRows } from "@/test/database";
import { stores } from "@/lib/stores";
import { databasePath } from "./connection";

const databaseFile = () => databasePath(process.env.DATABASE_URL!);
const secretKeyLocation = () => stores().database.secretKeyLocation()!;

beforeAll(prepareDatabase);

describe("the generated secret key on SQLite", () => {
  it("is made on first use into a file beside the database that only its owner can read", () => {
    const file = secretKeyLocation();
    expect(path.dirname(file)).toBe(path.dirname(path.resolve(databaseFile())));
    issueFormToken();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);
  });

  it("is nowhere in the database", () => {
    const key = readFileSync(secretKeyLocation(), "utf8").trim();
    expect(storedRows("select name from sqlite_master where name = 'app_secrets'")).toEqual([]);
    expect(readFileSync(databaseFile()).includes(key)).toBe(false);
  });
});
