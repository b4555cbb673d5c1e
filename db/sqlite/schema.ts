import { sql } from "drizzle-orm";
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { logHows, removeReasons } from "@/lib/domain/count-log";
import { roles } from "@/lib/domain/roles";
import type { Locale } from "@/lib/domain/locales";
import { importStatuses } from "@/lib/domain/signature-import";
import { campaignStates, signatureStatuses } from "@/lib/domain/model";
import { figureKinds } from "@/lib/domain/figures";
import { reasonModerations, reasonShownAs, reasonStates } from "@/lib/domain/reasons";

// db/postgres/schema.ts's tables in SQLite's types: times are integers of epoch milliseconds and flags 0/1, as SQLite has
// neither type. Why a column is there is said there; here only what is SQLite's own.

const localeShape = (column: unknown) => sql`length(${column}) between 2 and 8`;

export const campaigns = sqliteTable(
  "petitions",
  {
    id: integer("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    locale: text("locale").$type<Locale>().notNull().default("en"),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    goal: integer("goal").notNull(),
    signaturesElsewhere: integer("signatures_elsewhere").notNull().default(0),
    requireConfirmation: integer("require_confirmation", { mode: "boolean" }).notNull().default(true),
    storyHeadline: text("story_headline").notNull(),
    storyPublishedAt: text("story_published_at"),
    storyUpdatedAt: text("story_updated_at"),
    storyMarkdown: text("story_markdown").notNull(),
    // Kept in step with the signatures table inside every signing transaction, so reading the
    // count is a primary-key lookup however many rows there are.
    signatureCount: integer("signature_count").notNull().default(0),
    pendingCount: integer("pending_count").notNull().default(0),
    pendingFigure: integer("pending_published").notNull().default(0),
    // Signer numbers handed out, apart from the count so none is given twice after withdrawals (PostgreSQL: a sequence).
    signerNumbersIssued: integer("signer_numbers_issued").notNull().default(0),
    // As in db/postgres/schema.ts; the live hub also polls it to notice other processes' writes (PostgreSQL notifies).
    revision: integer("revision").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    // Added later, so no CHECK on it: adding one would rebuild the table.
    state: text("state", { enum: campaignStates }).notNull().default("published"),
    closesAt: integer("closes_at", { mode: "timestamp_ms" }),
    steppingGoals: integer("stepping_goals", { mode: "boolean" }).notNull().default(false),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    reasonModeration: text("reason_moderation", { enum: reasonModerations }).notNull().default("approve"),
    reasonReportLimit: integer("reason_report_limit").notNull().default(3),
    reasonBlockedWords: text("reason_blocked_words").notNull().default(""),
  },
  (t) => [
    check("petitions_goal_positive", sql`${t.goal} > 0`),
    check("petitions_elsewhere_non_negative", sql`${t.signaturesElsewhere} >= 0`),
    check("petitions_count_non_negative", sql`${t.signatureCount} >= 0`),
    check("petitions_pending_non_negative", sql`${t.pendingCount} >= 0`),
    check("petitions_locale_shape", localeShape(t.locale)),
  ],
);

export const campaignTranslations = sqliteTable(
  "petition_translations",
  {
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    locale: text("locale").$type<Locale>().notNull(),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    storyHeadline: text("story_headline").notNull(),
    storyMarkdown: text("story_markdown").notNull(),
    translationNote: text("translation_note"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.locale] }), check("petition_translations_locale_shape", localeShape(t.locale))],
);


export const signatures = sqliteTable(
  "signatures",
  {
    // AUTOINCREMENT: an id is never handed out again after an erasure or withdrawal, so a link or
    // queued mail that names an old id can never reach someone else's signature.
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    status: text("status", { enum: signatureStatuses }).notNull().default("pending"),
    fullName: text("full_name").notNull(),
    nameKey: text("name_key"),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    emailDomain: text("email_domain").notNull(),
    country: text("country").notNull(),
    comment: text("comment"),
    showName: integer("show_name", { mode: "boolean" }).notNull().default(false),
    wantsUpdates: integer("wants_updates", { mode: "boolean" }).notNull().default(false),
    clientAddress: text("client_address"),
    fillMs: integer("fill_ms"),
    locale: text("locale").$type<Locale>().notNull().default("en"),
    // No foreign key: SQLite adds a column with one only by rebuilding the table; AUTOINCREMENT keeps a dangling id harmless.
    referrerId: integer("referrer_id"),
    // No foreign key, as with referrer_id.
    importId: integer("import_id"),
    receiptSalt: text("receipt_salt"),
    signedAt: integer("signed_at", { mode: "timestamp_ms" }).notNull(),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    invalidatedAt: integer("invalidated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("signatures_one_per_email").on(t.campaignId, t.emailKey),
    index("signatures_by_petition").on(t.campaignId, t.id),
    index("signatures_public_by_petition").on(t.campaignId, t.status, t.showName, t.id),
    index("signatures_by_time").on(t.campaignId, t.signedAt),
    index("signatures_by_address").on(t.campaignId, t.clientAddress),
    index("signatures_by_domain").on(t.campaignId, t.emailDomain),
    index("signatures_by_email_key").on(t.emailKey),
    index("signatures_by_name").on(t.campaignId, t.nameKey, t.id),
    index("signatures_by_country").on(t.campaignId, t.country, t.id),
    index("signatures_holding_address").on(t.signedAt).where(sql`${t.clientAddress} is not null`),
    index("signatures_by_referrer").on(t.referrerId).where(sql`${t.referrerId} is not null`),
    index("signatures_by_import").on(t.importId).where(sql`${t.importId} is not null`),
    check("signatures_country_code", sql`length(${t.country}) = 2`),
    check("signatures_name_present", sql`length(${t.fullName}) > 0`),
    check("signatures_status_known", sql`${t.status} in ('pending', 'confirmed', 'invalidated', 'suspected')`),
    check("signatures_fill_non_negative", sql`${t.fillMs} is null or ${t.fillMs} >= 0`),
    check("signatures_locale_shape", localeShape(t.locale)),
  ],
);

export const signatureImports = sqliteTable(
  "signature_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: importStatuses }).notNull().default("staged"),
    stagedCsv: text("staged_csv"),
    mapping: text("mapping"),
    totalRows: integer("total_rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    invalidRows: integer("invalid_rows").notNull().default(0),
    duplicateRows: integer("duplicate_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
    undoneAt: integer("undone_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("signature_imports_by_petition").on(t.campaignId, t.id),
    check("signature_imports_status_known", sql`${t.status} in ('staged', 'importing', 'imported', 'undoing', 'undone')`),
  ],
);

export const confirmations = sqliteTable(
  "confirmations",
  {
    signatureId: integer("signature_id")
      .primaryKey()
      .references(() => signatures.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    codeHash: text("code_hash").notNull(),
    codeAttempts: integer("code_attempts").notNull().default(0),
    sends: integer("sends").notNull().default(1),
    lastSentAt: integer("last_sent_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signatureId: integer("signature_id").references(() => signatures.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    // Sealed under SECRET_KEY (lib/mail/sealed-mail.ts): its links work. Emptied once sent or given up.
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    failedAt: integer("failed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // No foreign key: SQLite adds a column with one only by rebuilding the table (and updates are never deleted).
    updateId: integer("update_id"),
  },
  (t) => [
    index("outbox_due").on(t.sentAt, t.failedAt, t.nextAttemptAt),
    index("outbox_by_address").on(t.toAddress),
    index("outbox_by_signature").on(t.signatureId),
    index("outbox_signer_due").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null and update_id is null`),
    index("outbox_update_due").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null and update_id is not null`),
    index("outbox_by_update").on(t.updateId).where(sql`update_id is not null`),
  ],
);

export const updates = sqliteTable(
  "updates",
  {
    id: integer("id").primaryKey(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    showOnPage: integer("show_on_page", { mode: "boolean" }).notNull().default(false),
    sentBy: text("sent_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    queuedThrough: integer("queued_through").notNull().default(0),
    recipients: integer("recipients").notNull().default(0),
    queuedAt: integer("queued_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("updates_by_petition").on(t.campaignId, t.id)],
);

export const updateUnsubscribes = sqliteTable(
  "update_unsubscribes",
  {
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    emailKey: text("email_key").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.emailKey] })],
);

export const reasons = sqliteTable(
  "reasons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signatureId: integer("signature_id")
      .notNull()
      .unique()
      .references(() => signatures.id, { onDelete: "cascade" }),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    shownAs: text("shown_as", { enum: reasonShownAs }).notNull().default("country"),
    state: text("state", { enum: reasonStates }).notNull().default("waiting"),
    reports: integer("reports").notNull().default(0),
    agrees: integer("agrees").notNull().default(0),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("reasons_by_state").on(t.campaignId, t.state, t.id),
    index("reasons_by_support").on(t.campaignId, t.state, t.agrees, t.id),
    check("reasons_state_known", sql`${t.state} in ('waiting', 'shown', 'hidden')`),
    check("reasons_shown_as_known", sql`${t.shownAs} in ('name', 'country')`),
    check("reasons_text_length", sql`length(${t.text}) between 1 and 500`),
    check("reasons_marks_non_negative", sql`${t.reports} >= 0 and ${t.agrees} >= 0`),
  ],
);

export const reasonMarks = sqliteTable(
  "reason_marks",
  {
    reasonId: integer("reason_id")
      .notNull()
      .references(() => reasons.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["agree", "report"] }).notNull(),
    mark: text("mark").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reasonId, t.kind, t.mark] })],
);

export const reasonsGone = sqliteTable(
  "reasons_gone",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    reasonId: integer("reason_id").notNull(),
    goneAt: integer("gone_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("reasons_gone_by_petition").on(t.campaignId, t.id), index("reasons_gone_by_time").on(t.goneAt)],
);

export const blockedEmails = sqliteTable(
  "blocked_emails",
  {
    id: integer("id").primaryKey(),
    kind: text("kind", { enum: ["domain", "address"] }).notNull(),
    value: text("value").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("blocked_emails_unique").on(t.kind, t.value)],
);

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    campaignSlug: text("petition_slug"),
    detail: text("detail").notNull(),
    rowCount: integer("row_count").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_events_by_time").on(t.createdAt)],
);

// In rate-limiter-flexible's SQLite shape (RateLimiterSQLite); why no index on `expire`, see db/postgres/schema.ts.
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});

export const pagePayloads = sqliteTable(
  "page_payloads",
  {
    hash: text("hash").primaryKey(),
    body: blob("body", { mode: "buffer" }).notNull(),
    storedAt: integer("stored_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("page_payloads_by_age").on(t.storedAt)],
);

export const jobRuns = sqliteTable("job_runs", {
  name: text("name").primaryKey(),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }).notNull(),
});

export const organisers = sqliteTable(
  "admins",
  {
    id: integer("id").primaryKey(),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    role: text("role", { enum: roles }).notNull().default("viewer"),
  },
  (t) => [check("admins_role_known", sql`${t.role} in ('owner', 'editor', 'viewer')`)],
);

export const organiserInvitations = sqliteTable(
  "admin_invitations",
  {
    id: integer("id").primaryKey(),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("admin_invitations_by_email").on(t.email),
    check("admin_invitations_role_known", sql`${t.role} in ('owner', 'editor', 'viewer')`),
  ],
);

export const organiserSessions = sqliteTable(
  "admin_sessions",
  {
    id: text("id").primaryKey(),
    organiserId: integer("admin_id")
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("admin_sessions_expiry").on(t.expiresAt)],
);

// Row types stay inside db/sqlite: lib/ speaks of lib/domain/model.ts's types, which these rows satisfy.
export type NewCampaignRow = typeof campaigns.$inferInsert;

export const logEntries = sqliteTable(
  "log_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["add", "remove"] }).notNull(),
    position: integer("position"),
    minute: integer("minute").notNull(),
    signatureId: integer("signature_id"),
    how: text("how", { enum: logHows }),
    country: text("country"),
    commitment: text("commitment"),
    commitmentKey: integer("commitment_key"),
    cancels: integer("cancels"),
    reason: text("reason", { enum: removeReasons }),
  },
  (t) => [
    uniqueIndex("log_entries_by_position").on(t.campaignId, t.position).where(sql`${t.position} is not null`),
    index("log_entries_waiting").on(t.id).where(sql`${t.position} is null`),
    index("log_entries_by_signature").on(t.signatureId).where(sql`${t.signatureId} is not null`),
    index("log_entries_by_commitment_key").on(t.campaignId, t.commitmentKey).where(sql`${t.commitmentKey} is not null`),
    uniqueIndex("log_entries_one_removal").on(t.cancels).where(sql`${t.cancels} is not null`),
    check("log_entries_shape", sql`(${t.kind} = 'add' and ${t.how} is not null and ${t.country} is not null and ${t.cancels} is null)
      or (${t.kind} = 'remove' and ${t.reason} is not null and ${t.cancels} is not null)`),
  ],
);

export const campaignLogs = sqliteTable("campaign_logs", {
  campaignId: integer("petition_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  origin: text("origin").notNull(),
  size: integer("size").notNull().default(0),
  count: integer("count").notNull().default(0),
  frontier: blob("frontier", { mode: "buffer" }).notNull(),
  stats: text("stats").notNull(),
  checkpoint: text("checkpoint").notNull(),
  sequencedAt: integer("sequenced_at", { mode: "timestamp_ms" }).notNull(),
});

export const logTiles = sqliteTable(
  "log_tiles",
  {
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    index: integer("tile_index").notNull(),
    width: integer("width").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.level, t.index] })],
);

/**
 * Kept by triggers on `signatures` (migration 0013), in the statement that changed them: SQLite's one writer never waits for a
 * row. A migration that rebuilds `signatures` (drizzle-kit's copy for a changed default or CHECK) drops its triggers: it must
 * make them and the view signature_figures again (lib/figures.property.test.ts fails without them).
 */
export const campaignFigures = sqliteTable(
  "campaign_figures",
  {
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: figureKinds }).notNull(),
    bucket: text("bucket").notNull(),
    status: text("status", { enum: signatureStatuses }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.kind, t.bucket, t.status] })],
);
