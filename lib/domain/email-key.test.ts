import { describe, expect, it } from "vitest";
import { emailDomain, emailKey } from "./email-key";

describe("emailKey", () => {
  it("trims and lower-cases the whole address", () => {
    expect(emailKey("  Amina.Khalil@Example.ORG \n")).toBe("amina.khalil@example.org");
  });

  it("keeps dots and +tags for providers that deliver them separately", () => {
    expect(emailKey("a.b+news@example.org")).toBe("a.b+news@example.org");
  });

  it("drops dots and +tags for Gmail and folds googlemail into gmail", () => {
    expect(emailKey("Raed.Saleh+petition@googlemail.com")).toBe("raedsaleh@gmail.com");
    expect(emailKey("r.a.e.d.saleh@gmail.com")).toBe(emailKey("raedsaleh@GMAIL.com"));
  });

  it("drops +tags but keeps dots for Outlook and iCloud", () => {
    expect(emailKey("first.last+x@outlook.com")).toBe("first.last@outlook.com");
    expect(emailKey("first.last+x@icloud.com")).toBe("first.last@icloud.com");
  });

  it("matches an internationalised domain in Unicode or punycode", () => {
    expect(emailKey("user@bücher.example")).toBe(emailKey("user@xn--bcher-kva.example"));
  });

  it("ignores a trailing dot on the domain", () => {
    expect(emailKey("user@example.org.")).toBe("user@example.org");
  });

  it("composes Unicode so visually equal local parts match", () => {
    expect(emailKey("jose\u0301@example.org")).toBe(emailKey("jos\u00e9@example.org"));
  });

  it("gives the normalised domain", () => {
    expect(emailDomain("X@GoogleMail.com")).toBe("gmail.com");
  });
});
