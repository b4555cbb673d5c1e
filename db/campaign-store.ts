import { asc, eq, isNull, sql } from "drizzle-orm";
import type { CampaignStore } from "@/lib/domain/ports/campaigns";
import type { Dialect } from "./dialect";
import { campaignReads } from "./campaign-reads";
import { replaceTranslations } from "./campaign-texts";

/** Campaigns: made from content/ files and in the admin, read on every page, and their figures kept honest. */
export function campaignStore(d: Dialect): CampaignStore {
  const { campaigns, logEntries, signatures } = d.tables;

  // Written out: drizzle names a column unqualified in a select's fields, and in the subquery an
  // unqualified "id" is the signature's, which counted only the signature whose id is the campaign's.
  const counted = (status: "confirmed" | "pending") =>
    sql<number>`(select count(*) from ${signatures} s where s.petition_id = ${campaigns}.id and s.status = ${status})`.mapWith(Number);
  const logged = sql<number>`(select coalesce(sum(case when e.kind = 'add' then 1 else -1 end), 0) from ${logEntries} e where e.petition_id = ${campaigns}.id)`.mapWith(Number);

  return {
    ...campaignReads(d),

    /** Refreshes the text and translations but never the signatures or count; a campaign edited in the admin is left alone,
     * since the organisers' words win over the file it was seeded from. */
    async upsertCampaign(content, now = new Date()) {
      const { translations, ...campaign } = content;
      const locale = campaign.locale ?? "en";
      await d.write(async (tx) => {
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
        await replaceTranslations(d.tables, tx, row.id, translations, now);
        await d.counts.prepare(tx, row.id);
      });
    },

    /** Creates the campaign with its translations; false when the slug is taken (rows are never deleted, so never freed). */
    createCampaign(content, now) {
      const { translations, ...campaign } = content;
      return d.write(async (tx) => {
        const [row] = await tx
          .insert(campaigns)
          .values({ ...campaign, editedAt: now, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: campaigns.slug })
          .returning({ id: campaigns.id });
        if (!row) return false;
        await replaceTranslations(d.tables, tx, row.id, translations, now);
        await d.counts.prepare(tx, row.id);
        return true;
      });
    },

    /** The revision moves and every process is told, so open pages hear that what they show may have changed. */
    updateCampaign(slug, change, now) {
      const { translations, ...fields } = change;
      return d.write(async (tx) => {
        const [row] = await tx
          .update(campaigns)
          .set({ ...fields, editedAt: now, updatedAt: now, revision: sql`${campaigns.revision} + 1` })
          .where(eq(campaigns.slug, slug))
          .returning({ id: campaigns.id });
        if (!row) return false;
        if (translations) await replaceTranslations(d.tables, tx, row.id, translations, now);
        await d.announce(tx, slug);
        return true;
      });
    },

    async setRequireConfirmation(slug, required) {
      await d.statement((h) => h.update(campaigns).set({ requireConfirmation: required }).where(eq(campaigns.slug, slug)));
    },

    /** Moves the revision (and tells every process) only where the published figure changed; returns how many did. */
    publishPendingFigures: (round) =>
      d.write(async (tx) => {
        // Locked, so publishers in two processes at once move each campaign's revision once.
        const rows = await d.locked(
          tx.select({ id: campaigns.id, slug: campaigns.slug, pending: d.counts.pendingCount, published: campaigns.pendingFigure }).from(campaigns),
          { of: campaigns },
        );
        let changed = 0;
        for (const row of rows) {
          const published = round(row.pending);
          if (published === row.published) continue;
          await tx.update(campaigns).set({ pendingFigure: published, revision: sql`${campaigns.revision} + 1` }).where(eq(campaigns.id, row.id));
          await d.announce(tx, row.slug);
          changed++;
        }
        return changed;
      }),

    /** Counts every campaign's signatures from its rows, beside the counts kept in step with them (on PostgreSQL, folded and
     * not) and the count log's. */
    recountCampaigns: () =>
      d
        .read()
        .select({ slug: campaigns.slug, kept: d.counts.confirmedCount, keptPending: d.counts.pendingCount, counted: counted("confirmed"), countedPending: counted("pending"), logged })
        .from(campaigns)
        .orderBy(asc(campaigns.id)),
  };
}
