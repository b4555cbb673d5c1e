import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { inspectDatabase, prepareDatabase } from "@/test/database";
import { databasePath } from "./config";
import { petitionStatus } from "./petitions";
import { signPetition } from "./signatures";
import { describeWithdrawal } from "./withdrawals";

const slug = "white-helmets";
const elsewhere = 325_000;

const signer = (email: string, extra: Record<string, unknown> = {}) => ({
  fullName: "Amina Khalil",
  email,
  country: "SY",
  ...extra,
});

function storedRows(): number {
  const db = inspectDatabase();
  try {
    return (db.prepare("select count(*) as n from signatures").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(prepareDatabase);

describe("signPetition", () => {
  it("stores a signature and numbers the signer after those gathered elsewhere", async () => {
    const before = (await petitionStatus(slug))!.total;
    const outcome = await signPetition(slug, signer("first@example.org", { showName: "on", comment: "  For Aleppo.  " }));
    expect(outcome).toMatchObject({ kind: "signed", signerNumber: before + 1 });

    const db = inspectDatabase();
    const row = db.prepare("select * from signatures where email = ?").get("first@example.org") as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({ full_name: "Amina Khalil", country: "SY", comment: "For Aleppo.", show_name: 1, wants_updates: 0 });
  });

  it("answers a second signature from the same mailbox as a first, however it is typed, and stores nothing more", async () => {
    const first = await signPetition(slug, signer("Raed.Saleh@gmail.com"));
    const before = (await petitionStatus(slug))!;
    const rows = storedRows();
    const again = await signPetition(slug, signer("  raedsaleh+nobel@GoogleMail.com ", { fullName: "Raed Saleh" }));
    // The same shape, a plausible number, a token like a real one: nothing tells anyone the address had signed.
    expect(again).toEqual({ kind: "signed", signerNumber: before.total + 1, withdrawToken: expect.stringMatching(/^[\w-]{48}$/) });
    expect(first).toEqual({ kind: "signed", signerNumber: expect.any(Number), withdrawToken: expect.stringMatching(/^[\w-]{48}$/) });
    if (again.kind !== "signed" || first.kind !== "signed") return;
    // Its token opens nothing, so a repeat cannot be used to withdraw the real signature.
    expect(await describeWithdrawal(again.withdrawToken)).toBeUndefined();
    expect(await describeWithdrawal(first.withdrawToken)).toMatchObject({ status: "confirmed" });
    expect(storedRows()).toBe(rows);
    expect(await petitionStatus(slug)).toEqual(before);
  });

  it("waits for confirmation when a signature is written without a status: the schema fails closed", () => {
    const db = new Database(databasePath(process.env.DATABASE_URL!));
    try {
      db.prepare(
        `insert into signatures (petition_id, full_name, email, email_key, email_domain, country, signed_at)
         select id, 'No Status', 'no-status@example.org', 'no-status@example.org', 'example.org', 'SY', 0 from petitions where slug = ?`,
      ).run(slug);
      expect(db.prepare("select status from signatures where email = ?").get("no-status@example.org")).toEqual({ status: "pending" });
    } finally {
      db.prepare("delete from signatures where email = ?").run("no-status@example.org");
      db.close();
    }
  });

  it("stores the email as typed, trimmed, while matching on the normalised key", async () => {
    await signPetition(slug, signer("  Mixed.Case@Example.ORG "));
    const db = inspectDatabase();
    const row = db.prepare("select email, email_key from signatures where email_key = ?").get("mixed.case@example.org");
    db.close();
    expect(row).toEqual({ email: "Mixed.Case@Example.ORG", email_key: "mixed.case@example.org" });
  });

  it("accepts names in any script", async () => {
    for (const [i, fullName] of ["رائد الصالح", "王小明", "Zoë Ñúñez-Ågren", "Ḱhālid ibn Wālid"].entries()) {
      expect((await signPetition(slug, signer(`script${i}@example.org`, { fullName }))).kind).toBe("signed");
    }
  });

  it("returns every field's problem and stores nothing for invalid input", async () => {
    const rows = storedRows();
    const outcome = await signPetition(slug, { fullName: "   ", email: "not-an-email", country: "XX", comment: "x".repeat(501) });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(Object.keys(outcome.errors).sort()).toEqual(["comment", "country", "email", "fullName"]);
    expect(storedRows()).toBe(rows);
  });

  it("answers not-found for a campaign that does not exist", async () => {
    expect(await signPetition("no-such-campaign", signer("nobody@example.org"))).toEqual({ kind: "not-found" });
  });

  it("keeps the counter equal to the stored rows plus those gathered elsewhere", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => signPetition(slug, signer(`many${i}@example.org`))));
    const status = (await petitionStatus(slug))!;
    expect(status.signaturesHere).toBe(storedRows());
    expect(status.total).toBe(storedRows() + elsewhere);
  });

  it("stores exactly one row when 50 attempts with one email race from separate processes", async () => {
    const run = promisify(execFile);
    const email = "racer@example.org";
    const processes = 10;
    const startAt = Date.now() + 4000;
    const results = await Promise.all(
      Array.from({ length: processes }, () =>
        run(process.execPath, ["--import", "tsx", "test/race-signer.ts", slug, email, "5", String(startAt)], {
          env: process.env,
        }),
      ),
    );
    const outcomes = results.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    // Every attempt is answered as a first signature would be; the unique index keeps one row.
    expect(outcomes).toEqual(Array.from({ length: 50 }, () => "signed"));

    const db = inspectDatabase();
    const { n } = db.prepare("select count(*) as n from signatures where email_key = ?").get(email) as { n: number };
    db.close();
    expect(n).toBe(1);
    expect((await petitionStatus(slug))!.signaturesHere).toBe(storedRows());
  }, 60_000);
});
