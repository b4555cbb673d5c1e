// What each campaign's kept figures (db: campaign_figures) are counted by: every signature is in one
// row of each kind (a referrer's only when it came by a link), by the status it has now, so a chart
// reads a few rows however many signatures there are.

export const figureKinds = ["all", "hour", "day", "country", "fill", "referrer", "verified-by"] as const;
export type FigureKind = (typeof figureKinds)[number];

/**
 * The lower edges of the time-to-fill buckets, ascending from 0. The database's triggers and its
 * backfill (db/sqlite/migrations/0013_*, db/postgres/migrations/0011_*) bucket by these: a change
 * here needs a migration that recounts the "fill" figures, and `npm run db:recount` says so until then.
 */
export const fillBucketEdgesMs = [0, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000] as const;

/** How a signature came to count, as the "verified-by" figures key it: by email, imported, both, or neither. */
export const verifiedByKeys = ["email", "import", "email+import", "open"] as const;
export type VerifiedBy = (typeof verifiedByKeys)[number];
