import { describe, expect, it } from "vitest";
import { formattingLocale, negotiateLocale, textDirection } from "./locales";

describe("negotiateLocale", () => {
  it("prefers the reader's earlier choice, then their browser, then the campaign's language", () => {
    expect(negotiateLocale({ cookie: "ar", acceptLanguage: "en-GB,en" }, "en")).toBe("ar");
    expect(negotiateLocale({ acceptLanguage: "ar-SY,ar;q=0.9,en;q=0.8" }, "en")).toBe("ar");
    expect(negotiateLocale({ acceptLanguage: "en;q=0.5, ar-SY;q=0.9" }, "en")).toBe("ar");
    expect(negotiateLocale({ acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8" }, "ar")).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "de-DE" }, "ar")).toBe("ar");
  });

  it("ignores a cookie or header it cannot use", () => {
    expect(negotiateLocale({ cookie: "xx", acceptLanguage: undefined }, "en")).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "*, ;;;, 💥" }, "ar")).toBe("ar");
  });
});

describe("formatting", () => {
  it("states the numbering system, so server and browser print the same digits", () => {
    expect(new Intl.NumberFormat(formattingLocale("ar")).format(325412)).toBe("٣٢٥٬٤١٢");
    expect(new Intl.NumberFormat(formattingLocale("en")).format(325412)).toBe("325,412");
  });

  it("writes Arabic right to left", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("en")).toBe("ltr");
  });
});
