import { and, count, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { NewSignature, SignatureStatus } from "@/lib/domain/model";
import { nameKey } from "@/lib/domain/name-key";
import type {
  ConfirmOutcome,
  ExistingSignature,
  InsertExtras,
  InsertOutcome,
  MailboxSignature,
  PendingConfirmation,
  PublicSigner,
  RepeatPlan,
  WithdrawalTarget,
} from "@/lib/store-contract";
import { database, inTransaction, type PgHandle } from "./client";
import { insertBatched } from "./batched-insert";
import { enqueueMailIn } from "./outbox-store";
import { adjustCounts, nextSignerNumber, takeSignerNumber } from "./campaign-row-store";
import { confirmations, outbox, campaigns, signatures, updateUnsubscribes } from "./schema";

const countChange = (status: SignatureStatus, direction: 1 | -1) =>
  status === "confirmed" ? { confirmed: direction } : status === "pending" ? { pending: direction } : {};

/** The rest of a new signature's writes: its count delta and number, its confirmation and its first email. */
async function settleNew(tx: PgHandle, signatureId: number, values: NewSignature, extras: InsertExtras): Promise<InsertOutcome> {
  await adjustCounts(tx, values.campaignId, countChange(values.status, 1));
  const signerNumber =
    values.status === "confirmed" ? await takeSignerNumber(tx, values.campaignId) : await nextSignerNumber(tx, values.campaignId);
  if (extras.confirmation) {
    await tx.insert(confirmations).values({ signatureId, ...extras.confirmation, lastSentAt: values.signedAt });
  }
  if (extras.mail) await enqueueMailIn(tx, { ...extras.mail({ signatureId, signerNumber }), signatureId }, values.signedAt);
  return { kind: "signed", signatureId, signerNumber };
}

/**
 * Stores a signature with its count delta, confirmation and first email in one transaction. When
 * the address has signed before, `repeat` decides what happens instead, in the same transaction.
 * A suspected signature gives way to a real one from the same address. Each signature is its own
 * transaction on the pool: PostgreSQL commits concurrent transactions together by itself, and no
 * row is shared between two signatures (counts go to count_deltas, numbers to a sequence).
 */
export async function insertSignature(values: NewSignature, extras: InsertExtras = {}): Promise<InsertOutcome> {
  if (!extras.confirmation && !extras.mail) {
    const batched = await insertBatched(values);
    if (batched) return batched;
  }
  const row = {
    ...values,
    nameKey: nameKey(values.fullName),
    comment: values.comment ?? null,
    showName: values.showName ?? false,
    wantsUpdates: values.wantsUpdates ?? false,
    clientAddress: values.clientAddress ?? null,
    fillMs: values.fillMs ?? null,
    locale: values.locale ?? "en",
    referrerId: values.referrerId ?? null,
  };
  return inTransaction(async (tx) => {
    const [inserted] = await tx
      .insert(signatures)
      .values(row)
      // The unique index decides repeats, so concurrent signers cannot race past a check.
      .onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] })
      .returning({ id: signatures.id });
    if (inserted) return settleNew(tx, inserted.id, values, extras);

    const [existing] = await tx
      .select({ id: signatures.id, status: signatures.status })
      .from(signatures)
      .where(and(eq(signatures.campaignId, values.campaignId), eq(signatures.emailKey, values.emailKey)))
      .for("update");
    if (!existing) throw new Error(`signature for petition ${values.campaignId} neither inserted nor found`);
    if (existing.status === "suspected" && values.status !== "suspected") {
      const { status, fullName, nameKey, email, emailDomain, country, comment, showName, wantsUpdates, clientAddress, fillMs, locale, referrerId, signedAt } = row;
      await tx
        .update(signatures)
        .set({ status, fullName, nameKey, email, emailDomain, country, comment, showName, wantsUpdates, clientAddress, fillMs, locale, referrerId, signedAt, importId: null })
        .where(eq(signatures.id, existing.id));
      return settleNew(tx, existing.id, values, extras);
    }
    // A person signing here with an imported address has now signed here: undoing the import must
    // not take their signature. A bot's submission claims nothing. The answer stays a repeat's.
    if (values.status !== "suspected") {
      await tx
        .update(signatures)
        .set({ importId: null })
        .where(and(eq(signatures.id, existing.id), isNotNull(signatures.importId)));
    }
    await carryOut(tx, existing, extras.repeat?.(existing) ?? { kind: "nothing" }, values.signedAt);
    return { kind: "repeat", existing, nextSignerNumber: await nextSignerNumber(tx, values.campaignId) };
  });
}

async function carryOut(tx: PgHandle, existing: ExistingSignature, plan: RepeatPlan, now: Date): Promise<void> {
  if (plan.kind === "renew-confirmation") {
    // New secrets replace the old, within limits on how many and how often.
    const renewed = await tx
      .update(confirmations)
      .set({ ...plan.confirmation, codeAttempts: 0, sends: sql`${confirmations.sends} + 1`, lastSentAt: now })
      .where(
        and(
          eq(confirmations.signatureId, existing.id),
          lt(confirmations.sends, plan.limits.maxSends),
          lt(confirmations.lastSentAt, new Date(now.getTime() - plan.limits.minIntervalMs)),
        ),
      )
      .returning({ signatureId: confirmations.signatureId });
    if (renewed.length > 0) await enqueueMailIn(tx, { ...plan.mail, signatureId: existing.id }, now);
  } else if (plan.kind === "note") {
    const [recent] = await tx
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.signatureId, existing.id), eq(outbox.kind, plan.mail.kind), gte(outbox.createdAt, plan.unlessQueuedSince)));
    if ((recent?.n ?? 0) === 0) await enqueueMailIn(tx, { ...plan.mail, signatureId: existing.id }, now);
  }
}

const pendingWithConfirmation = (handle: PgHandle) =>
  handle
    .select({
      signatureId: signatures.id,
      campaignId: signatures.campaignId,
      slug: campaigns.slug,
      title: campaigns.title,
      signaturesElsewhere: campaigns.signaturesElsewhere,
      fullName: signatures.fullName,
      expiresAt: confirmations.expiresAt,
      codeHash: confirmations.codeHash,
      codeAttempts: confirmations.codeAttempts,
    })
    .from(confirmations)
    .innerJoin(signatures, eq(signatures.id, confirmations.signatureId))
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId));

type PendingFound = Awaited<ReturnType<typeof pendingWithConfirmation>>[number];

async function confirm(tx: PgHandle, found: PendingFound, now: Date): Promise<ConfirmOutcome> {
  await tx.update(signatures).set({ status: "confirmed", confirmedAt: now }).where(eq(signatures.id, found.signatureId));
  await tx.delete(confirmations).where(eq(confirmations.signatureId, found.signatureId));
  await adjustCounts(tx, found.campaignId, { confirmed: 1, pending: -1 });
  const signerNumber = await takeSignerNumber(tx, found.campaignId);
  return { kind: "confirmed", signatureId: found.signatureId, slug: found.slug, signaturesElsewhere: found.signaturesElsewhere, signerNumber, fullName: found.fullName };
}

/** Confirms the pending signature a link's token belongs to; the token works once. */
export async function confirmByToken(tokenHash: string, now: Date): Promise<ConfirmOutcome> {
  return inTransaction(async (tx): Promise<ConfirmOutcome> => {
    // Locked, so two presses of the same button confirm (and count) once.
    const [found] = await pendingWithConfirmation(tx).where(eq(confirmations.tokenHash, tokenHash)).for("update", { of: confirmations });
    if (!found) return { kind: "unknown" };
    if (found.expiresAt <= now) return { kind: "expired" };
    return confirm(tx, found, now);
  });
}

/** Confirms by the emailed six-digit code, counting wrong tries so the code cannot be guessed. */
export async function confirmByCode(
  campaignId: number,
  emailKey: string,
  matches: (codeHash: string) => boolean,
  now: Date,
  maxAttempts: number,
): Promise<ConfirmOutcome> {
  return inTransaction(async (tx): Promise<ConfirmOutcome> => {
    const [found] = await pendingWithConfirmation(tx)
      .where(and(eq(signatures.campaignId, campaignId), eq(signatures.emailKey, emailKey)))
      .for("update", { of: confirmations });
    if (!found) return { kind: "unknown" };
    if (found.codeAttempts >= maxAttempts) return { kind: "locked" };
    if (found.expiresAt <= now) return { kind: "expired" };
    if (!matches(found.codeHash)) {
      await tx
        .update(confirmations)
        .set({ codeAttempts: sql`${confirmations.codeAttempts} + 1` })
        .where(eq(confirmations.signatureId, found.signatureId));
      return { kind: found.codeAttempts + 1 >= maxAttempts ? "locked" : "wrong-code" };
    }
    return confirm(tx, found, now);
  });
}

export async function findConfirmationByToken(tokenHash: string): Promise<PendingConfirmation | undefined> {
  const [found] = await pendingWithConfirmation(database().orm).where(eq(confirmations.tokenHash, tokenHash));
  return found && { signatureId: found.signatureId, slug: found.slug, title: found.title, expiresAt: found.expiresAt };
}

/**
 * Deletes signatures outright (their confirmations and mail go with them) and takes them off the
 * counts; with `mailboxKey`, that address's unsubscribes too (a withdrawal keeps them, an erasure does not).
 */
export async function eraseSignatures(ids: number[], _now: Date, mailboxKey?: string): Promise<{ erased: number }> {
  if (ids.length === 0 && mailboxKey === undefined) return { erased: 0 };
  return inTransaction(async (tx) => {
    const removed = ids.length
      ? await tx.delete(signatures).where(inArray(signatures.id, ids)).returning({ campaignId: signatures.campaignId, status: signatures.status })
      : [];
    for (const row of removed) await adjustCounts(tx, row.campaignId, countChange(row.status, -1));
    if (mailboxKey !== undefined) await tx.delete(updateUnsubscribes).where(eq(updateUnsubscribes.emailKey, mailboxKey));
    return { erased: removed.length };
  });
}

export async function findSignatureForWithdrawal(signatureId: number): Promise<WithdrawalTarget | undefined> {
  const [found] = await database()
    .orm.select({ slug: campaigns.slug, title: campaigns.title, status: signatures.status })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(eq(signatures.id, signatureId));
  return found;
}

export async function listRecentPublicSigners(campaignId: number, limit: number): Promise<PublicSigner[]> {
  const { rows } = await database().pool.query<{ fullName: string; country: string; signedAt: Date }>({
    name: "countersign-recent-public",
    text: `select full_name as "fullName", country, signed_at as "signedAt" from signatures
           where petition_id = $1 and status = 'confirmed' and show_name order by id desc limit $2`,
    values: [campaignId, limit],
  });
  return rows;
}

/** How many confirmed signatures the signature's share link brought. */
export async function countConfirmedReferrals(referrerId: number): Promise<number> {
  const { rows } = await database().pool.query<{ n: number }>({
    name: "countersign-confirmed-referrals",
    text: "select count(*)::int as n from signatures where referrer_id = $1 and status = 'confirmed'",
    values: [referrerId],
  });
  return rows[0]?.n ?? 0;
}

export async function countSignaturesSince(campaignId: number, since: Date): Promise<number> {
  const [row] = await database()
    .orm.select({ n: count() })
    .from(signatures)
    .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "confirmed"), gte(signatures.signedAt, since)));
  return row?.n ?? 0;
}

/** Every campaign's signatures from one mailbox, for a data-protection request. */
export async function findSignaturesByEmailKey(emailKey: string): Promise<MailboxSignature[]> {
  return database()
    .orm.select({
      id: signatures.id,
      slug: campaigns.slug,
      fullName: signatures.fullName,
      email: signatures.email,
      status: signatures.status,
      signedAt: signatures.signedAt,
    })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(eq(signatures.emailKey, emailKey));
}
