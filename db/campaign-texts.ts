import { and, eq, notInArray, sql, type Column, type SQL } from "drizzle-orm";
import type { Locale } from "@/lib/domain/locales";
import type { CampaignContent, CampaignText } from "@/lib/domain/model";
import type { Handle, Tables } from "./dialect";

// A campaign's texts in its other languages (petition_translations), as the campaign store reads and writes them.

/** A translation as either dialect's row holds it. */
export type TranslationRow = CampaignText & { locale: Locale };

/** Rows as the domain keeps them: one text per language. */
export function translationsByLocale(rows: TranslationRow[]): Partial<Record<Locale, CampaignText>> {
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text]));
}

/** A campaign's translations as rows to store: the key, and what an upsert sets. */
export function translationRows(campaignId: number, translations: Partial<Record<Locale, CampaignText>> = {}, updatedAt: Date) {
  return (Object.entries(translations) as [Locale, CampaignText | undefined][]).flatMap(([locale, text]) =>
    text ? [{ key: { campaignId, locale }, text: { ...text, updatedAt } }] : [],
  );
}

type TextColumns = Record<"title" | "ask" | "storyHeadline" | "storyMarkdown" | "translationNote", Column>;

/** So a translation's updated_at moves when its words change and not at every start; `is distinct from` takes two null
 * notes as the same, and both dialects read it (SQLite since 3.39). */
export function textChanged(columns: TextColumns): SQL {
  const differs = (column: Column) => sql`${column} is distinct from excluded.${sql.identifier(column.name)}`;
  return sql.join(
    [columns.title, columns.ask, columns.storyHeadline, columns.storyMarkdown, columns.translationNote].map(differs),
    sql` or `,
  );
}

/** Makes the campaign's translations those given, in the caller's transaction: one not given is removed. */
export async function replaceTranslations(
  { campaignTranslations }: Pick<Tables, "campaignTranslations">,
  tx: Handle,
  campaignId: number,
  translations: CampaignContent["translations"],
  now: Date,
): Promise<void> {
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
