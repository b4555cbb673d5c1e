import { describe, expect, it } from "vitest";
import { guessMapping, mappingInput } from "./column-mapping";

describe("guessing the columns from the header", () => {
  it("knows the names other platforms give them", () => {
    expect(guessMapping(["Full Name", "E-mail Address", "Country Code", "Date Signed", "Opt-in", "Show name"])).toEqual({
      fullName: 0,
      email: 1,
      country: 2,
      signedAt: 3,
      wantsUpdates: 4,
      showName: 5,
    });
    expect(guessMapping(["First name", "Last name", "Email", "Country"])).toEqual({ firstName: 0, lastName: 1, email: 2, country: 3 });
    expect(guessMapping(["Prénom", "Nom de famille", "Courriel", "Pays"])).toEqual({ firstName: 0, lastName: 1, email: 2, country: 3 });
  });

  it("prefers a full name over its parts, and leaves what it does not know unmapped", () => {
    expect(guessMapping(["first_name", "name", "email", "zip", "country"])).toEqual({ fullName: 1, email: 2, country: 4 });
    expect(guessMapping(["a", "b"])).toEqual({});
  });

  it("gives each column to one field only", () => {
    const guessed = guessMapping(["email", "email", "country", "name"]);
    expect(guessed).toEqual({ email: 0, country: 2, fullName: 3 });
  });
});

describe("the organiser's mapping", () => {
  const input = mappingInput(4);

  it("takes column indexes, and an empty choice as not in the file", () => {
    expect(input.parse({ fullName: "0", email: "1", country: "2", signedAt: "", wantsUpdates: "3", showName: "" })).toEqual({
      fullName: 0,
      email: 1,
      country: 2,
      wantsUpdates: 3,
    });
    expect(input.parse({ firstName: "0", lastName: "3", email: "1", country: "2" })).toMatchObject({ firstName: 0, lastName: 3 });
  });

  it("asks for an email, a name and a country, and refuses a column the file does not have", () => {
    const errors = (raw: Record<string, string>) => input.safeParse(raw).error?.issues.map((i) => [i.path[0], i.message]);
    expect(errors({ country: "2" })).toEqual([
      ["email", "Choose the column that holds each signer's email."],
      ["fullName", "Choose the column with the full name, or the columns with first and last names."],
    ]);
    expect(errors({ fullName: "0", email: "1" })).toEqual([["country", "Choose the column that holds each signer's country."]]);
    expect(input.safeParse({ fullName: "0", email: "9", country: "2" }).success).toBe(false);
    expect(input.safeParse({ fullName: "-1", email: "1", country: "2" }).success).toBe(false);
    expect(input.safeParse({ fullName: "x", email: "1", country: "2" }).success).toBe(false);
  });
});
