import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Locale } from "@/lib/domain/locales";
import type { Campaign, CampaignContent, CampaignStanding, CampaignSummary, CampaignTitles } from "@/lib/domain/model";
import { textChanged, translationRows, translationsByLocale } from "../campaign-texts";
import { database, inTransaction, type PgHandle } from "./client";
import { countDeltas, campaigns, campaignTranslations } from "./schema";

// Every campaign's counts are its row's, as of the last fold, plus its deltas not yet folded. Plain
// text, for the named statement read on every count, and as a fragment for the other queries.
const unfoldedJoin = `left join lateral (
    select coalesce(sum(d.confirmed), 0)::int as confirmed, coalesce(sum(d.pending), 0)::int as pending
    from count_deltas d where d.petition_id = p.id
  ) d on true`;
export const unfolded = sql.raw(unfoldedJoin);

// The summary columns, counted with the unfolded deltas, named as lib/domain/model.ts names them.
const summaryColumns = `p.slug, p.title, p.goal, p.signatures_elsewhere as "signaturesElsewhere",
  p.signature_count + d.confirmed as "signatureCount", p.pending_count + d.pending as "pendingCount",
  p.require_confirmation as "requireConfirmation", p.state, p.closes_at as "closesAt"`;

/** The name of the sequence a campaign's signer numbers come from: no row is locked to hand one out. */
export const signerSequenceName = (campaignId: number) => `signer_numbers_${Math.trunc(campaignId)}`;
export const signerSequence = (campaignId: number) => sql.raw(signerSequenceName(campaignId));

/**
 * Records a change to a campaign's counts as a delta row: an insert, which never waits for
 * another signature's transaction, folded into the petition row a few times a second by one
 * process (count-folder.ts). Call it in the transaction that changed the signatures.
 */
export async function adjustCounts(tx: PgHandle, campaignId: number, change: { confirmed?: number; pending?: number }): Promise<void> {
  const confirmed = change.confirmed ?? 0;
  const pending = change.pending ?? 0;
  if (confirmed === 0 && pending === 0) return;
  await tx.insert(countDeltas).values({ campaignId, confirmed, pending });
}

/** Takes the next signer number of a campaign, for a signature confirmed in this transaction. */
export async function takeSignerNumber(tx: PgHandle, campaignId: number): Promise<number> {
  const { rows } = await tx.execute<{ n: string }>(sql`select nextval('${signerSequence(campaignId)}') as n`);
  return Number(rows[0]!.n);
}

/** The number the next confirmed signer of a campaign would be given, without taking it. */
export async function nextSignerNumber(handle: PgHandle, campaignId: number): Promise<number> {
  const { rows } = await handle.execute<{ next: string }>(
    sql`select case when is_called then last_value + 1 else last_value end as next from ${signerSequence(campaignId)}`,
  );
  return Number(rows[0]!.next);
}

export async function readCampaignStanding(slug: string): Promise<CampaignStanding | undefined> {
  const { rows } = await database().pool.query<CampaignStanding>({
    name: "countersign-petition-count",
    text: `select p.id, p.locale, ${summaryColumns}, p.pending_published as "pendingFigure",
             p.stepping_goals as "steppingGoals", p.revision, p.updated_at as "updatedAt"
           from petitions p ${unfoldedJoin}
           where p.slug = $1`,
    values: [slug],
  });
  return rows[0];
}

/**
 * Publishes each campaign's pending figure as `round(pendingCount)`, moving the revision (and
 * telling every process) where the published figure changed. Returns how many changed.
 */
export async function publishPendingFigures(round: (pending: number) => number): Promise<number> {
  return inTransaction(async (tx) => {
    const { rows } = await tx.execute<{ id: number; slug: string; pending: number; published: number }>(
      sql`select p.id, p.slug, p.pending_count + d.pending as pending, p.pending_published as published from petitions p ${unfolded} for update of p`,
    );
    let changed = 0;
    for (const row of rows) {
      const published = round(row.pending);
      if (published === row.published) continue;
      await tx.update(campaigns).set({ pendingFigure: published, revision: sql`${campaigns.revision} + 1` }).where(eq(campaigns.id, row.id));
      await tx.execute(sql`select pg_notify('countersign_counts', ${row.slug})`);
      changed++;
    }
    return changed;
  });
}

/** Counts every campaign's signatures from its rows, beside the counts kept (folded and not). */
export async function recountCampaigns() {
  const { rows } = await database().orm.execute<{ slug: string; kept: number; counted: number; keptPending: number; countedPending: number }>(sql`
    select p.slug,
      p.signature_count + d.confirmed as "kept",
      p.pending_count + d.pending as "keptPending",
      (select count(*)::int from signatures s where s.petition_id = p.id and s.status = 'confirmed') as "counted",
      (select count(*)::int from signatures s where s.petition_id = p.id and s.status = 'pending') as "countedPending"
    from petitions p ${unfolded}
    order by p.id`);
  return rows;
}

export async function setRequireConfirmation(slug: string, required: boolean): Promise<void> {
  await database().orm.update(campaigns).set({ requireConfirmation: required }).where(eq(campaigns.slug, slug));
}

// Held while a campaign's signer-number sequence is made, so processes starting together do not race.
const sequenceLock = 727_511_002;

/**
 * Creates the campaign (and its signer-number sequence) or refreshes its content and translations
 * (a translation the content no longer has is removed); counts are left as they are. A campaign
 * edited in the admin is left entirely alone: the organisers' words win over its file.
 */
export async function upsertCampaign(content: CampaignContent, now = new Date()): Promise<void> {
  const { translations, ...campaign } = content;
  const locale = campaign.locale ?? "en";
  await inTransaction(async (tx) => {
    const [row] = await tx
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
          storyPublishedAt: content.storyPublishedAt ?? null,
          storyUpdatedAt: content.storyUpdatedAt ?? null,
          storyMarkdown: content.storyMarkdown,
        },
        setWhere: isNull(campaigns.editedAt),
      })
      .returning({ id: campaigns.id });
    if (!row) return;
    await replaceTranslations(tx, row.id, translations, now);
    await createSignerSequence(tx, row.id);
  });
}

/** Makes a new campaign's signer-number sequence, in the transaction that made the campaign. */
export async function createSignerSequence(tx: PgHandle, campaignId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sequenceLock})`);
  await tx.execute(sql`create sequence if not exists ${signerSequence(campaignId)}`);
}

export async function replaceTranslations(tx: PgHandle, campaignId: number, translations: CampaignContent["translations"], now: Date): Promise<void> {
  const rows = translationRows(campaignId, translations, now);
  await tx
    .delete(campaignTranslations)
    .where(and(eq(campaignTranslations.campaignId, campaignId), notInArray(campaignTranslations.locale, rows.map((r) => r.key.locale))));
  for (const { key, text } of rows) {
    await tx
      .insert(campaignTranslations)
      .values({ ...key, ...text })
      .onConflictDoUpdate({ target: [campaignTranslations.campaignId, campaignTranslations.locale], set: text, setWhere: textChanged(campaignTranslations) });
  }
}

export async function findCampaign(slug: string): Promise<Campaign | undefined> {
  const { orm } = database();
  const [row] = await orm
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
    .where(eq(campaigns.slug, slug));
  if (!row) return undefined;
  const translations = await orm
    .select({
      locale: campaignTranslations.locale,
      title: campaignTranslations.title,
      ask: campaignTranslations.ask,
      storyHeadline: campaignTranslations.storyHeadline,
      storyMarkdown: campaignTranslations.storyMarkdown,
      translationNote: campaignTranslations.translationNote,
    })
    .from(campaignTranslations)
    .where(eq(campaignTranslations.campaignId, row.id));
  return { ...row, translations: translationsByLocale(translations) };
}

/** A campaign's title in each of its languages: one indexed read of the petition and its translations. */
export async function readCampaignTitles(slug: string): Promise<CampaignTitles | undefined> {
  const { rows } = await database().pool.query<Omit<CampaignTitles, "translations"> & { translations: Partial<Record<Locale, string>> }>({
    name: "countersign-petition-titles",
    text: `select p.id, p.slug, p.locale, p.title,
             coalesce((select json_object_agg(t.locale, t.title) from petition_translations t where t.petition_id = p.id), '{}') as translations
           from petitions p where p.slug = $1`,
    values: [slug],
  });
  return rows[0];
}

export async function listCampaigns(): Promise<CampaignSummary[]> {
  const { rows } = await database().pool.query<CampaignSummary>(`select ${summaryColumns} from petitions p ${unfoldedJoin} order by p.id`);
  return rows;
}
