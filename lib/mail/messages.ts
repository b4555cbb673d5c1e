import { translator } from "../i18n/messages";
import { formattingLocale, type Locale } from "../domain/locales";
import type { MailDraft } from "../domain/model";

/** Whom a message goes to, and what they signed, named in their own language. */
type Signer = { toAddress: string; fullName: string; campaignTitle: string; locale: Locale };

const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? "";

/**
 * A plain-text body: paragraphs apart, a link on a line of its own under the sentence that
 * introduces it. Nothing marks direction: each line is a paragraph to a mail reader's bidi
 * algorithm, so an Arabic line reads right to left and a link on its own line left to right.
 */
function body(signer: Signer, ...paragraphs: string[][]): string {
  const t = translator(signer.locale, "Email");
  // "none" picks the greeting without a name: a name made only of spaces leaves nothing to greet.
  const greeting = t("greeting", { firstName: firstName(signer.fullName) || "none" });
  return `${[[greeting], ...paragraphs].map((lines) => lines.join("\n")).join("\n\n")}\n`;
}

/** The email that turns a pending signature into a counted one. Plain text, short, with a fallback code. */
export function confirmationMessage(
  signer: Signer & { confirmUrl: string; code: string; codeUrl: string; withdrawUrl: string; receiptUrl: string },
): MailDraft {
  const t = translator(signer.locale, "Email");
  const title = signer.campaignTitle;
  return {
    kind: "confirmation",
    toAddress: signer.toAddress,
    subject: t("confirmSubject", { title }),
    body: body(
      signer,
      [t("confirmBody", { title })],
      [t("confirmHere"), signer.confirmUrl],
      [t("codeFallback", { url: signer.codeUrl }), signer.code],
      [t("confirmExpiry")],
      [t("receiptOnceConfirmed"), signer.receiptUrl],
      [t("withdrawAnyTime"), signer.withdrawUrl],
    ),
  };
}

/** Sent when someone signs again with an address that has already signed, so nobody can probe who signed. */
export function alreadySignedMessage(signer: Signer & { withdrawUrl: string }): MailDraft {
  const t = translator(signer.locale, "Email");
  const title = signer.campaignTitle;
  return {
    kind: "already-signed",
    toAddress: signer.toAddress,
    subject: t("alreadySubject", { title }),
    body: body(signer, [t("alreadyBody", { title })], [t("alreadyWithdraw"), signer.withdrawUrl]),
  };
}

/** The thank-you for a signature that counts at once (no confirmation asked), with the signer's own share link. */
export function thankYouMessage(signer: Signer & { signerNumber: number; shareUrl: string; withdrawUrl: string; receiptUrl: string }): MailDraft {
  const t = translator(signer.locale, "Email");
  const title = signer.campaignTitle;
  const number = new Intl.NumberFormat(formattingLocale(signer.locale)).format(signer.signerNumber);
  return {
    kind: "thank-you",
    toAddress: signer.toAddress,
    subject: t("thanksSubject", { title }),
    body: body(
      signer,
      [t("thanksBody", { title, number })],
      [t("shareYourLink"), signer.shareUrl],
      [t("receipt"), signer.receiptUrl],
      [t("changedMind"), signer.withdrawUrl],
    ),
  };
}
