import { describe, expect, it } from "vitest";
import { publicName } from "./public-name";

describe("publicName", () => {
  it("shows the first name and the last name's initial", () => {
    expect(publicName("Amina Khalil")).toBe("Amina K.");
    expect(publicName("  raed   al   saleh ")).toBe("raed S.");
  });

  it("shows a single name as it is", () => {
    expect(publicName("Khaleed")).toBe("Khaleed");
  });

  it("keeps names in other scripts whole, taking a full grapheme as the initial", () => {
    expect(publicName("رائد الصالح")).toBe("رائد ا.");
    expect(publicName("王 小明")).toBe("王 小.");
    expect(publicName("Zoë \u00c9lodie")).toBe("Zoë É.");
    expect(publicName("Ana E\u0301lena")).toBe("Ana E\u0301.");
  });
});
