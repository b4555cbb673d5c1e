import { describe, expect, it } from "vitest";
import { checkRow, countryCode } from "./import-rows";

const now = new Date("2026-05-04T12:00:00Z");
const mapping = { fullName: 0, email: 1, country: 2, signedAt: 3, wantsUpdates: 4, showName: 5 };
const check = (cells: string[], map: Record<string, number> = mapping) => checkRow(cells, map, now);
const reasons = (cells: string[]) => {
  const checked = check(cells);
  return checked.kind === "invalid" ? checked.reasons : [];
};

describe("a country as other platforms write it", () => {
  it("takes ISO codes of two or three letters and English names, short or official", () => {
    expect(countryCode("sy")).toBe("SY");
    expect(countryCode(" SYR ")).toBe("SY");
    expect(countryCode("Syria")).toBe("SY");
    expect(countryCode("Syrian Arab Republic")).toBe("SY");
    expect(countryCode("united kingdom")).toBe("GB");
    expect(countryCode("United States of America")).toBe("US");
  });

  it("knows nothing it cannot be sure of", () => {
    expect(countryCode("")).toBeUndefined();
    expect(countryCode("XX")).toBeUndefined();
    expect(countryCode("Atlantis")).toBeUndefined();
  });
});

describe("one row of an imported file", () => {
  it("becomes a signer with the signing form's email key, the country's code and the file's date and choices", () => {
    const checked = check(["  Layla Haddad ", "Layla.Haddad+petition@Gmail.com", "Lebanon", "2024-03-31 14:05", "yes", "no"]);
    expect(checked).toEqual({
      kind: "valid",
      signer: {
        fullName: "Layla Haddad",
        email: "Layla.Haddad+petition@Gmail.com",
        emailKey: "laylahaddad@gmail.com",
        emailDomain: "gmail.com",
        country: "LB",
        showName: false,
        wantsUpdates: true,
        signedAt: new Date("2024-03-31T14:05:00Z"),
      },
    });
  });

  it("joins first and last names, and takes the import's time when the file has no date", () => {
    const checked = check(["Ana", "Lima", "ana@example.org", "BR"], { firstName: 0, lastName: 1, email: 2, country: 3 });
    expect(checked).toMatchObject({ kind: "valid", signer: { fullName: "Ana Lima", signedAt: now, showName: false, wantsUpdates: false } });
  });

  it("reads dates with a zone, and never shows a name or sends updates unless the file says yes", () => {
    expect(check(["A B", "ab@example.org", "FR", "2024-03-31T14:05:00+02:00", "", ""])).toMatchObject({
      signer: { signedAt: new Date("2024-03-31T12:05:00Z"), wantsUpdates: false, showName: false },
    });
    expect(check(["A B", "ab@example.org", "FR", "", "TRUE", "Y"])).toMatchObject({ signer: { signedAt: now, wantsUpdates: true, showName: true } });
  });

  it("says why a row cannot be imported, every reason at once", () => {
    expect(reasons(["", "not-an-address", "Atlantis", "31/03/2024", "maybe", "yes"])).toEqual([
      "no name",
      "email is not a valid address",
      "country not recognised",
      "“wants updates” is not yes or no",
      "date not understood (write it as 2024-03-31 or 2024-03-31 14:05)",
    ]);
    expect(reasons(["Ana", "", "", "2030-01-01", "", "sometimes"])).toEqual(["no email", "no country", "“show name” is not yes or no", "date is in the future"]);
    expect(reasons(["Ana", "ana@example.org", "BR", "2024-02-30", "", ""])).toEqual(["date not understood (write it as 2024-03-31 or 2024-03-31 14:05)"]);
    expect(reasons(["12345", "ana@mailinator.com", "BR", "", "", ""])).toEqual(["name has no letters"]);
    expect(reasons(["Ana", "ana@mailinator.com", "BR", "", "", ""])).toEqual(["email is a throwaway address"]);
    expect(reasons(["Ana\u202E", "ana@example.org", "BR", "", "", ""])).toEqual(["name has characters that cannot be stored"]);
  });

  it("reads a short row's missing cells as empty", () => {
    expect(reasons(["Ana", "ana@example.org"])).toEqual(["no country"]);
  });
});
