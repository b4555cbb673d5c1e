import { sql, type Column, type SQL } from "drizzle-orm";
import type { Locale } from "@/lib/domain/locales";
import type { CampaignText } from "@/lib/domain/model";

// What both dialects do alike with petition_translations, written once beside signature-filter.ts.

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

/**
 * True where an upsert brings a text other than the one stored, so a translation's updated_at
 * moves when its words change and not at every start. `is distinct from` treats two nulls as the
 * same note; both dialects read it (SQLite since 3.39).
 */
export function textChanged(columns: TextColumns): SQL {
  const differs = (column: Column) => sql`${column} is distinct from excluded.${sql.identifier(column.name)}`;
  return sql.join(
    [columns.title, columns.ask, columns.storyHeadline, columns.storyMarkdown, columns.translationNote].map(differs),
    sql` or `,
  );
}
