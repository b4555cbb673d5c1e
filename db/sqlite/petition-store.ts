import { asc, eq, sql } from "drizzle-orm";
import { database, inTransaction, preparedStatements } from "./client";
import { petitions, type NewPetition } from "./schema";

export type PetitionContent = Omit<
  NewPetition,
  "id" | "signatureCount" | "pendingCount" | "pendingPublished" | "revision" | "createdAt" | "updatedAt"
>;

const statements = preparedStatements("petitions", ({ orm }) => {
  return {
    countBySlug: orm
      .select({
        id: petitions.id,
        slug: petitions.slug,
        title: petitions.title,
        goal: petitions.goal,
        signaturesElsewhere: petitions.signaturesElsewhere,
        signatureCount: petitions.signatureCount,
        pendingCount: petitions.pendingCount,
        pendingPublished: petitions.pendingPublished,
        requireConfirmation: petitions.requireConfirmation,
        revision: petitions.revision,
        updatedAt: petitions.updatedAt,
      })
      .from(petitions)
      .where(eq(petitions.slug, sql.placeholder("slug")))
      .prepare(),
    adjustCounts: orm
      .update(petitions)
      .set({
        signatureCount: sql`${petitions.signatureCount} + ${sql.placeholder("confirmed")}`,
        pendingCount: sql`${petitions.pendingCount} + ${sql.placeholder("pending")}`,
        // Only a change the public sees moves the revision and the time: a new pending signature
        // moving them, where a repeat would not, would tell an outsider which one it was.
        revision: sql`${petitions.revision} + (${sql.placeholder("confirmed")} != 0)`,
        updatedAt: sql`case when ${sql.placeholder("confirmed")} != 0 then ${sql.placeholder("now")} else ${petitions.updatedAt} end`,
      })
      .where(eq(petitions.id, sql.placeholder("petitionId")))
      .returning({ signatureCount: petitions.signatureCount })
      .prepare(),
  };
});

/**
 * Moves a campaign's counts by the given amounts, and its revision when the public count moved.
 * Call it inside the transaction that changed the signatures, so the counts never drift from the
 * rows (its prepared statement runs on the connection, which is the transaction's).
 */
export function adjustCounts(petitionId: number, change: { confirmed?: number; pending?: number }, now: Date): number {
  const [row] = statements().adjustCounts.all({
    petitionId,
    confirmed: change.confirmed ?? 0,
    pending: change.pending ?? 0,
    now: now.getTime(),
  });
  if (!row) throw new Error(`petition ${petitionId} vanished while its count was changing`);
  return row.signatureCount;
}

/**
 * Publishes each campaign's pending figure as `round(pendingCount)`, moving the revision of those
 * whose published figure changed so watchers hear of it. Returns how many changed.
 */
export async function publishPendingFigures(round: (pending: number) => number): Promise<number> {
  return inTransaction((tx) => {
    let changed = 0;
    for (const { id, pendingCount, pendingPublished } of tx
      .select({ id: petitions.id, pendingCount: petitions.pendingCount, pendingPublished: petitions.pendingPublished })
      .from(petitions)
      .all()) {
      const published = round(pendingCount);
      if (published === pendingPublished) continue;
      tx.update(petitions)
        .set({ pendingPublished: published, revision: sql`${petitions.revision} + 1` })
        .where(eq(petitions.id, id))
        .run();
      changed++;
    }
    return changed;
  });
}

/** Turns email confirmation on or off for a campaign. */
export async function setRequireConfirmation(slug: string, required: boolean): Promise<void> {
  database().orm.update(petitions).set({ requireConfirmation: required }).where(eq(petitions.slug, slug)).run();
}

export type PetitionCount = NonNullable<ReturnType<ReturnType<typeof statements>["countBySlug"]["get"]>>;

/** Creates the campaign or refreshes its content; its signatures and count are left as they are. */
export async function upsertPetition(content: PetitionContent, now = new Date()): Promise<void> {
  database()
    .orm.insert(petitions)
    .values({ ...content, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: petitions.slug,
      set: {
        title: content.title,
        ask: content.ask,
        goal: content.goal,
        signaturesElsewhere: content.signaturesElsewhere,
        // requireConfirmation is the content's only at creation; after that it is the organisers'.
        storyHeadline: content.storyHeadline,
        storyPublishedAt: content.storyPublishedAt,
        storyUpdatedAt: content.storyUpdatedAt,
        storyMarkdown: content.storyMarkdown,
      },
    })
    .run();
}

export async function findPetition(slug: string) {
  return database().orm.select().from(petitions).where(eq(petitions.slug, slug)).get();
}

/** The count and what the live counter needs; one primary-key lookup, never a scan. */
export async function readPetitionCount(slug: string): Promise<PetitionCount | undefined> {
  return statements().countBySlug.get({ slug });
}

export async function listPetitions() {
  return database()
    .orm.select({
      slug: petitions.slug,
      title: petitions.title,
      goal: petitions.goal,
      signaturesElsewhere: petitions.signaturesElsewhere,
      signatureCount: petitions.signatureCount,
      pendingCount: petitions.pendingCount,
      requireConfirmation: petitions.requireConfirmation,
    })
    .from(petitions)
    .orderBy(asc(petitions.id))
    .all();
}
