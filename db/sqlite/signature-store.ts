import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { checkpointAndTruncate, database, preparedStatements } from "./client";
import { inGroupCommit } from "./group-commit";
import { enqueueMailNow, type MailDraft } from "./outbox-store";
import { adjustCounts } from "./petition-store";
import {
  confirmations,
  petitions,
  signatures,
  type NewSignature,
  type SignatureStatus,
} from "./schema";

export type SignatureValues = Omit<NewSignature, "id" | "confirmedAt" | "invalidatedAt">;
export type ConfirmationSecret = { tokenHash: string; codeHash: string; expiresAt: Date };

export type InsertOutcome =
  | { kind: "signed"; signatureId: number; signatureCount: number }
  | { kind: "duplicate"; existing: { id: number; status: SignatureStatus } };

const statements = preparedStatements("signatures", ({ orm }) => ({
  insert: orm
    .insert(signatures)
    .values({
      petitionId: sql.placeholder("petitionId"),
      status: sql.placeholder("status"),
      fullName: sql.placeholder("fullName"),
      email: sql.placeholder("email"),
      emailKey: sql.placeholder("emailKey"),
      emailDomain: sql.placeholder("emailDomain"),
      country: sql.placeholder("country"),
      comment: sql.placeholder("comment"),
      showName: sql.placeholder("showName"),
      wantsUpdates: sql.placeholder("wantsUpdates"),
      clientAddress: sql.placeholder("clientAddress"),
      signedAt: sql.placeholder("signedAt"),
    })
    // The unique index decides duplicates, so concurrent signers cannot race past a check.
    .onConflictDoNothing({ target: [signatures.petitionId, signatures.emailKey] })
    .returning({ id: signatures.id })
    .prepare(),
  existing: orm
    .select({ id: signatures.id, status: signatures.status })
    .from(signatures)
    .where(and(eq(signatures.petitionId, sql.placeholder("petitionId")), eq(signatures.emailKey, sql.placeholder("emailKey"))))
    .prepare(),
  recentPublic: orm
    .select({ fullName: signatures.fullName, country: signatures.country, signedAt: signatures.signedAt })
    .from(signatures)
    .where(
      and(
        eq(signatures.petitionId, sql.placeholder("petitionId")),
        eq(signatures.status, "confirmed"),
        eq(signatures.showName, true),
      ),
    )
    .orderBy(desc(signatures.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
}));

const countChange = (status: SignatureStatus, direction: 1 | -1) =>
  status === "confirmed" ? { confirmed: direction } : status === "pending" ? { pending: direction } : {};

/**
 * Stores a signature, moves the count, and records its confirmation and first email, all in one
 * transaction: the mail is only ever sent for a signature that was committed. Signatures arriving
 * together share the transaction (see group-commit.ts), and each is answered once it is durable.
 */
export async function insertSignature(
  values: SignatureValues,
  extras: {
    confirmation?: ConfirmationSecret;
    /** The first email, written once the signature's id and count are known. */
    mail?: (inserted: { signatureId: number; signatureCount: number }) => MailDraft;
  } = {},
): Promise<InsertOutcome> {
  const { orm } = database();
  const s = statements();
  const params = { ...values, status: values.status ?? "confirmed", comment: values.comment ?? null, clientAddress: values.clientAddress ?? null };
  return inGroupCommit((): InsertOutcome => {
    const [inserted] = s.insert.all(params);
    if (!inserted) {
      const [existing] = s.existing.all({ petitionId: values.petitionId, emailKey: values.emailKey });
      if (!existing) throw new Error(`signature for petition ${values.petitionId} neither inserted nor found`);
      return { kind: "duplicate", existing };
    }
    const signatureCount = adjustCounts(values.petitionId, countChange(params.status, 1), values.signedAt);
    if (extras.confirmation) {
      orm.insert(confirmations).values({ signatureId: inserted.id, ...extras.confirmation, lastSentAt: values.signedAt }).run();
    }
    if (extras.mail) {
      const draft = extras.mail({ signatureId: inserted.id, signatureCount });
      enqueueMailNow({ ...draft, signatureId: inserted.id }, values.signedAt);
    }
    return { kind: "signed", signatureId: inserted.id, signatureCount };
  });
}

/**
 * A pending signer asks for the link again: new secrets replace the old, within limits on how many
 * and how often. Returns false when the limit says no.
 */
export async function renewConfirmation(
  signatureId: number,
  secret: ConfirmationSecret,
  mail: MailDraft,
  now: Date,
  limits: { maxSends: number; minIntervalMs: number },
): Promise<boolean> {
  const { orm } = database();
  return orm.transaction(
    (tx) => {
      const renewed = tx
        .update(confirmations)
        .set({ ...secret, codeAttempts: 0, sends: sql`${confirmations.sends} + 1`, lastSentAt: now })
        .where(
          and(
            eq(confirmations.signatureId, signatureId),
            lt(confirmations.sends, limits.maxSends),
            lt(confirmations.lastSentAt, new Date(now.getTime() - limits.minIntervalMs)),
          ),
        )
        .returning({ signatureId: confirmations.signatureId })
        .all();
      if (renewed.length === 0) return false;
      enqueueMailNow({ ...mail, signatureId }, now);
      return true;
    },
    { behavior: "immediate" },
  );
}

export type ConfirmOutcome =
  | { kind: "confirmed"; slug: string; signaturesElsewhere: number; signatureCount: number; fullName: string }
  | { kind: "unknown" | "expired" | "locked" | "wrong-code" };

function confirmPending(signatureId: number, petitionId: number, now: Date): number {
  const { orm } = database();
  orm.update(signatures).set({ status: "confirmed", confirmedAt: now }).where(eq(signatures.id, signatureId)).run();
  orm.delete(confirmations).where(eq(confirmations.signatureId, signatureId)).run();
  return adjustCounts(petitionId, { confirmed: 1, pending: -1 }, now);
}

const pendingWithConfirmation = () =>
  database()
    .orm.select({
      signatureId: signatures.id,
      petitionId: signatures.petitionId,
      slug: petitions.slug,
      title: petitions.title,
      signaturesElsewhere: petitions.signaturesElsewhere,
      fullName: signatures.fullName,
      expiresAt: confirmations.expiresAt,
      codeHash: confirmations.codeHash,
      codeAttempts: confirmations.codeAttempts,
    })
    .from(confirmations)
    .innerJoin(signatures, eq(signatures.id, confirmations.signatureId))
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId));

type PendingFound = NonNullable<ReturnType<ReturnType<typeof pendingWithConfirmation>["get"]>>;

function confirmed(found: PendingFound, now: Date): ConfirmOutcome {
  const signatureCount = confirmPending(found.signatureId, found.petitionId, now);
  return {
    kind: "confirmed",
    slug: found.slug,
    signaturesElsewhere: found.signaturesElsewhere,
    signatureCount,
    fullName: found.fullName,
  };
}

/** Confirms the pending signature a link's token belongs to; the token works once. */
export async function confirmByToken(tokenHash: string, now: Date): Promise<ConfirmOutcome> {
  return database().orm.transaction(
    (): ConfirmOutcome => {
      const found = pendingWithConfirmation().where(eq(confirmations.tokenHash, tokenHash)).get();
      if (!found) return { kind: "unknown" };
      if (found.expiresAt <= now) return { kind: "expired" };
      return confirmed(found, now);
    },
    { behavior: "immediate" },
  );
}

/** Confirms by the emailed six-digit code, counting wrong tries so the code cannot be guessed. */
export async function confirmByCode(
  petitionId: number,
  emailKey: string,
  matches: (codeHash: string) => boolean,
  now: Date,
  maxAttempts: number,
): Promise<ConfirmOutcome> {
  return database().orm.transaction(
    (tx): ConfirmOutcome => {
      const found = pendingWithConfirmation()
        .where(and(eq(signatures.petitionId, petitionId), eq(signatures.emailKey, emailKey)))
        .get();
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
      return confirmed(found, now);
    },
    { behavior: "immediate" },
  );
}

/** Deletes a signature at its signer's request, and takes it off the count. */
export async function withdrawSignature(signatureId: number, now: Date) {
  const removed = database().orm.transaction(
    (tx) => {
      const [removed] = tx
        .delete(signatures)
        .where(eq(signatures.id, signatureId))
        .returning({ petitionId: signatures.petitionId, status: signatures.status })
        .all();
      if (!removed) return undefined;
      adjustCounts(removed.petitionId, countChange(removed.status, -1), now);
      return { petitionId: removed.petitionId };
    },
    { behavior: "immediate" },
  );
  checkpointAndTruncate();
  return removed;
}

export async function findSignatureForWithdrawal(signatureId: number) {
  return database()
    .orm.select({ slug: petitions.slug, title: petitions.title, status: signatures.status })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.id, signatureId))
    .get();
}

export async function findConfirmationByToken(tokenHash: string) {
  return pendingWithConfirmation().where(eq(confirmations.tokenHash, tokenHash)).get();
}

export async function listRecentPublicSigners(petitionId: number, limit: number) {
  return statements().recentPublic.all({ petitionId, limit });
}

export async function countSignaturesSince(petitionId: number, since: Date): Promise<number> {
  const [row] = database()
    .orm.select({ n: count() })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), eq(signatures.status, "confirmed"), gte(signatures.signedAt, since)))
    .all();
  return row?.n ?? 0;
}

export async function listLatestSignatures(petitionId: number, limit: number) {
  return database()
    .orm.select()
    .from(signatures)
    .where(eq(signatures.petitionId, petitionId))
    .orderBy(desc(signatures.id))
    .limit(limit)
    .all();
}

/** Every campaign's signatures from one mailbox, for a data-protection request. */
export async function findSignaturesByEmailKey(emailKey: string) {
  return database()
    .orm.select({
      id: signatures.id,
      slug: petitions.slug,
      fullName: signatures.fullName,
      email: signatures.email,
      status: signatures.status,
      signedAt: signatures.signedAt,
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.emailKey, emailKey))
    .all();
}

/** Deletes signatures outright (their confirmations and mail go with them), fixes the counts, and clears the WAL of them. */
export async function eraseSignatures(ids: number[], now: Date): Promise<{ erased: number }> {
  if (ids.length === 0) return { erased: 0 };
  const result = database().orm.transaction(
    (tx) => {
      const removed = tx
        .delete(signatures)
        .where(inArray(signatures.id, ids))
        .returning({ petitionId: signatures.petitionId, status: signatures.status })
        .all();
      for (const row of removed) adjustCounts(row.petitionId, countChange(row.status, -1), now);
      return { erased: removed.length };
    },
    { behavior: "immediate" },
  );
  checkpointAndTruncate();
  return result;
}

export type InvalidationFilter = {
  petitionId: number;
  clientAddress?: string;
  emailDomain?: string;
  from?: Date;
  to?: Date;
};

function invalidationWhere(filter: InvalidationFilter): SQL | undefined {
  return and(
    eq(signatures.petitionId, filter.petitionId),
    inArray(signatures.status, ["pending", "confirmed"]),
    filter.clientAddress === undefined ? undefined : eq(signatures.clientAddress, filter.clientAddress),
    filter.emailDomain === undefined ? undefined : eq(signatures.emailDomain, filter.emailDomain),
    filter.from === undefined ? undefined : gte(signatures.signedAt, filter.from),
    filter.to === undefined ? undefined : lt(signatures.signedAt, filter.to),
  );
}

/** How many counting signatures a bulk invalidation would take off the count. */
export async function countInvalidationMatches(filter: InvalidationFilter): Promise<number> {
  const [row] = database().orm.select({ n: count() }).from(signatures).where(invalidationWhere(filter)).all();
  return row?.n ?? 0;
}

/** Marks matching signatures invalid: kept for the audit, no longer counted, listed or exported. */
export async function invalidateSignatures(filter: InvalidationFilter, now: Date): Promise<number> {
  const where = invalidationWhere(filter);
  return database().orm.transaction(
    (tx) => {
      // Counted before the update, in the same immediate transaction, so the two agree.
      const byStatus = tx
        .select({ status: signatures.status, n: count() })
        .from(signatures)
        .where(where)
        .groupBy(signatures.status)
        .all();
      const n = (status: SignatureStatus) => byStatus.find((row) => row.status === status)?.n ?? 0;
      const total = n("confirmed") + n("pending");
      if (total === 0) return 0;
      tx.update(signatures).set({ status: "invalidated", invalidatedAt: now }).where(where).run();
      tx.delete(confirmations)
        .where(
          inArray(
            confirmations.signatureId,
            tx.select({ id: signatures.id }).from(signatures).where(eq(signatures.status, "invalidated")),
          ),
        )
        .run();
      adjustCounts(filter.petitionId, { confirmed: -n("confirmed"), pending: -n("pending") }, now);
      return total;
    },
    { behavior: "immediate" },
  );
}

/** The lowest and highest signature id of a campaign, from its index, to split an export into ranges. */
export async function signatureIdRange(petitionId: number): Promise<{ first: number; last: number } | undefined> {
  const row = database()
    .orm.select({ first: sql<number | null>`min(${signatures.id})`, last: sql<number | null>`max(${signatures.id})` })
    .from(signatures)
    .where(eq(signatures.petitionId, petitionId))
    .get();
  return row?.first == null || row.last == null ? undefined : { first: row.first, last: row.last };
}
