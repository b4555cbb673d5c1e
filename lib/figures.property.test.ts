// The kept figures under random sequences of everything that changes signatures: signing (counted, awaiting confirmation, a
// bot's), confirming, invalidating, releasing, withdrawing, erasing, importing and undoing an import. After each sequence
// every campaign's kept figures must equal a full GROUP BY of its signatures (db/figure-count.ts, written apart from the
// triggers that keep them), and a repair must find nothing to do.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, storedRow, storedRows, writeRows } from "@/test/database";
import { emailDomain, emailKey } from "./domain/email-key";
import type { SignatureStatus } from "./domain/model";
import { eraseSignaturesByEmail } from "./erasure";
import { runImport, stageImport, undoImport } from "./imports/imports";
import { invalidate, release } from "./moderation";
import { newReceiptSalt } from "./receipts";
import { signCampaign } from "./signatures";
import { stores } from "./stores";
import { withdraw, withdrawToken } from "./withdrawals";

const slug = "white-helmets";
const actor = "owner@countersign.example";
// Replay another run with FUZZ_SEED=<seed>; fast-check prints the seed and path of any failure.
const seed = Number(process.env.FUZZ_SEED ?? 20_261_207);
const start = Date.parse("2026-11-30T00:00:00Z");
const hourMs = 3_600_000;
// Few addresses, so repeats, imports of people who signed and erasures of several rows all happen.
const mailboxes = Array.from({ length: 10 }, (_, i) => `signer${i}@example.org`);
const countries = ["SY", "LB", "FR", "SE"];
let campaignId = 0;
const tokens: string[] = [];
const imports: number[] = [];

const mailbox = fc.constantFrom(...mailboxes);
const hour = fc.integer({ min: 0, max: 71 });
const when = (h: number) => new Date(start + h * hourMs + 1_234);
const lastSignatureId = () => storedRow<{ id: number | null }>("select max(id) as id from signatures")?.id ?? 0;
const someSignatureId = (pick: number) => Math.max(1, lastSignatureId() - pick);

const seen = new Set<string>();
function noteWhatIsThere() {
  for (const { status } of storedRows<{ status: string }>("select distinct status from signatures")) seen.add(status);
  const there = storedRow<{ imported: number; referred: number; byLink: number }>(
    `select count(import_id) as imported, count(referrer_id) as referred, count(confirmed_at) as "byLink" from signatures`,
  )!;
  if (Number(there.imported) > 0) seen.add("imported");
  if (Number(there.referred) > 0) seen.add("referred");
  if (Number(there.byLink) > 0) seen.add("confirmed by link");
}

type Step = { label: string; run: () => Promise<unknown> };

const store = fc
  .record({
    email: mailbox,
    status: fc.constantFrom<SignatureStatus>("confirmed", "pending", "suspected"),
    country: fc.constantFrom(...countries),
    hour,
    fillMs: fc.option(fc.integer({ min: 0, max: 400_000 })),
    referrer: fc.option(fc.integer({ min: 0, max: 5 })),
  })
  .map(({ email, status, country, hour: h, fillMs, referrer }): Step => ({
    label: `store ${status} ${email}`,
    run: async () => {
      const tokenHash = randomBytes(16).toString("hex");
      const values = {
        campaignId, status, fullName: "Rana Khalil", email, emailKey: emailKey(email), emailDomain: emailDomain(email), country,
        signedAt: when(h), fillMs, referrerId: referrer === null ? null : someSignatureId(referrer), receiptSalt: newReceiptSalt(),
      };
      const confirmation = status === "pending" ? { tokenHash, codeHash: "unused", expiresAt: new Date(Date.now() + 86_400_000) } : undefined;
      const outcome = await stores().signatures.insertSignature(values, { confirmation });
      if (confirmation && outcome.kind === "signed") tokens.push(tokenHash);
    },
  }));

const signHere = fc.record({ email: mailbox, country: fc.constantFrom(...countries), hour }).map(({ email, country, hour: h }): Step => ({
  label: `sign ${email}`,
  run: () => signCampaign(slug, { fullName: "Omar Nassar", email, country }, { now: when(h) }),
}));

const confirm = fc.nat().map((pick): Step => ({
  label: "confirm",
  run: async () => {
    if (tokens.length > 0) await stores().signatures.confirmByToken(tokens[pick % tokens.length]!, new Date());
  },
}));

const range = fc.tuple(hour, fc.integer({ min: 1, max: 24 })).map(([h, hours]) => ({ from: when(h), to: when(h + hours) }));
const invalidateSome = range.map((choice): Step => ({ label: "invalidate", run: () => invalidate(slug, { suspected: false, emailDomain: undefined, ...choice }, actor) }));
const releaseSome = range.map((choice): Step => ({ label: "release", run: () => release(slug, { suspected: true, emailDomain: undefined, ...choice }, actor) }));
const withdrawOne = fc.integer({ min: 0, max: 8 }).map((pick): Step => ({ label: "withdraw", run: () => withdraw(withdrawToken(someSignatureId(pick))) }));
const erase = mailbox.map((email): Step => ({ label: `erase ${email}`, run: () => eraseSignaturesByEmail(email, actor) }));

const importSome = fc.uniqueArray(fc.tuple(mailbox, fc.constantFrom(...countries), hour), { minLength: 1, maxLength: 4, selector: ([email]) => email }).map(
  (rows): Step => ({
    label: `import ${rows.map(([email]) => email).join(", ")}`,
    run: async () => {
      const text = ["Name,Email,Country,Date", ...rows.map(([email, country, h]) => `Mei Chen,${email},${country},${when(h).toISOString().slice(0, 10)}`)].join("\n");
      const staged = await stageImport(slug, { name: "elsewhere.csv", bytes: new TextEncoder().encode(text) }, actor);
      if (staged.kind !== "staged") throw new Error(`the import was not staged: ${JSON.stringify(staged)}`);
      const done = await runImport(slug, staged.importId, { fullName: "0", email: "1", country: "2", signedAt: "3" }, actor);
      if (done.kind !== "imported") throw new Error(`the import did not run: ${JSON.stringify(done)}`);
      imports.push(staged.importId);
    },
  }),
);
const undo = fc.nat().map((pick): Step => ({
  label: "undo an import",
  run: async () => {
    if (imports.length > 0) await undoImport(slug, imports.splice(pick % imports.length, 1)[0]!, actor);
  },
}));

const step = fc.oneof(
  { arbitrary: store, weight: 4 },
  { arbitrary: signHere, weight: 2 },
  confirm,
  invalidateSome,
  releaseSome,
  withdrawOne,
  erase,
  importSome,
  undo,
);

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await stores().campaigns.readCampaignStanding(slug))!.id;
});

describe("the kept figures", () => {
  it("move exactly as signatures are signed, confirmed, invalidated, released, withdrawn, erased, imported and undone", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const { run } of steps) await run();
        noteWhatIsThere();
        const recounts = await stores().charts.recountFigures(false);
        expect(recounts.flatMap((recount) => recount.differences)).toEqual([]);
      }),
      { seed, numRuns: 25, examples: [], endOnFailure: true },
    );
    // Not a vacuous pass: along the way there were signatures of every status, imported, referred and confirmed by link.
    expect([...seen].sort()).toEqual(["confirmed", "confirmed by link", "imported", "invalidated", "pending", "referred", "suspected"]);
  });

  it("are found to differ when changed behind the triggers' back, and a repair writes them anew from the signatures", async () => {
    const add = (kind: string, bucket: string, status: string, count: number) =>
      writeRows(
        `insert into campaign_figures (petition_id, kind, bucket, status, count) values (?, ?, ?, ?, ?)
          on conflict (petition_id, kind, bucket, status) do update set count = campaign_figures.count + excluded.count`,
        campaignId, kind, bucket, status, count,
      );
    add("country", "SY", "confirmed", 3);
    add("hour", "0", "pending", 2);
    const [found] = (await stores().charts.recountFigures(false)).filter((recount) => recount.slug === slug);
    expect(found!.differences).toContainEqual(expect.objectContaining({ kind: "country", bucket: "SY", status: "confirmed" }));
    expect(found!.differences).toContainEqual({ kind: "hour", bucket: "0", status: "pending", kept: 2, counted: 0 });
    expect(found!.repaired).toBe(false);

    const [repaired] = (await stores().charts.recountFigures(true)).filter((recount) => recount.slug === slug);
    expect(repaired).toMatchObject({ repaired: true, differences: found!.differences });
    expect((await stores().charts.recountFigures(false)).flatMap((recount) => recount.differences)).toEqual([]);
  });
});
