import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Petition, PetitionContent, PetitionCount, PetitionSummary, PetitionTitles } from "@/lib/model";
import { textChanged, translationRows, translationsByLocale } from "../petition-texts";
import { database, inTransaction, preparedStatements, type SqliteHandle } from "./client";
import { petitions, petitionTranslations } from "./schema";

const statements = preparedStatements(({ orm }) => ({
  countBySlug: orm
    .select({
      id: petitions.id,
      slug: petitions.slug,
      locale: petitions.locale,
      title: petitions.title,
      goal: petitions.goal,
      signaturesElsewhere: petitions.signaturesElsewhere,
      signatureCount: petitions.signatureCount,
      pendingCount: petitions.pendingCount,
      pendingPublished: petitions.pendingPublished,
      requireConfirmation: petitions.requireConfirmation,
      state: petitions.state,
      closesAt: petitions.closesAt,
      steppingGoals: petitions.steppingGoals,
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
      // Each newly confirmed signature takes the next signer number; a withdrawal gives none back.
      signerNumbersIssued: sql`${petitions.signerNumbersIssued} + max(${sql.placeholder("confirmed")}, 0)`,
      // Only a change the public sees moves the revision and the time: a new pending signature
      // moving them, where a repeat would not, would tell an outsider which one it was.
      revision: sql`${petitions.revision} + (${sql.placeholder("confirmed")} != 0)`,
      updatedAt: sql`case when ${sql.placeholder("confirmed")} != 0 then ${sql.placeholder("now")} else ${petitions.updatedAt} end`,
    })
    .where(eq(petitions.id, sql.placeholder("petitionId")))
    .returning({ signerNumbersIssued: petitions.signerNumbersIssued })
    .prepare(),
  titlesBySlug: orm
    .select({
      id: petitions.id,
      slug: petitions.slug,
      locale: petitions.locale,
      title: petitions.title,
      translatedLocale: petitionTranslations.locale,
      translatedTitle: petitionTranslations.title,
    })
    .from(petitions)
    .leftJoin(petitionTranslations, eq(petitionTranslations.petitionId, petitions.id))
    .where(eq(petitions.slug, sql.placeholder("slug")))
    .prepare(),
  nextSignerNumber: orm
    .select({ next: sql<number>`${petitions.signerNumbersIssued} + 1` })
    .from(petitions)
    .where(eq(petitions.id, sql.placeholder("petitionId")))
    .prepare(),
}));

/**
 * Moves a campaign's counts by the given amounts, and its revision when the public count moved.
 * Call it inside the transaction that changed the signatures, so the counts never drift from the
 * rows (its prepared statement runs on the connection, which is the transaction's). Returns the
 * last signer number handed out, which a single new confirmed signature takes as its own.
 */
export function adjustCounts(petitionId: number, change: { confirmed?: number; pending?: number }, now: Date): number {
  const [row] = statements().adjustCounts.all({
    petitionId,
    confirmed: change.confirmed ?? 0,
    pending: change.pending ?? 0,
    now: now.getTime(),
  });
  if (!row) throw new Error(`petition ${petitionId} vanished while its count was changing`);
  return row.signerNumbersIssued;
}

/** The number the next confirmed signer of a campaign would be given. */
export function nextSignerNumber(petitionId: number): number {
  return statements().nextSignerNumber.all({ petitionId })[0]?.next ?? 1;
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

/** Counts every campaign's signatures from its rows, beside the counts kept in step with them. */
export async function recountPetitions() {
  const counted = database()
    .orm.select({
      slug: petitions.slug,
      kept: petitions.signatureCount,
      keptPending: petitions.pendingCount,
      // Written out: drizzle names a column unqualified in a select's fields, and in the subquery an
      // unqualified "id" is the signature's, which counted only the signature whose id is the campaign's.
      counted: sql<number>`(select count(*) from signatures s where s.petition_id = petitions.id and s.status = 'confirmed')`,
      countedPending: sql<number>`(select count(*) from signatures s where s.petition_id = petitions.id and s.status = 'pending')`,
    })
    .from(petitions)
    .orderBy(asc(petitions.id))
    .all();
  return counted;
}

/** Turns email confirmation on or off for a campaign. */
export async function setRequireConfirmation(slug: string, required: boolean): Promise<void> {
  database().orm.update(petitions).set({ requireConfirmation: required }).where(eq(petitions.slug, slug)).run();
}

/**
 * Creates the campaign or refreshes its content and translations (a translation the content no
 * longer has is removed); its signatures and count are left as they are. A campaign edited in the
 * admin is left entirely alone: the organisers' words win over the file it was seeded from.
 */
export async function upsertPetition(content: PetitionContent, now = new Date()): Promise<void> {
  const { translations, ...petition } = content;
  const locale = petition.locale ?? "en";
  inTransaction((tx) => {
    const [row] = tx
      .insert(petitions)
      .values({ ...petition, locale, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: petitions.slug,
        set: {
          locale,
          title: content.title,
          ask: content.ask,
          goal: content.goal,
          signaturesElsewhere: content.signaturesElsewhere ?? 0,
          // requireConfirmation is the content's only at creation; after that it is the organisers'.
          storyHeadline: content.storyHeadline,
          storyPublishedAt: content.storyPublishedAt,
          storyUpdatedAt: content.storyUpdatedAt,
          storyMarkdown: content.storyMarkdown,
        },
        setWhere: isNull(petitions.editedAt),
      })
      .returning({ id: petitions.id })
      .all();
    if (row) replaceTranslations(tx, row.id, translations, now);
  });
}

export function replaceTranslations(tx: SqliteHandle, petitionId: number, translations: PetitionContent["translations"], now: Date): void {
  const rows = translationRows(petitionId, translations, now);
  tx.delete(petitionTranslations)
    .where(and(eq(petitionTranslations.petitionId, petitionId), notInArray(petitionTranslations.locale, rows.map((r) => r.key.locale))))
    .run();
  for (const { key, text } of rows) {
    tx.insert(petitionTranslations)
      .values({ ...key, ...text })
      .onConflictDoUpdate({ target: [petitionTranslations.petitionId, petitionTranslations.locale], set: text, setWhere: textChanged(petitionTranslations) })
      .run();
  }
}

export async function findPetition(slug: string): Promise<Petition | undefined> {
  const { orm } = database();
  const [row] = orm
    .select({
      id: petitions.id,
      slug: petitions.slug,
      locale: petitions.locale,
      title: petitions.title,
      ask: petitions.ask,
      goal: petitions.goal,
      signaturesElsewhere: petitions.signaturesElsewhere,
      requireConfirmation: petitions.requireConfirmation,
      storyHeadline: petitions.storyHeadline,
      storyPublishedAt: petitions.storyPublishedAt,
      storyUpdatedAt: petitions.storyUpdatedAt,
      storyMarkdown: petitions.storyMarkdown,
      state: petitions.state,
      closesAt: petitions.closesAt,
      steppingGoals: petitions.steppingGoals,
      editedAt: petitions.editedAt,
      createdAt: petitions.createdAt,
      updatedAt: petitions.updatedAt,
    })
    .from(petitions)
    .where(eq(petitions.slug, slug))
    .all();
  if (!row) return undefined;
  const translations = orm
    .select({
      locale: petitionTranslations.locale,
      title: petitionTranslations.title,
      ask: petitionTranslations.ask,
      storyHeadline: petitionTranslations.storyHeadline,
      storyMarkdown: petitionTranslations.storyMarkdown,
      translationNote: petitionTranslations.translationNote,
    })
    .from(petitionTranslations)
    .where(eq(petitionTranslations.petitionId, row.id))
    .all();
  return { ...row, translations: translationsByLocale(translations) };
}

/** A campaign's title in each of its languages: one indexed read of the petition and its translations. */
export async function readPetitionTitles(slug: string): Promise<PetitionTitles | undefined> {
  const rows = statements().titlesBySlug.all({ slug });
  const [first] = rows;
  if (!first) return undefined;
  const translations: PetitionTitles["translations"] = {};
  for (const row of rows) if (row.translatedLocale && row.translatedTitle !== null) translations[row.translatedLocale] = row.translatedTitle;
  return { id: first.id, slug: first.slug, locale: first.locale, title: first.title, translations };
}

/** The count and what the live counter needs; one primary-key lookup, never a scan. */
export async function readPetitionCount(slug: string): Promise<PetitionCount | undefined> {
  return statements().countBySlug.all({ slug })[0];
}

export async function listPetitions(): Promise<PetitionSummary[]> {
  return database()
    .orm.select({
      slug: petitions.slug,
      title: petitions.title,
      goal: petitions.goal,
      signaturesElsewhere: petitions.signaturesElsewhere,
      signatureCount: petitions.signatureCount,
      pendingCount: petitions.pendingCount,
      requireConfirmation: petitions.requireConfirmation,
      state: petitions.state,
      closesAt: petitions.closesAt,
    })
    .from(petitions)
    .orderBy(asc(petitions.id))
    .all();
}
