import { stores } from "./stores";
import { recordAudit } from "./audit";
import { emailKey } from "./domain/email-key";
import { liveHub } from "./live-hub";

/** Every signature one mailbox has made, across campaigns, for a data-protection request. */
export async function findSignaturesByEmail(email: string) {
  return stores().signatures.findSignaturesByEmailKey(emailKey(email));
}

/**
 * Erases them: deleted from the database with their confirmations and queued mail, not flagged,
 * and the address's unsubscribes from updates with them (kept by address, they outlive signatures).
 * The audit log records that an erasure happened and how many rows, never whose.
 */
export async function eraseSignaturesByEmail(email: string, actor: string): Promise<number> {
  const key = emailKey(email);
  const found = await stores().signatures.findSignaturesByEmailKey(key);
  const { erased } = await stores().signatures.eraseSignatures(
    found.map((s) => s.id),
    new Date(),
    "erased",
    key,
  );
  const slugs = [...new Set(found.map((s) => s.slug))];
  await recordAudit({
    actor,
    action: "erase",
    detail: `data-protection erasure of one signer${slugs.length ? ` (${slugs.join(", ")})` : ""}`,
    rowCount: erased,
  });
  for (const slug of slugs) liveHub().notify(slug);
  return erased;
}
