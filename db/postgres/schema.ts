import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { logHows, removeReasons } from "@/lib/domain/count-log";
import { roles } from "@/lib/domain/roles";
import type { Locale } from "@/lib/domain/locales";
import { importStatuses } from "@/lib/domain/signature-import";
import { campaignStates, signatureStatuses } from "@/lib/domain/model";
import { figureKinds } from "@/lib/domain/figures";
import { reasonModerations, reasonShownAs, reasonStates } from "@/lib/domain/reasons";

// The schema the stores are typed from, and the one place that says why a column is there; db/sqlite/schema.ts has the same
// tables and columns in SQLite's types, so db:copy can move a campaign across column by column.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
// Bytes as Node's Buffer, as SQLite's blob columns give them.
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
// A language tag's shape, not the list of languages (lib/domain/locales.ts): adding a language must not need a migration,
// and removing one must not make old rows unreadable.
const localeShape = (column: unknown) => sql`length(${column}) between 2 and 8`;

export const campaigns = pgTable(
  "petitions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull().unique(),
    // The language the campaign's own text (below) is written in; translations are apart.
    locale: text("locale").$type<Locale>().notNull().default("en"),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    goal: integer("goal").notNull(),
    signaturesElsewhere: integer("signatures_elsewhere").notNull().default(0),
    // Asks signers to confirm by email; takes effect only when mail is configured.
    requireConfirmation: boolean("require_confirmation").notNull().default(true),
    storyHeadline: text("story_headline").notNull(),
    storyPublishedAt: text("story_published_at"),
    storyUpdatedAt: text("story_updated_at"),
    storyMarkdown: text("story_markdown").notNull(),
    // As of the last fold (db/postgres/folder.ts), exact with the unfolded count_deltas: a signature writing this row would
    // wait for the one before it. Signer numbers come from a sequence per campaign (signer_numbers_<id>) for the same reason.
    signatureCount: integer("signature_count").notNull().default(0),
    pendingCount: integer("pending_count").notNull().default(0),
    // What the public is told of pendingCount: rounded, and moved only by the periodic job, so one submission cannot be seen
    // to move it (lib/pending-figure.ts).
    pendingFigure: integer("pending_published").notNull().default(0),
    // Bumped on every change a watcher can see and on nothing else: a bump that followed a new pending signature and not a
    // repeat would tell the two apart.
    revision: integer("revision").notNull().default(0),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    // No CHECK, as on SQLite (where adding one rebuilds the table): lib/campaigns.ts writes only campaignStates. 'published' by
    // default so campaigns made before drafts existed stay live.
    state: text("state", { enum: campaignStates }).notNull().default("published"),
    // Signing stops at this moment; null while the campaign takes signatures without end.
    closesAt: at("closes_at"),
    // Whether the goal shown steps up the ladder once reached (lib/goal-ladder.ts).
    steppingGoals: boolean("stepping_goals").notNull().default(false),
    // Set by every change made in the admin: a content/ file then never overwrites the campaign.
    editedAt: at("edited_at"),
    // How signers' reasons reach the page (lib/domain/reasons.ts): approved first by default, so nothing unjudged is shown.
    reasonModeration: text("reason_moderation", { enum: reasonModerations }).notNull().default("approve"),
    reasonReportLimit: integer("reason_report_limit").notNull().default(3),
    // The organisers' own words that hold a reason for them, one per line.
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

/** A campaign's text in a language other than its own, from content/<slug>.<locale>.md. */
export const campaignTranslations = pgTable(
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
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.locale] }), check("petition_translations_locale_shape", localeShape(t.locale))],
);

/** One signature's effect on its campaign's counts, until the folder adds it to the petition row. */
export const countDeltas = pgTable(
  "count_deltas",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    confirmed: integer("confirmed").notNull(),
    pending: integer("pending").notNull(),
  },
  (t) => [index("count_deltas_by_petition").on(t.campaignId)],
);

export const signatures = pgTable(
  "signatures",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    // Only confirmed signatures count, are listed and are exported by default; the default is the strictest state a real one
    // can be in, so a write that forgets the status waits for confirmation rather than counting unchecked.
    status: text("status", { enum: signatureStatuses }).notNull().default("pending"),
    fullName: text("full_name").notNull(),
    // The name as the search compares it (lib/domain/name-key.ts), so a search by its start is a range of signatures_by_name;
    // null only on rows stored before the column was added and not yet backfilled, which are not found by name.
    nameKey: text("name_key"),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    emailDomain: text("email_domain").notNull(),
    country: text("country").notNull(),
    comment: text("comment"),
    showName: boolean("show_name").notNull().default(false),
    wantsUpdates: boolean("wants_updates").notNull().default(false),
    // Cleared after the retention period (CLIENT_ADDRESS_RETENTION_DAYS); counting never needs it.
    clientAddress: text("client_address"),
    // How long the form was open: a signal for organisers, never a verdict; null when unknown (the JSON API has no form).
    fillMs: integer("fill_ms"),
    // The language signed in: every email to the signer is written in it.
    locale: text("locale").$type<Locale>().notNull().default("en"),
    // The signature whose share link brought this one. No foreign key, as on SQLite (where adding one rebuilds the table): ids
    // are never handed out again, so a referrer since erased leaves an id that points at nothing and harms nothing.
    referrerId: integer("referrer_id"),
    // The CSV import that brought this row, null for a signature made here; no foreign key, as with referrer_id.
    importId: integer("import_id"),
    // 32 random bytes in hex, in the signer's receipt link (after the #, so never sent back): with the address, it makes the
    // commitment the count log publishes for this signature, which no one without both can link to anyone. Erased with the row.
    receiptSalt: text("receipt_salt"),
    signedAt: at("signed_at").notNull(),
    confirmedAt: at("confirmed_at"),
    invalidatedAt: at("invalidated_at"),
  },
  (t) => [
    uniqueIndex("signatures_one_per_email").on(t.campaignId, t.emailKey),
    index("signatures_by_petition").on(t.campaignId, t.id),
    index("signatures_public_by_petition").on(t.campaignId, t.status, t.showName, t.id),
    index("signatures_by_time").on(t.campaignId, t.signedAt),
    index("signatures_by_address").on(t.campaignId, t.clientAddress),
    index("signatures_by_domain").on(t.campaignId, t.emailDomain),
    index("signatures_by_email_key").on(t.emailKey),
    // Each page of the organisers' search (lib/domain/signature-search.ts) is a range of one of these in id order, at one more
    // index entry per signature; text_pattern_ops compares bytes, whatever the collation, so a prefix is one range.
    index("signatures_by_name").on(t.campaignId, t.nameKey.op("text_pattern_ops"), t.id),
    index("signatures_by_country").on(t.campaignId, t.country, t.id),
    // Only rows still holding an address, so the retention job finds them without a scan.
    index("signatures_holding_address").on(t.signedAt).where(sql`${t.clientAddress} is not null`),
    // Only referred signatures, so counting one sharer's is a short range of a small index.
    index("signatures_by_referrer").on(t.referrerId).where(sql`${t.referrerId} is not null`),
    // Only imported rows, so undoing an import finds exactly its rows without a scan.
    index("signatures_by_import").on(t.importId).where(sql`${t.importId} is not null`),
    check("signatures_country_code", sql`length(${t.country}) = 2`),
    check("signatures_name_present", sql`length(${t.fullName}) > 0`),
    check("signatures_status_known", sql`${t.status} in ('pending', 'confirmed', 'invalidated', 'suspected')`),
    check("signatures_fill_non_negative", sql`${t.fillMs} is null or ${t.fillMs} >= 0`),
    check("signatures_locale_shape", localeShape(t.locale)),
  ],
);

/** A CSV of signatures gathered elsewhere, from upload to import (lib/imports/): the file waits here between the organiser's
 * steps, so any process can serve the next one, and is emptied once imported, undone or left too long. */
export const signatureImports = pgTable(
  "signature_imports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: importStatuses }).notNull().default("staged"),
    stagedCsv: text("staged_csv"),
    // The columns chosen, as JSON (lib/imports/column-mapping.ts); null until the import runs.
    mapping: text("mapping"),
    totalRows: integer("total_rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    invalidRows: integer("invalid_rows").notNull().default(0),
    duplicateRows: integer("duplicate_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    createdBy: text("created_by").notNull(),
    createdAt: at("created_at").notNull(),
    importedAt: at("imported_at"),
    undoneAt: at("undone_at"),
  },
  (t) => [
    index("signature_imports_by_petition").on(t.campaignId, t.id),
    check("signature_imports_status_known", sql`${t.status} in ('staged', 'importing', 'imported', 'undoing', 'undone')`),
  ],
);

export const confirmations = pgTable("confirmations", {
  signatureId: integer("signature_id")
    .primaryKey()
    .references(() => signatures.id, { onDelete: "cascade" }),
  // Hashes only: the link's token and the six-digit code are never stored in the clear.
  tokenHash: text("token_hash").notNull().unique(),
  codeHash: text("code_hash").notNull(),
  codeAttempts: integer("code_attempts").notNull().default(0),
  sends: integer("sends").notNull().default(1),
  lastSentAt: at("last_sent_at").notNull(),
  expiresAt: at("expires_at").notNull(),
});

export const outbox = pgTable(
  "outbox",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    signatureId: integer("signature_id").references(() => signatures.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    // Emptied once sent: a sent message's links should not sit in the database.
    // Sealed under SECRET_KEY (lib/mail/sealed-mail.ts): its links work. Emptied once sent or given up.
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    failedAt: at("failed_at"),
    createdAt: at("created_at").notNull(),
    // The update (lib/updates/) this message carries, its body written when sent, in the signer's language with their own
    // unsubscribe link. No foreign key, as on SQLite; updates are never deleted.
    updateId: integer("update_id"),
  },
  (t) => [
    index("outbox_due").on(t.sentAt, t.failedAt, t.nextAttemptAt),
    index("outbox_by_address").on(t.toAddress),
    index("outbox_by_signature").on(t.signatureId),
    // Signers' own mail and updates are claimed apart (signers' first), each from an index that
    // holds only its own due messages, so 100,000 queued updates never slow a confirmation's claim.
    index("outbox_signer_due").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null and update_id is null`),
    index("outbox_update_due").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null and update_id is not null`),
    index("outbox_by_update").on(t.updateId).where(sql`update_id is not null`),
  ],
);

/** An update an organiser sent to the signers who asked for them (lib/updates/). */
export const updates = pgTable(
  "updates",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    // Listed on the campaign's public page too.
    showOnPage: boolean("show_on_page").notNull().default(false),
    sentBy: text("sent_by").notNull(),
    createdAt: at("created_at").notNull(),
    // The last id queuing (a range of ids at a time) has walked, so queuing cut short by a crash resumes there, in any process.
    queuedThrough: integer("queued_through").notNull().default(0),
    recipients: integer("recipients").notNull().default(0),
    // Set once every signature has been walked.
    queuedAt: at("queued_at"),
  },
  (t) => [index("updates_by_petition").on(t.campaignId, t.id)],
);

/** Addresses that asked for no more updates from a campaign, by email key (lib/domain/email-key.ts) and not by signature, so
 * no later signature, even after withdrawing and signing again, undoes it. */
export const updateUnsubscribes = pgTable(
  "update_unsubscribes",
  {
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    emailKey: text("email_key").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.emailKey] })],
);

// A signer's reason, apart from the signature so its moderation never touches the signature's row. Deleted with the
// signature (withdrawal, erasure), and shown only while the signature counts: the page joins the two.
export const reasons = pgTable(
  "reasons",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    signatureId: integer("signature_id")
      .notNull()
      .unique()
      .references(() => signatures.id, { onDelete: "cascade" }),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    shownAs: text("shown_as", { enum: reasonShownAs }).notNull().default("country"),
    // Waiting by default: a reason is shown only once moderation says so.
    state: text("state", { enum: reasonStates }).notNull().default("waiting"),
    reports: integer("reports").notNull().default(0),
    agrees: integer("agrees").notNull().default(0),
    // Set once an organiser approved it: readers' reports then no longer hold it.
    approvedAt: at("approved_at"),
    createdAt: at("created_at").notNull(),
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

// Readers' agreements and reports: a keyed hash of (reader, reason), so each counts once and none says who, or links one
// reader's marks on two reasons.
export const reasonMarks = pgTable(
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

// Reasons that left the page lately (withdrawn, erased, hidden, held), so the live stream can take them off open pages.
// Only ids: kept a day.
export const reasonsGone = pgTable(
  "reasons_gone",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    reasonId: integer("reason_id").notNull(),
    goneAt: at("gone_at").notNull(),
  },
  (t) => [index("reasons_gone_by_petition").on(t.campaignId, t.id), index("reasons_gone_by_time").on(t.goneAt)],
);

export const blockedEmails = pgTable(
  "blocked_emails",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    kind: text("kind", { enum: ["domain", "address"] }).notNull(),
    // A domain, or an address's normalised key.
    value: text("value").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("blocked_emails_unique").on(t.kind, t.value)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    // The organiser's email is kept as text so the record outlives the account.
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    campaignSlug: text("petition_slug"),
    detail: text("detail").notNull(),
    rowCount: integer("row_count").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("audit_events_by_time").on(t.createdAt)],
);

// rate-limiter-flexible's shape (RateLimiterPostgres): signing limits and sign-in throttles, shared by every process, `expire`
// in epoch ms. No index on `expire`: each is one more page written per charge, on the signing path; the periodic sweep scans.
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

// React's payload for a micro-cached page (server/page-cache.ts), kept under its content's hash so that any process can
// answer for the HTML another rendered; gzipped, and kept minutes, since a page fetches it right after its first paint.
export const pagePayloads = pgTable(
  "page_payloads",
  {
    hash: text("hash").primaryKey(),
    body: bytes("body").notNull(),
    storedAt: at("stored_at").notNull(),
  },
  (t) => [index("page_payloads_by_age").on(t.storedAt)],
);

// When each periodic job last ran, claimed by one process at a time (lib/housekeeping.ts).
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastRunAt: at("last_run_at").notNull(),
});

export const organisers = pgTable(
  "admins",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    createdAt: at("created_at").notNull(),
    // What the organiser may do (lib/domain/roles.ts), the least by default so an account made without naming a role can only
    // look; the migration that added it made every organiser there was an owner, and every path that makes one names its role.
    role: text("role", { enum: roles }).notNull().default("viewer"),
  },
  (t) => [check("admins_role_known", sql`${t.role} in ('owner', 'editor', 'viewer')`)],
);

/** An organiser invited by email, until they set a password through the link (lib/auth/invitations.ts). */
export const organiserInvitations = pgTable(
  "admin_invitations",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    // SHA-256 of the emailed link's token: the database never holds a link that would work.
    tokenHash: text("token_hash").notNull().unique(),
    // Removing an organiser takes their invitations with them: no one joins on a removed member's word.
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
  },
  (t) => [
    index("admin_invitations_by_email").on(t.email),
    check("admin_invitations_role_known", sql`${t.role} in ('owner', 'editor', 'viewer')`),
  ],
);

export const organiserSessions = pgTable(
  "admin_sessions",
  {
    // SHA-256 of the cookie's token: a stolen database cannot be replayed as sessions.
    id: text("id").primaryKey(),
    organiserId: integer("admin_id")
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("admin_sessions_expiry").on(t.expiresAt)],
);

/**
 * Every change to what counts, as the count log's entries (lib/domain/count-log.ts): stored in the transaction that moved the
 * count, so the log can never miss a counted signature nor hold an uncounted one, and given its place (`position`) by the
 * sequencer (lib/count-log/sequencer.ts), one writer at a time, in a batch of its own.
 */
export const logEntries = pgTable(
  "log_entries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["add", "remove"] }).notNull(),
    // The entry's index in the campaign's log; null while it waits for the sequencer.
    position: integer("position"),
    // Whole minutes since the epoch: when the signature started, or stopped, counting.
    minute: integer("minute").notNull(),
    // An add's: the signature it counts (no foreign key: ids are never handed out again, and an erased one points at nothing),
    // how it came to count, its country, and, once placed, its commitment (made from the signature's receipt salt).
    signatureId: integer("signature_id"),
    how: text("how", { enum: logHows }),
    country: text("country"),
    commitment: text("commitment"),
    // The commitment's first 52 bits, which a receipt's lookup finds it by: an index of random 64-character keys took two
    // thirds of the sequencer's write (each entry a leaf page of its own), one of small integers half as long.
    commitmentKey: bigint("commitment_key", { mode: "number" }),
    // A remove's: the add it cancels, by id, and why.
    cancels: integer("cancels"),
    reason: text("reason", { enum: removeReasons }),
  },
  (t) => [
    uniqueIndex("log_entries_by_position").on(t.campaignId, t.position).where(sql`${t.position} is not null`),
    index("log_entries_waiting").on(t.id).where(sql`${t.position} is null`),
    index("log_entries_by_signature").on(t.signatureId).where(sql`${t.signatureId} is not null`),
    index("log_entries_by_commitment_key").on(t.campaignId, t.commitmentKey).where(sql`${t.commitmentKey} is not null`),
    // An add is removed once at most.
    uniqueIndex("log_entries_one_removal").on(t.cancels).where(sql`${t.cancels} is not null`),
    check("log_entries_shape", sql`(${t.kind} = 'add' and ${t.how} is not null and ${t.country} is not null and ${t.cancels} is null)
      or (${t.kind} = 'remove' and ${t.reason} is not null and ${t.cancels} is not null)`),
  ],
);

/** Each campaign's log as of its last batch: its origin (fixed at its first entry), size, count, the tree's frontier (the
 * roots of its perfect subtrees, 32 bytes each, largest first), its figures and its signed checkpoint. */
export const campaignLogs = pgTable("campaign_logs", {
  campaignId: integer("petition_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  origin: text("origin").notNull(),
  size: integer("size").notNull().default(0),
  count: integer("count").notNull().default(0),
  frontier: bytes("frontier").notNull(),
  stats: text("stats").notNull(),
  checkpoint: text("checkpoint").notNull(),
  sequencedAt: at("sequenced_at").notNull(),
});

/** The log's tiles as served: hash tiles (level 0 and up) and entry bundles (level -1), each grown in place until full, so
 * every partial tile ever served is a prefix of what is stored. */
export const logTiles = pgTable(
  "log_tiles",
  {
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    index: integer("tile_index").notNull(),
    width: integer("width").notNull(),
    data: bytes("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.level, t.index] })],
);

/**
 * Each campaign's signatures counted by kind of figure (lib/domain/figures.ts), bucket and status, so the organisers' charts
 * read a few rows rather than every signature. Kept by triggers on `signatures` (migration 0011): a statement's changes are
 * written to figure_deltas by bucket, folded in here with the count deltas (folder.ts), so no signer waits for another's row. A bucket
 * is text whatever the kind: an hour's or day's start in epoch milliseconds, a country code, a fill bucket's lower edge ('' when
 * unknown), a referrer's signature id, how a signature came to count. A row may fall to 0 and stay. Checked and repaired by
 * `npm run db:recount` against a full count.
 */
export const campaignFigures = pgTable(
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

/**
 * Changes to campaign_figures not yet folded in, as count_deltas are to the counts: read beside it until then. A row is the
 * buckets a statement's signatures left or found (an hour's start in epoch milliseconds, country, fill bucket, referrer, way
 * of verifying), counted, and is spread over the kinds of figure (figure_delta_kinds) only when read or folded: a signature
 * writes one row instead of one a kind, which cost signing about a tenth of its rate on one process (BENCHMARKS.md), and a statement of many
 * signatures (an import, a bulk invalidation) still writes one row a bucket (migration 0011).
 */
export const figureDeltas = pgTable(
  "figure_deltas",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer("petition_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    status: text("status", { enum: signatureStatuses }).notNull(),
    hour: bigint("hour", { mode: "number" }).notNull(),
    country: text("country").notNull(),
    fill: text("fill").notNull(),
    referrerId: integer("referrer_id"),
    verifiedBy: text("verified_by").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("figure_deltas_by_petition").on(t.campaignId)],
);
