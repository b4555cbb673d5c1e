import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase, storedRow } from "@/test/database";
import { linksIn, publicUrl } from "@/test/smtp-sink";
import { issueFormToken } from "./bot-checks";
import { confirmWithLink } from "./confirmations";
import { translator } from "./i18n/messages";
import { mailWorker } from "./mail/outbox-worker";
import { release, signatureChoice } from "./moderation";
import { campaignStatus, setConfirmationRequired } from "./campaign-status";
import { signCampaign } from "./signatures";
import type { Locale } from "./domain/locales";

// config() is read once, so the sink must be listening and named before any module reads it.
const sink = await vi.hoisted(async () => (await import("@/test/smtp-sink")).startMailServerForApp());

const slug = "white-helmets";
const organiser = "organiser@countersign.example";
const englishTitle = "The White Helmets for the Nobel Peace Prize";
const arabicTitle = "جائزة نوبل للسلام للخوذ البيضاء";
// The words come from messages/<locale>.json, as the emails' own do; the test holds them to the right file.
const ar = translator("ar", "Email");
const en = translator("en", "Email");

const sign = (email: string, locale?: Locale, extra: { fullName?: string; honeypot?: string } = {}) =>
  signCampaign(
    slug,
    { fullName: extra.fullName ?? "Nour Haddad", email, country: "SY" },
    { locale, form: extra.honeypot ? { honeypot: extra.honeypot, formToken: issueFormToken(Date.now() - 8_000) } : undefined },
  );
const storedLocale = (email: string) => storedRow<{ locale: string }>("select locale from signatures where email = ?", email)!.locale;
/** Every link in a mail, in order. */
const links = (text: string) => text.match(/https:\/\/\S+/g) ?? [];
/** A mail's words without its links. */
const words = (text: string) => text.replace(/https:\/\/\S+/g, "");

beforeAll(prepareDatabase);
afterAll(async () => {
  await mailWorker().idle();
  await sink.stop();
});

describe("the emails a signer gets are in the language they signed in", () => {
  it("asks an Arabic signer to confirm in Arabic, with links to the Arabic pages", async () => {
    expect(await sign("layla@example.org", "ar", { fullName: "ليلى حداد" })).toEqual({ kind: "pending" });
    expect(storedLocale("layla@example.org")).toBe("ar");

    const mail = await sink.waitFor("layla@example.org");
    expect(mail.subject).toBe(ar("confirmSubject", { title: arabicTitle }));
    expect(mail.text.startsWith(`${ar("greeting", { firstName: "ليلى" })}\n\n${ar("confirmBody", { title: arabicTitle })}\n`)).toBe(true);
    expect(mail.subject).toContain(arabicTitle);
    expect(words(mail.text)).not.toMatch(/[A-Za-z]/);
    expect(links(mail.text)).toEqual([
      expect.stringMatching(new RegExp(`^${publicUrl}/ar/confirm/[\\w-]+$`)),
      `${publicUrl}/ar/p/${slug}/confirm`,
      expect.stringMatching(new RegExp(`^${publicUrl}/ar/p/${slug}/receipt#[0-9a-f]{64}$`)),
      expect.stringMatching(new RegExp(`^${publicUrl}/ar/withdraw/[\\w-]+$`)),
    ]);
    expect(mail.text).toContain(ar("codeFallback", { url: `${publicUrl}/ar/p/${slug}/confirm` }));
    expect(linksIn(mail).code).toMatch(/^\d{6}$/);
  });

  it("asks an English signer, and one who names no language, in English, with links to the English pages", async () => {
    await sign("omar@example.org", "en", { fullName: "Omar Darwish" });
    await sign("sami@example.org", undefined, { fullName: "Sami Khoury" });
    expect([storedLocale("omar@example.org"), storedLocale("sami@example.org")]).toEqual(["en", "en"]);
    for (const [address, name] of [["omar@example.org", "Omar"], ["sami@example.org", "Sami"]]) {
      const mail = await sink.waitFor(address!);
      expect(mail.subject).toBe(en("confirmSubject", { title: englishTitle }));
      expect(mail.text.startsWith(`${en("greeting", { firstName: name! })}\n\n${en("confirmBody", { title: englishTitle })}\n`)).toBe(true);
      expect(links(mail.text).map((link) => link.slice(publicUrl.length, publicUrl.length + 4))).toEqual(["/en/", "/en/", "/en/", "/en/"]);
    }
  });

  it("writes the already-signed note in the language of the form just sent", async () => {
    await confirmWithLink(linksIn(await sink.waitFor("layla@example.org")).confirmToken!);
    await sign("layla@example.org", "ar", { fullName: "ليلى حداد" });
    const note = await sink.waitFor("layla@example.org", 2);
    expect(note.subject).toBe(ar("alreadySubject", { title: arabicTitle }));
    expect(links(note.text)).toEqual([expect.stringMatching(new RegExp(`^${publicUrl}/ar/withdraw/`))]);
  });

  it("thanks a signer counted at once in their language, their number in its digits, with their own share link", async () => {
    await setConfirmationRequired(slug, false, organiser);
    try {
      const arabic = await sign("hana@example.org", "ar", { fullName: "هناء" });
      const english = await sign("karim@example.org", "en", { fullName: "Karim Nasser" });
      if (arabic.kind !== "signed" || english.kind !== "signed") throw new Error("both should be counted at once");

      const thanks = await sink.waitFor("hana@example.org");
      expect(thanks.subject).toBe(ar("thanksSubject", { title: arabicTitle }));
      const number = new Intl.NumberFormat("ar-u-nu-arab").format(arabic.signerNumber);
      expect(number).toMatch(/^[٠-٩٬]+$/);
      expect(thanks.text).toContain(ar("thanksBody", { title: arabicTitle, number }));
      expect(links(thanks.text)).toEqual([
        `${publicUrl}/ar/p/${slug}?ref=${arabic.referralCode}`,
        `${publicUrl}/ar/p/${slug}/receipt#${arabic.receiptSalt}`,
        expect.stringMatching(new RegExp(`^${publicUrl}/ar/withdraw/`)),
      ]);

      const thanked = await sink.waitFor("karim@example.org");
      expect(thanked.subject).toBe(en("thanksSubject", { title: englishTitle }));
      expect(thanked.text).toContain(en("thanksBody", { title: englishTitle, number: english.signerNumber.toLocaleString("en") }));
      expect(thanked.text).toContain(`\n${en("shareYourLink")}\n${publicUrl}/en/p/${slug}?ref=${english.referralCode}\n`);
    } finally {
      await setConfirmationRequired(slug, true, organiser);
    }
  });
});

describe("releasing a suspected signature", () => {
  it("sends each released signer the confirmation in the language they signed in", async () => {
    await sign("trapped-ar@example.org", "ar", { fullName: "رامي", honeypot: "https://spam.example" });
    await sign("trapped-en@example.org", "en", { fullName: "Rami", honeypot: "https://spam.example" });
    expect(sink.received("trapped-ar@example.org")).toEqual([]);
    const before = (await campaignStatus(slug))!.total;

    expect(await release(slug, signatureChoice.parse({ suspected: true }), organiser)).toBe(2);
    expect((await campaignStatus(slug))!.total).toBe(before);

    const arabic = await sink.waitFor("trapped-ar@example.org");
    expect(arabic.subject).toBe(ar("confirmSubject", { title: arabicTitle }));
    expect(arabic.text.startsWith(`${ar("greeting", { firstName: "رامي" })}\n`)).toBe(true);
    expect(links(arabic.text).every((link) => link.startsWith(`${publicUrl}/ar/`))).toBe(true);
    const english = await sink.waitFor("trapped-en@example.org");
    expect(english.subject).toBe(en("confirmSubject", { title: englishTitle }));
    expect(links(english.text).every((link) => link.startsWith(`${publicUrl}/en/`))).toBe(true);

    expect(await confirmWithLink(linksIn(arabic).confirmToken!)).toMatchObject({ kind: "confirmed" });
    expect((await campaignStatus(slug))!.total).toBe(before + 1);
  });
});
