import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const petitions = sqliteTable(
  "petitions",
  {
    id: integer("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    goal: integer("goal").notNull(),
    signaturesElsewhere: integer("signatures_elsewhere").notNull().default(0),
    storyHeadline: text("story_headline").notNull(),
    storyPublishedAt: text("story_published_at"),
    storyUpdatedAt: text("story_updated_at"),
    storyMarkdown: text("story_markdown").notNull(),
    // Kept in step with the signatures table inside every signing transaction, so reading the
    // count is a primary-key lookup however many rows there are.
    signatureCount: integer("signature_count").notNull().default(0),
    // Bumped on every change a watcher can see; the live hub polls it to notice writes made by
    // other processes.
    revision: integer("revision").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    check("petitions_goal_positive", sql`${t.goal} > 0`),
    check("petitions_elsewhere_non_negative", sql`${t.signaturesElsewhere} >= 0`),
    check("petitions_count_non_negative", sql`${t.signatureCount} >= 0`),
  ],
);

export const signatures = sqliteTable(
  "signatures",
  {
    id: integer("id").primaryKey(),
    petitionId: integer("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    country: text("country").notNull(),
    comment: text("comment"),
    showName: integer("show_name", { mode: "boolean" }).notNull().default(false),
    wantsUpdates: integer("wants_updates", { mode: "boolean" }).notNull().default(false),
    signedAt: integer("signed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("signatures_one_per_email").on(t.petitionId, t.emailKey),
    index("signatures_by_petition").on(t.petitionId, t.id),
    index("signatures_public_by_petition").on(t.petitionId, t.showName, t.id),
    index("signatures_by_time").on(t.petitionId, t.signedAt),
    check("signatures_country_code", sql`length(${t.country}) = 2`),
    check("signatures_name_present", sql`length(${t.fullName}) > 0`),
  ],
);

export const admins = sqliteTable("admins", {
  id: integer("id").primaryKey(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export const adminSessions = sqliteTable(
  "admin_sessions",
  {
    // SHA-256 of the cookie's token: a stolen database cannot be replayed as sessions.
    id: text("id").primaryKey(),
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("admin_sessions_expiry").on(t.expiresAt)],
);

export type Petition = typeof petitions.$inferSelect;
export type NewPetition = typeof petitions.$inferInsert;
export type Signature = typeof signatures.$inferSelect;
export type NewSignature = typeof signatures.$inferInsert;
export type Admin = typeof admins.$inferSelect;
