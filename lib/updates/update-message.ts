import { translator } from "../i18n/messages";
import type { Locale } from "../domain/locales";
import type { MailDraft } from "../domain/model";

/** What an update's email is written from: the organiser's text and one signer's own details. */
export type UpdateMailInput = {
  toAddress: string;
  fullName: string;
  locale: Locale;
  campaignTitle: string;
  subject: string;
  bodyMarkdown: string;
  /** The page with the unsubscribe button, in the signer's language. */
  unsubscribeUrl: string;
};

const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? "";

/**
 * An update as plain text, as every email here is: the organiser's Markdown reads well as it is,
 * and nothing of it is ever rendered as HTML in a mail reader. The chrome speaks the signer's
 * language; the organiser's words stay as written.
 */
export function updateMailText(input: UpdateMailInput, options: { test?: boolean } = {}): string {
  const email = translator(input.locale, "Email");
  const t = translator(input.locale, "UpdateEmail");
  const paragraphs = [
    ...(options.test ? [t("testNote")] : []),
    email("greeting", { firstName: firstName(input.fullName) || "none" }),
    t("intro", { title: input.campaignTitle }),
    input.bodyMarkdown.trim(),
    `${t("unsubscribe")}\n${input.unsubscribeUrl}`,
  ];
  return `${paragraphs.join("\n\n")}\n`;
}

/** The one a signer gets. */
export function updateMessage(input: UpdateMailInput): MailDraft {
  return { kind: "update", toAddress: input.toAddress, subject: input.subject, body: updateMailText(input) };
}

/** The copy an organiser sends themselves first: marked as a test in its subject and first line. */
export function testUpdateMessage(input: UpdateMailInput): MailDraft {
  return { kind: "update-test", toAddress: input.toAddress, subject: `[Test] ${input.subject}`, body: updateMailText(input, { test: true }) };
}

/**
 * The headers that let a mail program offer its own unsubscribe button: List-Unsubscribe with the
 * one-click address, and List-Unsubscribe-Post saying a POST to it is enough (RFC 8058).
 */
export function unsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
