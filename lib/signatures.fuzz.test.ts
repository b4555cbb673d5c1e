// Property-based fuzzing of the signing path: hostile input of every shape goes through
// signPetition, and what reaches the database, the counter and the page is checked case by case.
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { openReader, type Reader } from "@/test/rows";
import { countryCodes, isCountryCode } from "./domain/countries";
import { emailDomain, emailKey } from "./domain/email-key";
import { isDisposableDomain } from "./email-policy";
import { campaignStatus } from "./campaign-status";
import { publicName } from "./public-name";
import { limits } from "./signature-limits";
import { signatureInput, unsafeCharacters, type SignatureField } from "./signature-input";
import { signCampaign } from "./signatures";
import { stores } from "./stores";

const slug = "white-helmets";
// Replay another run with FUZZ_SEED=<seed>; fast-check prints the seed and path of any failure.
const seed = Number(process.env.FUZZ_SEED ?? 20_261_125);
const fields: readonly SignatureField[] = ["fullName", "email", "country", "comment", "showName", "wantsUpdates"];
const hiddenCharacters = unsafeCharacters.name;

// ---- Hostile material -------------------------------------------------------------------------

const fragments = [
  "<script>alert(1)</script>", "</li><img src=x onerror=alert(1)>", "<b>", ">", "<", "&lt;", "&amp;", '"', "'",
  "'; DROP TABLE signatures; --", "\" OR 1=1 --", "Robert'); DELETE FROM petitions;--", "%00", "\\", "${process.exit()}",
  "{{constructor.constructor('alert(1)')()}}", "=HYPERLINK(\"http://evil.example\")", "+SUM(1,2)", "@cmd",
  "\u202E", "\u202D", "\u2066", "\u200D", "\u200B", "\u200E", "\uFEFF", "\u00AD", "\u0000", "\u0007", "\u001B[31m",
  "\r\n", "\t", "\u0085", "\u2028", "\u3000", "\uD800", "\uDFFF", "\uD83D", "\uDE00", "\uFFFF", "\uE000",
  "аmina", "Αmina", "ｓｃｒｉｐｔ", "𝐀𝐦𝐢𝐧𝐚", "Ꭺmina", "ǅ", "ß", "İ", "\u0301", "👩‍👩‍👧", "🏳️‍🌈", "رائد", "王小明",
  "__proto__", "constructor", "prototype", "toString",
];

const fragment = fc.constantFrom(...fragments);
const stitched = fc
  .array(fc.oneof(fragment, fc.string({ unit: "grapheme", maxLength: 4 }), fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 10 })
  .map((parts) => parts.join(""));
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 });
// Built by repetition: generating 100k random characters thousands of times would take minutes.
const huge = fc
  .tuple(fc.constantFrom("a", "é", "<", "\u202E", "👍", " ", "x ", "'; --"), fc.integer({ min: 100, max: 100_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const hostileString = fc.oneof(
  stitched,
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 150 }),
  loneSurrogates,
  huge,
);

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constant({ toString: "x", valueOf: 1 }),
);

const padded = (value: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom("", " ", "\t", "\n ", "\u3000"), value, fc.constantFrom("", " ", "\r\n")).map((p) => p.join(""));

// ---- Fields: plausible ones, hostile in content yet storable, so that many cases are stored ----

const storableFragments = fragments.filter((f) => !hiddenCharacters.test(f));
const nameWord = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  fc.constantFrom("Amina", "رائد", "王小明", "Zoë", "Ḱhālid", "O'Brien", "аmina", "Αmina", "𝐀𝐦𝐢𝐧𝐚", "<b>Bold</b>", "&amp;"),
  fc.constantFrom("<script>alert(1)</script>", "Robert'); DROP TABLE signatures;--", "</li><img src=x onerror=alert(1)>"),
);
/** Text a few characters either side of a length limit, where off-by-one mistakes live. */
const nearLimit = (limit: number) =>
  fc
    .tuple(fc.integer({ min: limit - 3, max: limit + 3 }), fc.constantFrom("a", "é", "ж", "ب", "<"))
    .map(([length, unit]) => `A${unit.repeat(length - 1)}`);
const plausibleName = padded(
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(nameWord, fc.constantFrom(" ", "  ", "-", " al ", "\u3000"), nameWord, fc.option(fc.constantFrom(...storableFragments), { nil: "" }))
        .map((p) => p.join("")),
    },
    { weight: 1, arbitrary: nearLimit(limits.fullName) },
  ),
);
// Mostly new people; the small pool of Aminas and Raeds is where repeats come from.
const local = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.mixedCase(fc.stringMatching(/^[a-z0-9]{1,8}([._+-][a-z0-9]{1,6})?$/)), fc.nat()).map(([l, n]) => `${l}${n}`) },
  { weight: 1, arbitrary: fc.constantFrom("amina", "Amina", "a.mina", "amina+nobel", "raed.saleh", "raedsaleh+x", "RaedSaleh") },
);
const domain = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("example.org", "Example.ORG", "gmail.com", "googlemail.com", "outlook.com", "proton.me") },
  { weight: 1, arbitrary: fc.constantFrom("mailinator.com", "sub.mailinator.com", "example.org.", "xn--bcher-kva.example") },
);
const plausibleEmail = padded(fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`));
const country = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...countryCodes) },
  { weight: 1, arbitrary: fc.constantFrom(...countryCodes).map((c) => ` ${c}\t`) },
);
const wrongCountry = fc.oneof(
  fc.constantFrom(...countryCodes).map((c) => c.toLowerCase()),
  fc.constantFrom("XX", "ZZ", "EU", "UK", "SY\u200B", "SY\u0000", "ＳＹ", "S", "SYR", "__proto__", "constructor", "hasOwnProperty"),
);
const checkbox = fc.constantFrom<unknown>(true, false, "on", "true", "false");
const wrongCheckbox = fc.constantFrom("off", "yes", "1", "ON", "True", "");
const comment = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  stitched,
  fc.constantFrom(...storableFragments),
  padded(nearLimit(limits.comment)),
);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

const pollutingValue = fc.oneof(fc.constant({ polluted: "yes", isOrganiser: true }), fc.jsonValue({ maxDepth: 2 }));
const extraKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"),
  fc.constantFrom("status", "id", "campaignId", "signatureCount", "signature_count", "isOrganiser", "emailKey", "confirmedAt"),
  fc.string({ maxLength: 8 }),
);
const extras = fc.array(fc.tuple(extraKey, pollutingValue), { maxLength: 4 });

/** Own properties, as JSON.parse and Object.fromEntries make them: "__proto__" is a key, not the prototype. */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return target;
}

const withExtras = (known: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(known, extras, fc.boolean()).map(([fieldValues, more, extrasFirst]) => {
    const given = Object.entries(fieldValues).filter(([, value]) => value !== undefined);
    return ownObject(extrasFirst ? [...more, ...given] : [...given, ...more]);
  });

/** A signer who mostly means it: every field plausible, now and then one spoiled. */
const plausibleSigner = withExtras(
  fc
    .tuple(
      fc.record({
        fullName: plausibleName,
        email: plausibleEmail,
        country,
        comment: optional(comment),
        showName: optional(checkbox),
        wantsUpdates: optional(checkbox),
      }),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...fields), fc.oneof(hostileString, wrongType, wrongCountry, wrongCheckbox)) },
      ),
    )
    .map(([values, spoiled]): Record<string, unknown> => (spoiled ? { ...values, [spoiled[0]]: spoiled[1] } : values)),
);

// A field that is usually plausible, sometimes hostile text or the wrong type, sometimes absent.
const field = <T>(plausible: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType }), {
    nil: undefined,
    freq: 8,
  });

/** A signer who is attacking: every field may be hostile, the wrong type or missing. */
const hostileSigner = withExtras(
  fc.record({
    fullName: field(plausibleName),
    email: field(fc.oneof(plausibleEmail, fc.emailAddress())),
    country: field(fc.oneof(country, wrongCountry)),
    comment: field(fc.oneof(comment, huge)),
    showName: field(fc.oneof(checkbox, wrongCheckbox)),
    wantsUpdates: field(fc.oneof(checkbox, wrongCheckbox)),
  }),
);

const anyRaw = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  hostileString,
  fc
    .jsonValue()
    .map((value): unknown => JSON.parse(`{"__proto__": ${JSON.stringify(value)}, "constructor": {"prototype": {"polluted": "yes"}}}`)),
);

const clientAddress = optional(fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("unknown", "::ffff:127.0.0.1", "<script>", "' OR 1=1")));

// ---- What the database says ----------------------------------------------------------------

type Row = {
  id: number;
  full_name: string;
  email: string;
  email_key: string;
  email_domain: string;
  country: string;
  comment: string | null;
  show_name: number;
  wants_updates: number;
  client_address: string | null;
  status: string;
};

let db: Reader;
let campaignId = 0;
let elsewhere = 0;
let signingCases = 0;
let displayCases = 0;
let signedCases = 0;
const outcomeKinds = new Map<string, number>();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

type Tally = { total: number; confirmed: number; last_id: number };
// One round trip for what each case reads before and after signing: on PostgreSQL the round trips, not
// the signing, are most of this test's time (signing was 6 s of 32, the checks around it the rest).
const tally = async () =>
  (
    await db.all<Tally>(
      "select count(*) as total, count(*) filter (where petition_id = ? and status = 'confirmed') as confirmed, coalesce(max(id), 0) as last_id from signatures",
      campaignId,
    )
  )[0]!;
const lastRow = async () => (await db.all<Row>("select * from signatures order by id desc limit 1"))[0];
const hasKey = async (key: string) =>
  (await db.all("select 1 from signatures where petition_id = ? and email_key = ?", campaignId, key)).length > 0;

/** What the campaign's kept count says, beside its confirmed rows counted one by one. */
async function expectCounterMatchesRows({ total, confirmed }: Tally): Promise<void> {
  expect((await campaignStatus(slug))!.signaturesHere, "the kept count against the confirmed rows").toBe(confirmed);
  expect(confirmed, "every row is confirmed while mail is off").toBe(total);
  const recount = (await stores().campaigns.recountCampaigns()).find((row) => row.slug === slug)!;
  expect(recount.logged, "the count log's adds not removed against the confirmed rows").toBe(confirmed);
}

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  const probe: Record<string, unknown> = {};
  expect([probe.polluted, probe.isOrganiser]).toEqual([undefined, undefined]);
}

/** A stored row must be something the form could have accepted, already in its normal form. */
function expectStoredRowValid(row: Row): void {
  const again = signatureInput.safeParse({
    fullName: row.full_name,
    email: row.email,
    country: row.country,
    comment: row.comment ?? undefined,
    showName: row.show_name === 1,
    wantsUpdates: row.wants_updates === 1,
  });
  expect(again.success, `row ${row.id} re-validates: ${JSON.stringify(row)}`).toBe(true);
  if (!again.success) return;
  expect(again.data.fullName).toBe(row.full_name);
  expect(row.full_name).not.toMatch(hiddenCharacters);
  expect(row.full_name.trim()).toBe(row.full_name);
  expect(row.full_name.length).toBeGreaterThan(0);
  expect(row.full_name.length).toBeLessThanOrEqual(limits.fullName);
  expect(isCountryCode(row.country)).toBe(true);
  expect(row.email_key).toBe(emailKey(row.email));
}

/** Names are shown as text: React must escape every angle bracket, and the text must read back as the name. */
function expectShownEscaped(fullName: string): void {
  const shown = publicName(fullName);
  const markup = renderToStaticMarkup(createElement("li", null, shown));
  expect(markup.startsWith("<li>") && markup.endsWith("</li>")).toBe(true);
  const inner = markup.slice("<li>".length, -"</li>".length);
  expect(inner).not.toMatch(/[<>]/);
  const unescaped = inner
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&");
  expect(unescaped).toBe(shown);
}

/** One signing attempt, checked against a model of what the signing path should do with it. */
async function signAndCheck(raw: unknown, address: string | undefined): Promise<void> {
  signingCases++;
  const before = await tally();
  const parsed = signatureInput.safeParse(raw);
  const expected = !parsed.success || isDisposableDomain(emailDomain(parsed.data.email)) ? "invalid" : "signed";
  // A repeat is answered as a first signature is, and stores nothing.
  const repeat = parsed.success && (await hasKey(emailKey(parsed.data.email)));

  const outcome = await signCampaign(slug, raw, { clientAddress: address });
  const kind = outcome.kind === "signed" && repeat ? "signed again" : outcome.kind;
  outcomeKinds.set(kind, (outcomeKinds.get(kind) ?? 0) + 1);
  expect(["invalid", "signed"]).toContain(outcome.kind);
  expect(outcome.kind).toBe(expected);

  if (outcome.kind === "invalid") {
    // A body that is not an object (JSON's [], null, "x") has no field to blame, so no errors.
    const isObject = typeof raw === "object" && raw !== null && !Array.isArray(raw);
    if (isObject) expect(Object.keys(outcome.errors).length).toBeGreaterThan(0);
    for (const [name, message] of Object.entries(outcome.errors)) {
      expect(fields).toContain(name);
      expect(typeof message === "string" && message.length > 0).toBe(true);
    }
  }
  const after = await tally();
  if (outcome.kind !== "signed" || repeat) {
    expect(after.total, `nothing stored for a ${kind} outcome`).toBe(before.total);
    expect(after.last_id).toBe(before.last_id);
  } else if (parsed.success) {
    signedCases++;
    expect(after.total).toBe(before.total + 1);
    const row = (await lastRow())!;
    const input = parsed.data;
    expectStoredRowValid(row);
    expect(row).toMatchObject({
      full_name: input.fullName,
      email: input.email,
      email_key: emailKey(input.email),
      email_domain: emailDomain(input.email),
      country: input.country,
      comment: input.comment ?? null,
      show_name: input.showName ? 1 : 0,
      wants_updates: input.wantsUpdates ? 1 : 0,
      client_address: address ?? null,
      status: "confirmed",
    });
    expect(outcome.signerNumber).toBe(elsewhere + after.total);
    expectShownEscaped(row.full_name);
  }
  await expectCounterMatchesRows(after);
  expectPrototypesClean();
}

beforeAll(async () => {
  await prepareDatabase();
  db = await openReader(process.env.DATABASE_URL!);
  const [campaign] = await db.all<{ id: number; elsewhere: number }>("select id, signatures_elsewhere as elsewhere from petitions where slug = ?", slug);
  campaignId = campaign!.id;
  elsewhere = campaign!.elsewhere;
});

afterAll(async () => {
  const kinds = [...outcomeKinds].map(([kind, n]) => `${kind} ${n}`).join(", ");
  console.log(
    `signing fuzz, seed ${seed}: ${signingCases} signing cases (${kinds}), ${signedCases} stored rows checked; ` +
      `${displayCases} display cases; ${signingCases + displayCases} in all.`,
  );
  await db.close();
});

describe("signPetition under fuzzing", () => {
  it("answers every hostile signer object with an expected outcome and stores only valid rows", async () => {
    const signer = fc.oneof({ weight: 2, arbitrary: plausibleSigner }, { weight: 1, arbitrary: hostileSigner });
    await fc.assert(fc.asyncProperty(signer, clientAddress, signAndCheck), { seed, numRuns: 6000 });
  }, 120_000);

  it("answers arbitrary values of any shape, prototype keys included, without throwing or storing", async () => {
    await fc.assert(fc.asyncProperty(anyRaw, clientAddress, signAndCheck), { seed, numRuns: 2000 });
  }, 60_000);

  it("shows any name it would store escaped, so a name can never become markup", () => {
    fc.assert(
      fc.property(fc.oneof(plausibleName, hostileString), (name) => {
        displayCases++;
        const checked = signatureInput.shape.fullName.safeParse(name);
        if (checked.success) expectShownEscaped(checked.data);
      }),
      { seed, numRuns: 2000 },
    );
  });

  it("leaves every stored row valid and the counter equal to the rows", async () => {
    const rows = await db.all<Row>("select * from signatures order by id");
    expect(rows.length).toBe(signedCases);
    for (const row of rows) {
      expectStoredRowValid(row);
      expectShownEscaped(row.full_name);
    }
    await expectCounterMatchesRows(await tally());
    expectPrototypesClean();
  });

  // Found by the first property (seed 20261125, case 1781, comment "\udedd\udae4\ud816"). The JSON
  // API's JSON.parse turns "\udedd" into a lone surrogate; names refuse such characters but comments
  // do not, and better-sqlite3 stores each as three bytes of invalid UTF-8 that read back as three
  // U+FFFD. So the row held something else than was validated, and could outgrow the comment limit.
  // Comments now refuse lone surrogates; these keep it so.
  const signWithComment = async (email: string, commentJson: string) => {
    const raw: unknown = JSON.parse(`{"fullName":"Amina Khalil","email":"${email}","country":"SY","comment":"${commentJson}"}`);
    const outcome = await signCampaign(slug, raw);
    const [row] = await db.all<{ comment: string }>("select comment from signatures where email = ?", email);
    return { outcome, stored: row?.comment };
  };

  it("stores a comment exactly as validated, or refuses it (lone surrogates)", async () => {
    const { outcome, stored } = await signWithComment("lone@example.org", "\\udedd\\udae4\\ud816");
    if (outcome.kind === "invalid") return expect(Object.keys(outcome.errors)).toEqual(["comment"]);
    expect(stored).toBe("\udedd\udae4\ud816");
  });

  it("never stores a comment longer than the limit (200 lone surrogates read back as 600 characters)", async () => {
    const { stored } = await signWithComment("lonely@example.org", "\\ud816".repeat(200));
    expect(stored?.length ?? 0).toBeLessThanOrEqual(limits.comment);
  });
});
