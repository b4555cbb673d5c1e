import { describe, expect, it } from "vitest";
import { testUpdateMessage, unsubscribeHeaders, updateMessage } from "./update-message";

const input = {
  toAddress: "amal@example.org",
  fullName: "  Amal Khoury ",
  locale: "en" as const,
  campaignTitle: "The White Helmets for the Nobel Peace Prize",
  subject: "The vote is near",
  bodyMarkdown: "\nThe committee meets on **Friday**.\n\n[Read more](https://example.org/news)\n",
  unsubscribeUrl: "https://sign.example.org/en/unsubscribe/abc",
};

describe("an update's email", () => {
  it("greets the signer, names the campaign, keeps the organiser's text as written and ends with the unsubscribe link on its own line", () => {
    expect(updateMessage(input)).toEqual({
      kind: "update",
      toAddress: "amal@example.org",
      subject: "The vote is near",
      body: [
        "Hello Amal,",
        "An update from “The White Helmets for the Nobel Peace Prize”, the campaign you signed and asked to hear from:",
        "The committee meets on **Friday**.\n\n[Read more](https://example.org/news)",
        "To stop getting updates about this campaign, unsubscribe here (one click):\nhttps://sign.example.org/en/unsubscribe/abc",
      ].join("\n\n") + "\n",
    });
  });

  it("speaks Arabic around the organiser's words for a signer who signed in Arabic", () => {
    const { body } = updateMessage({ ...input, fullName: "دينا سليمان", locale: "ar" });
    expect(body.startsWith("مرحبًا دينا،\n\nمستجدات من «The White Helmets")).toBe(true);
    expect(body).toContain("The committee meets on **Friday**.");
    expect(body).toContain("ألغِ اشتراكك من هنا");
  });

  it("marks a test in its subject and first line, and greets without a name when there is none", () => {
    const test = testUpdateMessage({ ...input, fullName: "" });
    expect(test.kind).toBe("update-test");
    expect(test.subject).toBe("[Test] The vote is near");
    expect(test.body.split("\n\n").slice(0, 2)).toEqual([
      "This is a test: only you received it. Signers will get this text, with their own unsubscribe link.",
      "Hello,",
    ]);
  });

  it("has the one-click headers of RFC 8058: the address in angle brackets, and the POST body mail programs send", () => {
    expect(unsubscribeHeaders("https://sign.example.org/api/unsubscribe/abc")).toEqual({
      "List-Unsubscribe": "<https://sign.example.org/api/unsubscribe/abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
