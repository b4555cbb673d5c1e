import {
  addBlockedEmail,
  countInvalidationMatches,
  invalidateSignatures,
  listBlockedEmails,
  readPetitionCount,
  removeBlockedEmail,
  type BlockKind,
} from "@/db/store";
import { z } from "zod";
import { recordAudit } from "./audit";
import { emailDomain, emailKey } from "./email-key";
import { liveHub } from "./live-hub";

const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();
const optionalDate = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a date and time such as 2026-11-25T14:00 (UTC)." });
      return z.NEVER;
    }
    return date;
  })
  .optional();

/** An organiser's choice of signatures to invalidate: by client address, email domain and time range (UTC). */
export const invalidationInput = z
  .object({
    clientAddress: optionalText,
    emailDomain: optionalText.transform((d) => d && emailDomain(`x@${d.replace(/^@/, "")}`)),
    from: optionalDate,
    to: optionalDate,
  })
  .refine((f) => f.clientAddress || f.emailDomain || f.from || f.to, {
    error: "Choose at least one of: client address, email domain, time range.",
  });

export type InvalidationInput = z.infer<typeof invalidationInput>;

/** How many signatures that now count (or await confirmation) the filter would take off. */
export async function previewInvalidation(slug: string, filter: InvalidationInput): Promise<number | undefined> {
  const petition = await readPetitionCount(slug);
  return petition && countInvalidationMatches({ petitionId: petition.id, ...filter });
}

/** Invalidates them; they stay stored for the audit and the live counter drops at once. */
export async function invalidate(slug: string, filter: InvalidationInput, actor: string): Promise<number | undefined> {
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const count = await invalidateSignatures({ petitionId: petition.id, ...filter }, new Date());
  const described = [
    filter.clientAddress && `client address ${filter.clientAddress}`,
    filter.emailDomain && `email domain ${filter.emailDomain}`,
    filter.from && `from ${filter.from.toISOString()}`,
    filter.to && `until ${filter.to.toISOString()}`,
  ].filter(Boolean);
  await recordAudit({ actor, action: "invalidate", petitionSlug: slug, detail: described.join(", "), rowCount: count });
  if (count > 0) liveHub().notify(slug);
  return count;
}

export const blockInput = z.object({
  value: z
    .string()
    .trim()
    .min(3, "Enter a domain such as example.org or an address such as name@example.org.")
    .max(254)
    .refine((v) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) || /^@?[^@\s]+\.[^@\s]+$/.test(v), {
      error: "Enter a domain such as example.org or an address such as name@example.org.",
    }),
});

/** Blocks a domain or one address (matched by its normalised key) from signing any campaign. */
export async function block(value: string, actor: string): Promise<{ kind: BlockKind; value: string }> {
  const entry: { kind: BlockKind; value: string } = value.includes("@") && !value.startsWith("@")
    ? { kind: "address", value: emailKey(value) }
    : { kind: "domain", value: emailDomain(`x@${value.replace(/^@/, "")}`) };
  await addBlockedEmail(entry.kind, entry.value, actor, new Date());
  await recordAudit({ actor, action: "block", detail: `blocked ${entry.kind} ${entry.value}`, rowCount: 0 });
  return entry;
}

export async function unblock(id: number, actor: string): Promise<void> {
  const entry = (await listBlockedEmails()).find((e) => e.id === id);
  if (!entry) return;
  await removeBlockedEmail(id);
  await recordAudit({ actor, action: "unblock", detail: `unblocked ${entry.kind} ${entry.value}`, rowCount: 0 });
}

export { listBlockedEmails };
