import { and, count, desc, eq, gt, gte, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { database, openReadConnection, preparedStatements } from "./client";
import { petitions, signatures, type NewSignature, type Signature } from "./schema";

export type SignatureValues = Omit<NewSignature, "id">;
export type InsertOutcome = { kind: "signed"; signatureCount: number } | { kind: "duplicate" };

const statements = preparedStatements("signatures", ({ orm }) => {
  return {
    insert: orm
      .insert(signatures)
      .values({
        petitionId: sql.placeholder("petitionId"),
        fullName: sql.placeholder("fullName"),
        email: sql.placeholder("email"),
        emailKey: sql.placeholder("emailKey"),
        country: sql.placeholder("country"),
        comment: sql.placeholder("comment"),
        showName: sql.placeholder("showName"),
        wantsUpdates: sql.placeholder("wantsUpdates"),
        signedAt: sql.placeholder("signedAt"),
      })
      // The unique index decides duplicates, so concurrent signers cannot race past a check.
      .onConflictDoNothing({ target: [signatures.petitionId, signatures.emailKey] })
      .returning({ id: signatures.id })
      .prepare(),
    countUp: orm
      .update(petitions)
      .set({
        signatureCount: sql`${petitions.signatureCount} + 1`,
        revision: sql`${petitions.revision} + 1`,
        updatedAt: sql`${sql.placeholder("now")}`,
      })
      .where(eq(petitions.id, sql.placeholder("petitionId")))
      .returning({ signatureCount: petitions.signatureCount })
      .prepare(),
    recentPublic: orm
      .select({ fullName: signatures.fullName, country: signatures.country, signedAt: signatures.signedAt })
      .from(signatures)
      .where(and(eq(signatures.petitionId, sql.placeholder("petitionId")), eq(signatures.showName, true)))
      .orderBy(desc(signatures.id))
      .limit(sql.placeholder("limit"))
      .prepare(),
  };
});

/** Stores a signature and moves the count in one immediate transaction; a repeat email changes nothing. */
export async function insertSignature(values: SignatureValues): Promise<InsertOutcome> {
  const { orm } = database();
  const s = statements();
  const params = { ...values, comment: values.comment ?? null };
  return orm.transaction(
    (): InsertOutcome => {
      if (s.insert.all(params).length === 0) return { kind: "duplicate" };
      const [counted] = s.countUp.all({ petitionId: values.petitionId, now: values.signedAt.getTime() });
      if (!counted) throw new Error(`petition ${values.petitionId} vanished while signing`);
      return { kind: "signed", signatureCount: counted.signatureCount };
    },
    { behavior: "immediate" },
  );
}

export async function listRecentPublicSigners(petitionId: number, limit: number) {
  return statements().recentPublic.all({ petitionId, limit });
}

export async function countSignaturesSince(petitionId: number, since: Date): Promise<number> {
  const [row] = database()
    .orm.select({ n: count() })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), gte(signatures.signedAt, since)))
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

const exportColumns = {
  id: signatures.id,
  signedAt: signatures.signedAt,
  fullName: signatures.fullName,
  email: signatures.email,
  country: signatures.country,
  comment: signatures.comment,
  showName: signatures.showName,
  wantsUpdates: signatures.wantsUpdates,
};

/**
 * Reads a campaign's signatures in keyset pages on a connection of its own. Each page is its own
 * short read, so signing goes on between pages and the WAL can be checkpointed during an export.
 */
export async function* readSignaturePages(petitionId: number, pageSize: number) {
  const connection = openReadConnection();
  try {
    const page = drizzle(connection)
      .select(exportColumns)
      .from(signatures)
      .where(and(eq(signatures.petitionId, petitionId), gt(signatures.id, sql.placeholder("afterId"))))
      .orderBy(signatures.id)
      .limit(pageSize)
      .prepare();
    let afterId = 0;
    for (;;) {
      const rows = page.all({ afterId });
      if (rows.length === 0) return;
      yield rows;
      afterId = rows[rows.length - 1]!.id;
      if (rows.length < pageSize) return;
    }
  } finally {
    connection.close();
  }
}

export type ExportedSignature = Pick<Signature, keyof typeof exportColumns>;
