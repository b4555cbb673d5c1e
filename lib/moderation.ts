import { stores } from "./stores";
import { z } from "zod";
import { recordAudit } from "./audit";
import { newConfirmation } from "./confirmation-secrets";
import { emailDomain, emailKey } from "./domain/email-key";
import { blockList } from "./email-policy";
import { receiptLink, withdrawLink } from "./links";
import { liveHub } from "./live-hub";
import { isLocale } from "./domain/locales";
import type { BlockKind } from "./domain/model";
import { confirmationMessage } from "./mail/messages";
import { mailWorker } from "./mail/outbox-worker";
import { sealMail } from "./mail/sealed-mail";
import { newReceiptSalt } from "./receipts";
import { campaignTitles } from "./campaign-for-signing";
import { localizedTitle } from "./campaign-text";
import { confirmationRequired } from "./signatures";
import type { Release } from "@/lib/domain/ports/moderation";
import { withdrawToken } from "./withdrawals";

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
const optionalSeconds = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const seconds = Number(v);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
      ctx.addIssue({ code: "custom", message: "Enter a number of seconds such as 3 (more than 0, at most 3600)." });
      return z.NEVER;
    }
    return seconds;
  })
  .optional();

/**
 * An organiser's choice of signatures: by client address, email domain, time range (UTC) and how
 * fast the form came back. `suspected` picks the bot trap's catches instead of counting ones.
 */
export const signatureChoice = z
  .object({
    suspected: z.boolean().default(false),
    clientAddress: optionalText,
    emailDomain: optionalText.transform((d) => d && emailDomain(`x@${d.replace(/^@/, "")}`)),
    from: optionalDate,
    to: optionalDate,
    filledUnderSeconds: optionalSeconds,
  })
  .refine((f) => f.suspected || f.clientAddress || f.emailDomain || f.from || f.to || f.filledUnderSeconds, {
    error: "Choose at least one of: client address, email domain, time range, time to fill.",
  });

export type SignatureChoice = z.infer<typeof signatureChoice>;

const filterOf = (campaignId: number, { filledUnderSeconds, ...choice }: SignatureChoice) => ({
  campaignId,
  ...choice,
  filledUnderMs: filledUnderSeconds === undefined ? undefined : Math.round(filledUnderSeconds * 1000),
});

function describe(choice: SignatureChoice): string {
  return [
    choice.suspected && "suspected",
    choice.clientAddress && `client address ${choice.clientAddress}`,
    choice.emailDomain && `email domain ${choice.emailDomain}`,
    choice.from && `from ${choice.from.toISOString()}`,
    choice.to && `until ${choice.to.toISOString()}`,
    choice.filledUnderSeconds && `filled in under ${choice.filledUnderSeconds} s`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** How many signatures the choice matches, before anything changes. */
export async function previewChoice(slug: string, choice: SignatureChoice): Promise<number | undefined> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  return campaign && stores().moderation.countMatchingSignatures(filterOf(campaign.id, choice));
}

/** Invalidates them; they stay stored for the audit and the live counter drops at once. */
export async function invalidate(slug: string, choice: SignatureChoice, actor: string): Promise<number | undefined> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const count = await stores().moderation.invalidateSignatures(filterOf(campaign.id, choice), new Date());
  await recordAudit({ actor, action: "invalidate", campaignSlug: slug, detail: describe(choice), rowCount: count });
  if (count > 0) liveHub().notify(slug);
  return count;
}

/**
 * Releases suspected signatures an organiser judges real. They count at once, or, when the
 * campaign asks for confirmation, each signer is sent the confirmation email first, in the
 * language they signed in.
 */
export async function release(slug: string, choice: SignatureChoice, actor: string): Promise<number | undefined> {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const confirming = confirmationRequired(campaign);
  const titles = confirming ? await campaignTitles.get(slug) : undefined;
  const now = new Date();
  const count = await stores().moderation.releaseSuspected(
    filterOf(campaign.id, choice),
    (signature): Release => {
      if (!confirming) return { kind: "count" };
      // A language since taken off the site falls back to the campaign's own.
      const locale = isLocale(signature.locale) ? signature.locale : campaign.locale;
      const { secret, links } = newConfirmation(campaign, signature.emailKey, now, locale);
      const mail = confirmationMessage({
        toAddress: signature.email,
        fullName: signature.fullName,
        campaignTitle: titles ? localizedTitle(titles, locale) : campaign.title,
        locale,
        ...links,
        withdrawUrl: withdrawLink(withdrawToken(signature.id), locale),
        receiptUrl: receiptLink(slug, locale, signature.receiptSalt ?? newReceiptSalt()),
      });
      return { kind: "confirm", confirmation: secret, mail: sealMail(mail) };
    },
    now,
  );
  await recordAudit({ actor, action: "release", campaignSlug: slug, detail: describe({ ...choice, suspected: true }), rowCount: count });
  if (count > 0) {
    liveHub().notify(slug);
    if (confirming) mailWorker().kick();
  }
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
  await stores().moderation.addBlockedEmail(entry.kind, entry.value, actor, new Date());
  blockList.forget();
  await recordAudit({ actor, action: "block", detail: `blocked ${entry.kind} ${entry.value}`, rowCount: 0 });
  return entry;
}

export async function unblock(id: number, actor: string): Promise<void> {
  const entry = (await stores().moderation.listBlockedEmails()).find((e) => e.id === id);
  if (!entry) return;
  await stores().moderation.removeBlockedEmail(id);
  blockList.forget();
  await recordAudit({ actor, action: "unblock", detail: `unblocked ${entry.kind} ${entry.value}`, rowCount: 0 });
}

/** The block list, as organisers see it. */
export const listBlockedEmails = () => stores().moderation.listBlockedEmails();
