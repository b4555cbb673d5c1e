import { eq, sql } from "drizzle-orm";
import type { CampaignChange, CampaignContent } from "@/lib/domain/model";
import { inTransaction } from "./client";
import { createSignerSequence, replaceTranslations } from "./campaign-row-store";
import { campaigns } from "./schema";

// Campaigns as organisers make and change them in the admin; content/ files go through upsertPetition.

/** Creates the campaign with its translations; false when the slug is taken (rows are never deleted, so never freed). */
export async function createCampaign(content: CampaignContent, now: Date): Promise<boolean> {
  const { translations, ...campaign } = content;
  return inTransaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...campaign, editedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: campaigns.slug })
      .returning({ id: campaigns.id });
    if (!row) return false;
    await replaceTranslations(tx, row.id, translations, now);
    await createSignerSequence(tx, row.id);
    return true;
  });
}

/**
 * Applies the change and marks the campaign edited. The revision moves and every process is told,
 * so open pages hear that what they show may have changed.
 */
export async function updateCampaign(slug: string, change: CampaignChange, now: Date): Promise<boolean> {
  const { translations, ...fields } = change;
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ ...fields, editedAt: now, updatedAt: now, revision: sql`${campaigns.revision} + 1` })
      .where(eq(campaigns.slug, slug))
      .returning({ id: campaigns.id });
    if (!row) return false;
    if (translations) await replaceTranslations(tx, row.id, translations, now);
    await tx.execute(sql`select pg_notify('countersign_counts', ${slug})`);
    return true;
  });
}
