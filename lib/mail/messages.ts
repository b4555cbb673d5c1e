import type { MailDraft } from "../model";

type Signer = { toAddress: string; fullName: string; petitionTitle: string };

const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? "";

/** The email that turns a pending signature into a counted one. Plain text, short, with a fallback code. */
export function confirmationMessage(
  signer: Signer & { confirmUrl: string; code: string; codeUrl: string; withdrawUrl: string },
): MailDraft {
  return {
    kind: "confirmation",
    toAddress: signer.toAddress,
    subject: `Confirm your signature: ${signer.petitionTitle}`,
    body: `Hello ${firstName(signer.fullName)},

Thank you for signing "${signer.petitionTitle}". One step is left: confirm that this is your email, and your signature will count.

Confirm here:
${signer.confirmUrl}

If the link doesn't work, enter this code at ${signer.codeUrl}
${signer.code}

The link and code work for 7 days. If you didn't sign, ignore this email and nothing will be counted.

To withdraw your signature at any time:
${signer.withdrawUrl}
`,
  };
}

/** Sent when someone signs again with an address that has already signed, so nobody can probe who signed. */
export function alreadySignedMessage(signer: Signer & { withdrawUrl: string }): MailDraft {
  return {
    kind: "already-signed",
    toAddress: signer.toAddress,
    subject: `You have already signed: ${signer.petitionTitle}`,
    body: `Hello ${firstName(signer.fullName)},

Someone, probably you, just tried to sign "${signer.petitionTitle}" again with this email address. Your signature is already counted, so nothing has changed.

If you want to withdraw your signature:
${signer.withdrawUrl}
`,
  };
}

/** The thank-you for a signature that counts at once (no confirmation asked). */
export function thankYouMessage(signer: Signer & { signerNumber: number; withdrawUrl: string }): MailDraft {
  return {
    kind: "thank-you",
    toAddress: signer.toAddress,
    subject: `Thank you for signing: ${signer.petitionTitle}`,
    body: `Hello ${firstName(signer.fullName)},

Thank you for signing "${signer.petitionTitle}". You are signer #${signer.signerNumber.toLocaleString("en")}.

Changed your mind? Withdraw your signature here:
${signer.withdrawUrl}
`,
  };
}
