import { eq, sql } from "drizzle-orm";
import type { PetitionChange, PetitionContent } from "@/lib/model";
import { inTransaction } from "./client";
import { replaceTranslations } from "./petition-store";
import { petitions } from "./schema";

// Campaigns as organisers make and change them in the admin; content/ files go through upsertPetition.

/** Creates the campaign with its translations; false when the slug is taken (rows are never deleted, so never freed). */
export async function createPetition(content: PetitionContent, now: Date): Promise<boolean> {
  const { translations, ...petition } = content;
  return inTransaction((tx) => {
    const [row] = tx
      .insert(petitions)
      .values({ ...petition, editedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: petitions.slug })
      .returning({ id: petitions.id })
      .all();
    if (!row) return false;
    replaceTranslations(tx, row.id, translations, now);
    return true;
  });
}

/**
 * Applies the change and marks the campaign edited. The revision moves, so open pages and other
 * processes (which poll it) hear that what they show may have changed.
 */
export async function updatePetition(slug: string, change: PetitionChange, now: Date): Promise<boolean> {
  const { translations, ...fields } = change;
  return inTransaction((tx) => {
    const [row] = tx
      .update(petitions)
      .set({ ...fields, editedAt: now, updatedAt: now, revision: sql`${petitions.revision} + 1` })
      .where(eq(petitions.slug, slug))
      .returning({ id: petitions.id })
      .all();
    if (!row) return false;
    if (translations) replaceTranslations(tx, row.id, translations, now);
    return true;
  });
}
