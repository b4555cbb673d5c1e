import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Campaign, CampaignContent, CampaignStanding, CampaignSummary, CampaignTitles } from "@/lib/domain/model";
import { textChanged, translationRows, translationsByLocale } from "../campaign-texts";
import { database, inTransaction, preparedStatements, type SqliteHandle } from "./client";
import { campaigns, campaignTranslations } from "./schema";

const statements = preparedStatements(({ orm }) => ({
  countBySlug: orm
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      locale: campaigns.locale,
      title: campaigns.title,
      goal: campaigns.goal,
      signaturesElsewhere: campaigns.signaturesElsewhere,
      signatureCount: campaigns.signatureCount,
      pendingCount: campaigns.pendingCount,
      pendingFigure: campaigns.pendingFigure,
      requireConfirmation: campaigns.requireConfirmation,
      state: campaigns.state,
      closesAt: campaigns.closesAt,
      steppingGoals: campaigns.steppingGoals,
      revision: campaigns.revision,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .where(eq(campaigns.slug, sql.placeholder("slug")))
    .prepare(),
  adjustCounts: orm
    .update(campaigns)
    .set({
      signatureCount: sql`${campaigns.signatureCount} + ${sql.placeholder("confirmed")}`,
      pendingCount: sql`${campaigns.pendingCount} + ${sql.placeholder("pending")}`,
      // Each newly confirmed signature takes the next signer number; a withdrawal gives none back.
      signerNumbersIssued: sql`${campaigns.signerNumbersIssued} + max(${sql.placeholder("confirmed")}, 0)`,
      // Only a change the public sees moves the revision and the time: a new pending signature
      // moving them, where a repeat would not, would tell an outsider which one it was.
      revision: sql`${campaigns.revision} + (${sql.placeholder("confirmed")} != 0)`,
      updatedAt: sql`case when ${sql.placeholder("confirmed")} != 0 then ${sql.placeholder("now")} else ${campaigns.updatedAt} end`,
    })
    .where(eq(campaigns.id, sql.placeholder("campaignId")))
    .returning({ signerNumbersIssued: campaigns.signerNumbersIssued })
    .prepare(),
  titlesBySlug: orm
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      locale: campaigns.locale,
      title: campaigns.title,
      translatedLocale: campaignTranslations.locale,
      translatedTitle: campaignTranslations.title,
    })
    .from(campaigns)
    .leftJoin(campaignTranslations, eq(campaignTranslations.campaignId, campaigns.id))
    .where(eq(campaigns.slug, sql.placeholder("slug")))
    .prepare(),
  nextSignerNumber: orm
    .select({ next: sql<number>`${campaigns.signerNumbersIssued} + 1` })
    .from(campaigns)
    .where(eq(campaigns.id, sql.placeholder("campaignId")))
    .prepare(),
}));

/**
 * Moves a campaign's counts by the given amounts, and its revision when the public count moved.
 * Call it inside the transaction that changed the signatures, so the counts never drift from the
 * rows (its prepared statement runs on the connection, which is the transaction's). Returns the
 * last signer number handed out, which a single new confirmed signature takes as its own.
 */
export function adjustCounts(campaignId: number, change: { confirmed?: number; pending?: number }, now: Date): number {
  const [row] = statements().adjustCounts.all({
    campaignId,
    confirmed: change.confirmed ?? 0,
    pending: change.pending ?? 0,
    now: now.getTime(),
  });
  if (!row) throw new Error(`petition ${campaignId} vanished while its count was changing`);
  return row.signerNumbersIssued;
}

/** The number the next confirmed signer of a campaign would be given. */
export function nextSignerNumber(campaignId: number): number {
  return statements().nextSignerNumber.all({ campaignId })[0]?.next ?? 1;
}

/**
 * Publishes each campaign's pending figure as `round(pendingCount)`, moving the revision of those
 * whose published figure changed so watchers hear of it. Returns how many changed.
 */
export async function publishPendingFigures(round: (pending: number) => number): Promise<number> {
  return inTransaction((tx) => {
    let changed = 0;
    for (const { id, pendingCount, pendingFigure } of tx
      .select({ id: campaigns.id, pendingCount: campaigns.pendingCount, pendingFigure: campaigns.pendingFigure })
      .from(campaigns)
      .all()) {
      const published = round(pendingCount);
      if (published === pendingFigure) continue;
      tx.update(campaigns)
        .set({ pendingFigure: published, revision: sql`${campaigns.revision} + 1` })
        .where(eq(campaigns.id, id))
        .run();
      changed++;
    }
    return changed;
  });
}

/** Counts every campaign's signatures from its rows, beside the counts kept in step with them. */
export async function recountCampaigns() {
  const counted = database()
    .orm.select({
      slug: campaigns.slug,
      kept: campaigns.signatureCount,
      keptPending: campaigns.pendingCount,
      // Written out: drizzle names a column unqualified in a select's fields, and in the subquery an
      // unqualified "id" is the signature's, which counted only the signature whose id is the campaign's.
      counted: sql<number>`(select count(*) from signatures s where s.petition_id = petitions.id and s.status = 'confirmed')`,
      countedPending: sql<number>`(select count(*) from signatures s where s.petition_id = petitions.id and s.status = 'pending')`,
    })
    .from(campaigns)
    .orderBy(asc(campaigns.id))
    .all();
  return counted;
}

/** Turns email confirmation on or off for a campaign. */
export async function setRequireConfirmation(slug: string, required: boolean): Promise<void> {
  database().orm.update(campaigns).set({ requireConfirmation: required }).where(eq(campaigns.slug, slug)).run();
}

/**
 * Creates the campaign or refreshes its content and translations (a translation the content no
 * longer has is removed); its signatures and count are left as they are. A campaign edited in the
 * admin is left entirely alone: the organisers' words win over the file it was seeded from.
 */
export async function upsertCampaign(content: CampaignContent, now = new Date()): Promise<void> {
  const { translations, ...campaign } = content;
  const locale = campaign.locale ?? "en";
  inTransaction((tx) => {
    const [row] = tx
      .insert(campaigns)
      .values({ ...campaign, locale, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: campaigns.slug,
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
        setWhere: isNull(campaigns.editedAt),
      })
      .returning({ id: campaigns.id })
      .all();
    if (row) replaceTranslations(tx, row.id, translations, now);
  });
}

export function replaceTranslations(tx: SqliteHandle, campaignId: number, translations: CampaignContent["translations"], now: Date): void {
  const rows = translationRows(campaignId, translations, now);
  tx.delete(campaignTranslations)
    .where(and(eq(campaignTranslations.campaignId, campaignId), notInArray(campaignTranslations.locale, rows.map((r) => r.key.locale))))
    .run();
  for (const { key, text } of rows) {
    tx.insert(campaignTranslations)
      .values({ ...key, ...text })
      .onConflictDoUpdate({ target: [campaignTranslations.campaignId, campaignTranslations.locale], set: text, setWhere: textChanged(campaignTranslations) })
      .run();
  }
}

export async function findCampaign(slug: string): Promise<Campaign | undefined> {
  const { orm } = database();
  const [row] = orm
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      locale: campaigns.locale,
      title: campaigns.title,
      ask: campaigns.ask,
      goal: campaigns.goal,
      signaturesElsewhere: campaigns.signaturesElsewhere,
      requireConfirmation: campaigns.requireConfirmation,
      storyHeadline: campaigns.storyHeadline,
      storyPublishedAt: campaigns.storyPublishedAt,
      storyUpdatedAt: campaigns.storyUpdatedAt,
      storyMarkdown: campaigns.storyMarkdown,
      state: campaigns.state,
      closesAt: campaigns.closesAt,
      steppingGoals: campaigns.steppingGoals,
      editedAt: campaigns.editedAt,
      createdAt: campaigns.createdAt,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .where(eq(campaigns.slug, slug))
    .all();
  if (!row) return undefined;
  const translations = orm
    .select({
      locale: campaignTranslations.locale,
      title: campaignTranslations.title,
      ask: campaignTranslations.ask,
      storyHeadline: campaignTranslations.storyHeadline,
      storyMarkdown: campaignTranslations.storyMarkdown,
      translationNote: campaignTranslations.translationNote,
    })
    .from(campaignTranslations)
    .where(eq(campaignTranslations.campaignId, row.id))
    .all();
  return { ...row, translations: translationsByLocale(translations) };
}

/** A campaign's title in each of its languages: one indexed read of the petition and its translations. */
export async function readCampaignTitles(slug: string): Promise<CampaignTitles | undefined> {
  const rows = statements().titlesBySlug.all({ slug });
  const [first] = rows;
  if (!first) return undefined;
  const translations: CampaignTitles["translations"] = {};
  for (const row of rows) if (row.translatedLocale && row.translatedTitle !== null) translations[row.translatedLocale] = row.translatedTitle;
  return { id: first.id, slug: first.slug, locale: first.locale, title: first.title, translations };
}

/** The count and what the live counter needs; one primary-key lookup, never a scan. */
export async function readCampaignStanding(slug: string): Promise<CampaignStanding | undefined> {
  return statements().countBySlug.all({ slug })[0];
}

export async function listCampaigns(): Promise<CampaignSummary[]> {
  return database()
    .orm.select({
      slug: campaigns.slug,
      title: campaigns.title,
      goal: campaigns.goal,
      signaturesElsewhere: campaigns.signaturesElsewhere,
      signatureCount: campaigns.signatureCount,
      pendingCount: campaigns.pendingCount,
      requireConfirmation: campaigns.requireConfirmation,
      state: campaigns.state,
      closesAt: campaigns.closesAt,
    })
    .from(campaigns)
    .orderBy(asc(campaigns.id))
    .all();
}
