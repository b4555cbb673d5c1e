import type { MailDraft, QueuedMail, SealedBody } from "../domain/model";
import { secretKey } from "../secrets";
import { openText, sealText } from "../tokens";

const purpose = "mail-body";
// Marks a sealed body apart from one queued in the clear before bodies were sealed.
const marker = "sealed:";

// Bound to the recipient: a body moved to another row's address does not open there.
const context = (toAddress: string) => `${purpose}\n${toAddress}`;

/**
 * A message as the outbox keeps it: the body, whose links work (confirm, withdraw, invitation),
 * sealed with AES-256-GCM under a key derived from SECRET_KEY, which the database never holds.
 */
export function sealMail({ body, ...draft }: MailDraft): QueuedMail {
  return { ...draft, sealedBody: `${marker}${sealText(secretKey(purpose), context(draft.toAddress), body)}` as SealedBody };
}

export type OpenedBody = { kind: "open"; body: string } | { kind: "unreadable" };

/**
 * The body to send. A body in the clear was queued before bodies were sealed, and goes out as it
 * was written; one that will not open was sealed under another SECRET_KEY (or altered).
 */
export function openMailBody(message: { toAddress: string; sealedBody: SealedBody }): OpenedBody {
  if (!message.sealedBody.startsWith(marker)) return { kind: "open", body: message.sealedBody };
  const body = openText(secretKey(purpose), context(message.toAddress), message.sealedBody.slice(marker.length));
  return body === undefined ? { kind: "unreadable" } : { kind: "open", body };
}
