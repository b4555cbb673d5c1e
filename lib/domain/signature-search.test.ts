import { describe, expect, it } from "vitest";
import { prefixEnd } from "@/db/signature-search";
import { parseSignatureSearch, signaturePageSize, signatureSearchQuery } from "./signature-search";

describe("a signature search read from the query string", () => {
  it("starts at the newest page with nothing asked", () => {
    expect(parseSignatureSearch({})).toEqual({
      kind: "ok",
      search: {},
      page: { direction: "older", cursor: undefined, size: signaturePageSize },
      fields: { name: "", email: "", country: "", status: "any", from: "", to: "" },
    });
  });

  it("folds the name, keys the address, and reads whole UTC days", () => {
    const parsed = parseSignatureSearch({ name: "  Zoë ", email: " Raed.Saleh+x@GoogleMail.com", country: "sy", status: "pending", from: "2026-03-01", to: "2026-03-02" });
    expect(parsed).toMatchObject({
      kind: "ok",
      search: {
        namePrefix: "zoe",
        emailKey: "raedsaleh@gmail.com",
        country: "SY",
        status: "pending",
        from: new Date("2026-03-01T00:00:00Z"),
        to: new Date("2026-03-03T00:00:00Z"),
      },
    });
  });

  it("takes a bare domain, or one after @, as everyone at it", () => {
    expect(parseSignatureSearch({ email: "Example.ORG" })).toMatchObject({ search: { emailDomain: "example.org" } });
    expect(parseSignatureSearch({ email: "@googlemail.com" })).toMatchObject({ search: { emailDomain: "gmail.com" } });
  });

  it("reads the cursor of an older or a newer link, and refuses one that is not an id", () => {
    expect(parseSignatureSearch({ older: "120" })).toMatchObject({ page: { direction: "older", cursor: 120 } });
    expect(parseSignatureSearch({ newer: "7", status: "any" })).toMatchObject({ search: {}, page: { direction: "newer", cursor: 7 } });
    for (const older of ["0", "-3", "1e3", "12abc", "99999999999999999999"]) {
      expect(parseSignatureSearch({ older }), older).toMatchObject({ kind: "invalid", errors: { older: expect.stringContaining("start again") } });
    }
    expect(parseSignatureSearch({ older: "5", newer: "9" })).toMatchObject({ kind: "invalid" });
  });

  it("says what is wrong with each field and keeps every value as typed", () => {
    const query = { name: "Amina", email: "two@at@signs", country: "Narnia", status: "maybe", from: "2026-13-45", to: "soon" };
    const parsed = parseSignatureSearch(query);
    expect(parsed).toEqual({
      kind: "invalid",
      fields: query,
      errors: {
        email: "Give a whole address, or a domain such as example.org.",
        country: "Choose a country from the list.",
        status: "Choose a status from the list.",
        from: "Give a date as YYYY-MM-DD.",
        to: "Give a date as YYYY-MM-DD.",
      },
    });
    expect(parseSignatureSearch({ country: "XX" })).toMatchObject({ errors: { country: "Choose a country from the list." } });
    expect(parseSignatureSearch({ from: "2026-03-02", to: "2026-03-01" })).toMatchObject({ errors: { to: "The end date is before the start date." } });
  });

  it("reads a repeated parameter as its first", () => {
    expect(parseSignatureSearch({ country: ["FR", "SY"] })).toMatchObject({ search: { country: "FR" } });
  });

  it("writes a search back as a query string, without empty fields, with a page's cursor", () => {
    const fields = { name: "Nour al Huda", email: "", country: "SY", status: "any", from: "", to: "" };
    expect(signatureSearchQuery(fields, { older: 42 })).toBe("?name=Nour+al+Huda&country=SY&older=42");
    expect(signatureSearchQuery({ ...fields, name: "", country: "", status: "pending" })).toBe("?status=pending");
    expect(signatureSearchQuery({ ...fields, name: "", country: "" })).toBe("");
  });
});

describe("the end of a prefix's range", () => {
  it("is the prefix with its last code point one higher", () => {
    expect(prefixEnd("zoe")).toBe("zof");
    expect(prefixEnd("نور")).toBe("نوز");
    expect(prefixEnd("a😀")).toBe("a😁");
  });
});
