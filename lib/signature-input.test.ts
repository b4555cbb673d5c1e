import { describe, expect, it } from "vitest";
import { fieldErrors, signatureInput } from "./signature-input";

const valid = { fullName: "Amina Khalil", email: "amina@example.org", country: "SY" };

function errorsFor(input: unknown) {
  const result = signatureInput.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("signatureInput", () => {
  it("trims surrounding white space and defaults the checkboxes to off", () => {
    expect(signatureInput.parse({ ...valid, fullName: "  Amina Khalil\n", email: " amina@example.org " })).toEqual({
      ...valid,
      comment: undefined,
      showName: false,
      reasonWithName: false,
      wantsUpdates: false,
    });
  });

  it("reads checkboxes from a form ('on') or from JSON (true)", () => {
    expect(signatureInput.parse({ ...valid, showName: "on", wantsUpdates: true })).toMatchObject({
      showName: true,
      wantsUpdates: true,
    });
  });

  it.each(["رائد الصالح", "王小明", "Zoë Ñúñez-Ågren", "O'Brien", "Nguyễn Thị Minh Khai", "Ψάρρος"])(
    "accepts a name in any script: %s",
    (fullName) => expect(errorsFor({ ...valid, fullName })).toEqual({}),
  );

  it("asks for each missing field by name", () => {
    expect(errorsFor({})).toEqual({
      fullName: "name-missing",
      email: "email-missing",
      country: "country-missing",
    });
  });

  it("refuses names that are blank, too long, letterless or hide control characters", () => {
    expect(errorsFor({ ...valid, fullName: "   " }).fullName).toBe("name-missing");
    expect(errorsFor({ ...valid, fullName: "a".repeat(121) }).fullName).toBe("name-too-long");
    expect(errorsFor({ ...valid, fullName: "12345" }).fullName).toBe("name-no-letters");
    expect(errorsFor({ ...valid, fullName: "Amina\u202eKhalil" }).fullName).toBe("name-unsafe");
    expect(errorsFor({ ...valid, fullName: "Amina\u0000" }).fullName).toBe("name-unsafe");
  });

  it("refuses a malformed email and an unknown country", () => {
    expect(errorsFor({ ...valid, email: "amina@" }).email).toBe("email-invalid");
    expect(errorsFor({ ...valid, country: "XX" }).country).toBe("country-unknown");
    expect(errorsFor({ ...valid, country: "sy" }).country).toBe("country-unknown");
  });

  it("keeps comments to 500 characters and treats an empty one as none", () => {
    expect(errorsFor({ ...valid, comment: "x".repeat(500) })).toEqual({});
    expect(errorsFor({ ...valid, comment: "x".repeat(501) }).comment).toBe("comment-too-long");
    expect(signatureInput.parse({ ...valid, comment: "   " }).comment).toBeUndefined();
  });

  it("refuses wrong types without throwing, each with a problem of its field", () => {
    expect(errorsFor({ fullName: 42, email: ["a@b.c"], country: null, showName: "yes" })).toEqual({
      fullName: "name-missing",
      email: "email-missing",
      country: "country-missing",
      showName: "choice-invalid",
    });
  });
});
