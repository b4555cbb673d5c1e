import { stores } from "./stores";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { searchLimits } from "@/db/signature-search";
import { prepareDatabase } from "@/test/database";
import { emailDomain, emailKey } from "./domain/email-key";
import type { SignatureStatus } from "./domain/model";
import { nameKey } from "./domain/name-key";
import { signatureList } from "./signature-list";
import type { SignatureListPage, SignatureSearch } from "./domain/signature-search";
import { newReceiptSalt } from "@/lib/receipts";

const slug = "white-helmets";
const names = ["Amina Khalil", "Zoë Lefèvre", "Zoe Smith", "نُور الهدى", "Дмитрий Коваль", "王小明", "Ελένη Παπαδοπούλου", "Raed Saleh"];
const countries = ["SY", "FR", "GB", "RU", "CN", "GR", "IS"];
const statuses: SignatureStatus[] = ["confirmed", "confirmed", "pending", "confirmed", "suspected", "invalidated"];
const domains = ["example.org", "mail.example.net", "gmail.com"];
const start = Date.UTC(2026, 0, 1);
const dayMs = 86_400_000;

type Stored = { id: number; fullName: string; email: string; country: string; status: SignatureStatus; signedAt: Date };
const stored: Stored[] = [];
let campaignId = 0;
const defaults = { ...searchLimits };

beforeAll(async () => {
  await prepareDatabase();
  campaignId = (await stores().campaigns.readCampaignStanding(slug))!.id;
  // 260 signatures over 26 days, ten a day, of every name, country, status and domain in turn.
  for (let i = 0; i < 260; i++) {
    const fullName = names[i % names.length]!;
    const email = `list.${i}@${domains[i % domains.length]}`;
    const values = {
      campaignId,
      status: statuses[i % statuses.length]!,
      fullName,
      email,
      emailKey: emailKey(email),
      emailDomain: emailDomain(email),
      country: countries[i % countries.length]!,
      signedAt: new Date(start + Math.floor(i / 10) * dayMs + (i % 10) * 1000),
      receiptSalt: newReceiptSalt(),
    };
    const outcome = await stores().signatures.insertSignature(values);
    if (outcome.kind !== "signed") throw new Error(`signature ${i} was not stored`);
    stored.push({ id: outcome.signatureId, ...values });
  }
});

afterEach(() => Object.assign(searchLimits, defaults));

/** What a search should find, newest first, worked out here from what was stored. */
function expected(search: Omit<SignatureSearch, "campaignId">): number[] {
  return stored
    .filter(
      (s) =>
        (search.namePrefix === undefined || nameKey(s.fullName).startsWith(search.namePrefix)) &&
        (search.emailKey === undefined || emailKey(s.email) === search.emailKey) &&
        (search.emailDomain === undefined || emailDomain(s.email) === search.emailDomain) &&
        (search.country === undefined || s.country === search.country) &&
        (search.status === undefined || s.status === search.status) &&
        (search.from === undefined || s.signedAt >= search.from) &&
        (search.to === undefined || s.signedAt < search.to),
    )
    .map((s) => s.id)
    .sort((a, b) => b - a);
}

/** Follows the older links from the newest page to the end, then the newer links back to the top. */
async function walk(search: Omit<SignatureSearch, "campaignId">, size: number) {
  const query = { ...search, campaignId };
  const pages: SignatureListPage[] = [await stores().signatures.searchSignatures(query, { direction: "older", size })];
  while (pages.at(-1)!.older !== undefined) pages.push(await stores().signatures.searchSignatures(query, { direction: "older", cursor: pages.at(-1)!.older, size }));
  const back: SignatureListPage[] = [];
  let from = pages.at(-1)!;
  while (from.newer !== undefined) {
    from = await stores().signatures.searchSignatures(query, { direction: "newer", cursor: from.newer, size });
    back.push(from);
  }
  return { pages, back };
}

const ids = (pages: SignatureListPage[]) => pages.flatMap((p) => p.rows.map((r) => r.id));

const searches: [string, Omit<SignatureSearch, "campaignId">][] = [
  ["everyone", {}],
  ["a name's start, accents and case aside", { namePrefix: nameKey("ZOE") }],
  ["an Arabic name typed without its short vowels", { namePrefix: nameKey("نور") }],
  ["a Cyrillic name in capitals", { namePrefix: nameKey("ДМИТ") }],
  ["a country", { country: "GR" }],
  ["a status", { status: "suspected" }],
  ["a domain", { emailDomain: "mail.example.net" }],
  ["an address", { emailKey: emailKey("LIST.41@mail.example.net") }],
  ["a range of days", { from: new Date(start + 3 * dayMs), to: new Date(start + 9 * dayMs) }],
  ["a country and a status", { country: "SY", status: "confirmed" }],
  ["a name, a domain and days", { namePrefix: "z", emailDomain: "gmail.com", from: new Date(start + 2 * dayMs) }],
  ["nothing that matches", { namePrefix: "nobody" }],
];

describe("the organisers' signature search", () => {
  it.each(searches)("pages through %s, every match once, newest first, and back", async (_, search) => {
    const want = expected(search);
    const { pages, back } = await walk(search, 7);
    expect(ids(pages)).toEqual(want);
    for (const page of pages.slice(0, -1)) expect(page.rows.length === 7 || page.stoppedEarly).toBe(true);
    // Back up again, the last newer page is the newest one.
    if (back.length > 0) expect(back.at(-1)!.rows.map((r) => r.id)).toEqual(want.slice(0, 7));
    expect(new Set(ids(back))).toEqual(new Set(want.slice(0, Math.max(0, want.length - pages.at(-1)!.rows.length))));
  });

  it("finds the same rows whichever index leads: a filter's own, or a walk testing each row", async () => {
    for (const [, search] of searches) {
      Object.assign(searchLimits, { sparseCap: 0, windowRows: 13, budgetRows: 1_000_000 });
      const walked = ids((await walk(search, 9)).pages);
      Object.assign(searchLimits, { sparseCap: 1_000 });
      expect(walked).toEqual(expected(search));
    }
  });

  it("stops a walk after its budget of rows and goes on from there, never losing one", async () => {
    Object.assign(searchLimits, { sparseCap: 0, windowRows: 10, budgetRows: 30 });
    const search = { namePrefix: "raed", status: "invalidated" as const };
    const { pages } = await walk(search, 5);
    expect(pages.some((p) => p.stoppedEarly && p.rows.length < 5)).toBe(true);
    expect(ids(pages)).toEqual(expected(search));
  });

  it("shows each row's name, address, country, status and time as stored", async () => {
    const s = stored[7]!;
    const page = await stores().signatures.searchSignatures({ campaignId, emailKey: emailKey(` ${s.email.toUpperCase()} `) }, { direction: "older", size: 50 });
    expect(page.rows).toEqual([{ id: s.id, fullName: s.fullName, email: s.email, country: s.country, status: s.status, signedAt: s.signedAt }]);
    expect(page).toMatchObject({ older: undefined, newer: undefined, stoppedEarly: false });
  });

  it("reads a search from the query string, and keeps what was typed when it is wrong", async () => {
    const found = await signatureList(slug, { name: "zoe", country: "fr", status: "pending", from: "2026-01-01", to: "2026-01-26" });
    expect(found?.kind).toBe("list");
    if (found?.kind !== "list") return;
    expect(found.page.rows.map((r) => r.id)).toEqual(expected({ namePrefix: "zoe", country: "FR", status: "pending" }).slice(0, 50));

    const wrong = await signatureList(slug, { name: "Zoë", country: "XX", to: "yesterday" });
    expect(wrong).toMatchObject({ kind: "invalid", fields: { name: "Zoë", country: "XX", to: "yesterday" } });
    expect(await signatureList("no-such-campaign", {})).toBeUndefined();
  });
});
