import { eraseSignatures, findSignaturesByEmailKey } from "@/db/store";
import { recordAudit } from "./audit";
import { emailKey } from "./email-key";
import { liveHub } from "./live-hub";

/** Every signature one mailbox has made, across campaigns, for a data-protection request. */
export async function findSignaturesByEmail(email: string) {
  return findSignaturesByEmailKey(emailKey(email));
}

/**
 * Erases them: deleted from the database with their confirmations and queued mail, not flagged.
 * The audit log records that an erasure happened and how many rows, never whose.
 */
export async function eraseSignaturesByEmail(email: string, actor: string): Promise<number> {
  const found = await findSignaturesByEmail(email);
  const { erased } = await eraseSignatures(
    found.map((s) => s.id),
    new Date(),
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
