import { and, count, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { database, inTransaction, preparedStatements, type SqliteHandle } from "./client";
import { inGroupCommit } from "./group-commit";
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
import { enqueueMailIn } from "./outbox-store";
import { adjustCounts, nextSignerNumber } from "./campaign-row-store";
import { confirmations, outbox, campaigns, signatures, updateUnsubscribes } from "./schema";
import { walScrubber } from "./wal-scrub";

const statements = preparedStatements(({ orm }) => ({
  insert: orm
    .insert(signatures)
    .values({
      campaignId: sql.placeholder("campaignId"),
      status: sql.placeholder("status"),
      fullName: sql.placeholder("fullName"),
      nameKey: sql.placeholder("nameKey"),
      email: sql.placeholder("email"),
      emailKey: sql.placeholder("emailKey"),
      emailDomain: sql.placeholder("emailDomain"),
      country: sql.placeholder("country"),
      comment: sql.placeholder("comment"),
      showName: sql.placeholder("showName"),
      wantsUpdates: sql.placeholder("wantsUpdates"),
      clientAddress: sql.placeholder("clientAddress"),
      fillMs: sql.placeholder("fillMs"),
      locale: sql.placeholder("locale"),
      referrerId: sql.placeholder("referrerId"),
      signedAt: sql.placeholder("signedAt"),
    })
    // The unique index decides repeats, so concurrent signers cannot race past a check.
    .onConflictDoNothing({ target: [signatures.campaignId, signatures.emailKey] })
    .returning({ id: signatures.id })
    .prepare(),
  existing: orm
    .select({ id: signatures.id, status: signatures.status })
    .from(signatures)
    .where(and(eq(signatures.campaignId, sql.placeholder("campaignId")), eq(signatures.emailKey, sql.placeholder("emailKey"))))
    .prepare(),
  // Matches nothing, and so writes nothing, unless the row came from an import.
  claimImported: orm
    .update(signatures)
    .set({ importId: null })
    .where(and(eq(signatures.id, sql.placeholder("id")), isNotNull(signatures.importId)))
    .prepare(),
  recentPublic: orm
    .select({ fullName: signatures.fullName, country: signatures.country, signedAt: signatures.signedAt })
    .from(signatures)
    .where(
      and(
        eq(signatures.campaignId, sql.placeholder("campaignId")),
        eq(signatures.status, "confirmed"),
        eq(signatures.showName, true),
      ),
    )
    .orderBy(desc(signatures.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
  confirmedReferrals: orm
    .select({ n: count() })
    .from(signatures)
    .where(and(eq(signatures.referrerId, sql.placeholder("referrerId")), eq(signatures.status, "confirmed")))
    .prepare(),
}));

const countChange = (status: SignatureStatus, direction: 1 | -1) =>
  status === "confirmed" ? { confirmed: direction } : status === "pending" ? { pending: direction } : {};

/** The rest of a new signature's writes: its count and number, its confirmation and its first email. */
function settleNew(tx: SqliteHandle, signatureId: number, values: NewSignature, extras: InsertExtras): InsertOutcome {
  const issued = adjustCounts(values.campaignId, countChange(values.status, 1), values.signedAt);
  // A confirmed signature took the last number issued; any other leaves the next one free.
  const signerNumber = values.status === "confirmed" ? issued : issued + 1;
  if (extras.confirmation) {
    tx.insert(confirmations).values({ signatureId, ...extras.confirmation, lastSentAt: values.signedAt }).run();
  }
  if (extras.mail) enqueueMailIn(tx, { ...extras.mail({ signatureId, signerNumber }), signatureId }, values.signedAt);
  return { kind: "signed", signatureId, signerNumber };
}

/**
 * Stores a signature, moves the count, and records its confirmation and first email, all in one
 * transaction: the mail is only ever sent for a signature that was committed. When the address
 * has signed before, `repeat` decides what happens instead, in the same transaction, so a repeat
 * costs what a first signature costs. A suspected signature (a bot's, as far as we can tell)
 * gives way to a real one from the same address: the person is never turned away by a bot's row.
 * Signatures arriving together share the transaction (see group-commit.ts), each answered once it
 * is durable.
 */
export async function insertSignature(values: NewSignature, extras: InsertExtras = {}): Promise<InsertOutcome> {
  const s = statements();
  const params = {
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
  return inGroupCommit((tx): InsertOutcome => {
    const [inserted] = s.insert.all(params);
    if (inserted) return settleNew(tx, inserted.id, values, extras);

    const [existing] = s.existing.all({ campaignId: values.campaignId, emailKey: values.emailKey });
    if (!existing) throw new Error(`signature for petition ${values.campaignId} neither inserted nor found`);
    if (existing.status === "suspected" && values.status !== "suspected") {
      const { status, fullName, nameKey, email, emailDomain, country, comment, showName, wantsUpdates, clientAddress, fillMs, locale, referrerId, signedAt } = params;
      tx.update(signatures)
        .set({ status, fullName, nameKey, email, emailDomain, country, comment, showName, wantsUpdates, clientAddress, fillMs, locale, referrerId, signedAt, importId: null })
        .where(eq(signatures.id, existing.id))
        .run();
      return settleNew(tx, existing.id, values, extras);
    }
    // A person signing here with an imported address has now signed here: undoing the import must
    // not take their signature. A bot's submission claims nothing. The answer stays a repeat's.
    if (values.status !== "suspected") s.claimImported.run({ id: existing.id });
    carryOut(tx, existing, extras.repeat?.(existing) ?? { kind: "nothing" }, values.signedAt);
    return { kind: "repeat", existing, nextSignerNumber: nextSignerNumber(values.campaignId) };
  });
}

function carryOut(tx: SqliteHandle, existing: ExistingSignature, plan: RepeatPlan, now: Date): void {
  if (plan.kind === "renew-confirmation") {
    // New secrets replace the old, within limits on how many and how often.
    const renewed = tx
      .update(confirmations)
      .set({ ...plan.confirmation, codeAttempts: 0, sends: sql`${confirmations.sends} + 1`, lastSentAt: now })
      .where(
        and(
          eq(confirmations.signatureId, existing.id),
          lt(confirmations.sends, plan.limits.maxSends),
          lt(confirmations.lastSentAt, new Date(now.getTime() - plan.limits.minIntervalMs)),
        ),
      )
      .returning({ signatureId: confirmations.signatureId })
      .all();
    if (renewed.length > 0) enqueueMailIn(tx, { ...plan.mail, signatureId: existing.id }, now);
  } else if (plan.kind === "note") {
    const [recent] = tx
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.signatureId, existing.id), eq(outbox.kind, plan.mail.kind), gte(outbox.createdAt, plan.unlessQueuedSince)))
      .all();
    if ((recent?.n ?? 0) === 0) enqueueMailIn(tx, { ...plan.mail, signatureId: existing.id }, now);
  }
}

const pendingWithConfirmation = (handle: SqliteHandle) =>
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

function confirm(tx: SqliteHandle, found: PendingFound, now: Date): ConfirmOutcome {
  tx.update(signatures).set({ status: "confirmed", confirmedAt: now }).where(eq(signatures.id, found.signatureId)).run();
  tx.delete(confirmations).where(eq(confirmations.signatureId, found.signatureId)).run();
  const signerNumber = adjustCounts(found.campaignId, { confirmed: 1, pending: -1 }, now);
  return { kind: "confirmed", signatureId: found.signatureId, slug: found.slug, signaturesElsewhere: found.signaturesElsewhere, signerNumber, fullName: found.fullName };
}

/** Confirms the pending signature a link's token belongs to; the token works once. */
export async function confirmByToken(tokenHash: string, now: Date): Promise<ConfirmOutcome> {
  return inTransaction((tx): ConfirmOutcome => {
    const [found] = pendingWithConfirmation(tx).where(eq(confirmations.tokenHash, tokenHash)).all();
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
  return inTransaction((tx): ConfirmOutcome => {
    const [found] = pendingWithConfirmation(tx)
      .where(and(eq(signatures.campaignId, campaignId), eq(signatures.emailKey, emailKey)))
      .all();
    if (!found) return { kind: "unknown" };
    if (found.codeAttempts >= maxAttempts) return { kind: "locked" };
    if (found.expiresAt <= now) return { kind: "expired" };
    if (!matches(found.codeHash)) {
      tx.update(confirmations)
        .set({ codeAttempts: sql`${confirmations.codeAttempts} + 1` })
        .where(eq(confirmations.signatureId, found.signatureId))
        .run();
      return { kind: found.codeAttempts + 1 >= maxAttempts ? "locked" : "wrong-code" };
    }
    return confirm(tx, found, now);
  });
}

export async function findConfirmationByToken(tokenHash: string): Promise<PendingConfirmation | undefined> {
  const [found] = pendingWithConfirmation(database().orm).where(eq(confirmations.tokenHash, tokenHash)).all();
  return found && { signatureId: found.signatureId, slug: found.slug, title: found.title, expiresAt: found.expiresAt };
}

/**
 * Deletes signatures outright (their confirmations and mail go with them) and fixes the counts;
 * with `mailboxKey`, that address's unsubscribes too (a withdrawal keeps them, an erasure does not).
 * Their old versions leave the write-ahead log soon after, off the request path (wal-scrub.ts).
 */
export async function eraseSignatures(ids: number[], now: Date, mailboxKey?: string): Promise<{ erased: number }> {
  if (ids.length === 0 && mailboxKey === undefined) return { erased: 0 };
  const { removed, forgotten } = inTransaction((tx) => {
    const rows = ids.length
      ? tx.delete(signatures).where(inArray(signatures.id, ids)).returning({ campaignId: signatures.campaignId, status: signatures.status }).all()
      : [];
    for (const row of rows) adjustCounts(row.campaignId, countChange(row.status, -1), now);
    const unsubscribes = mailboxKey === undefined ? 0 : tx.delete(updateUnsubscribes).where(eq(updateUnsubscribes.emailKey, mailboxKey)).run().changes;
    return { removed: rows.length, forgotten: unsubscribes };
  });
  if (removed + forgotten > 0) walScrubber().request();
  return { erased: removed };
}

export async function findSignatureForWithdrawal(signatureId: number): Promise<WithdrawalTarget | undefined> {
  const [found] = database()
    .orm.select({ slug: campaigns.slug, title: campaigns.title, status: signatures.status })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(eq(signatures.id, signatureId))
    .all();
  return found;
}

export async function listRecentPublicSigners(campaignId: number, limit: number): Promise<PublicSigner[]> {
  return statements().recentPublic.all({ campaignId, limit });
}

/** How many confirmed signatures the signature's share link brought. */
export async function countConfirmedReferrals(referrerId: number): Promise<number> {
  return statements().confirmedReferrals.all({ referrerId })[0]?.n ?? 0;
}

export async function countSignaturesSince(campaignId: number, since: Date): Promise<number> {
  const [row] = database()
    .orm.select({ n: count() })
    .from(signatures)
    .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "confirmed"), gte(signatures.signedAt, since)))
    .all();
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
    .where(eq(signatures.emailKey, emailKey))
    .all();
}

/** The lowest and highest signature id of a campaign, from its index, to split an export into ranges. */
export async function signatureIdRange(campaignId: number): Promise<{ first: number; last: number } | undefined> {
  const [row] = database()
    .orm.select({ first: sql<number | null>`min(${signatures.id})`, last: sql<number | null>`max(${signatures.id})` })
    .from(signatures)
    .where(eq(signatures.campaignId, campaignId))
    .all();
  return row?.first == null || row.last == null ? undefined : { first: row.first, last: row.last };
}
