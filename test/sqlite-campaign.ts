import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

/**
 * A Countersign SQLite file as a campaign leaves it, written row by row for db:copy's tests: every
 * table holds rows, text holds what breaks naive copies (tabs, newlines, quotes, backslashes,
 * Arabic), and ids have gaps where signatures were erased, the highest among them.
 */
export const sqliteCampaign = {
  /** white-helmets' signer numbers handed out: five, though two of those signers withdrew. */
  signerNumbersIssued: 5,
  signaturesElsewhere: 325_000,
  /** Signatures on the second campaign, enough for COPY to take them in many pieces. */
  manySigners: 2_500,
  /** The highest signature id ever handed out: its row was erased, and SQLite never hands it out again. */
  highestSignatureId: 2_508,
  awkwardComment: 'line one\nline\ttwo "quoted" back\\slash, comma; \\.\r\nend',
};

const at = (minutes: number) => 1_714_000_000_123 + minutes * 60_000;

export function writeSqliteCampaign(file: string): void {
  const db = new Database(file);
  try {
    migrate(drizzle(db), { migrationsFolder: path.join(process.cwd(), "db/sqlite/migrations") });
    db.transaction(() => writeRows(db))();
  } finally {
    db.close();
  }
}

function writeRows(db: Database.Database): void {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  const campaign = `insert into petitions (id, slug, title, ask, goal, signatures_elsewhere, require_confirmation, story_headline,
    story_published_at, story_updated_at, story_markdown, signature_count, pending_count, pending_published, signer_numbers_issued,
    revision, created_at, updated_at, locale) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const { signerNumbersIssued, signaturesElsewhere, manySigners } = sqliteCampaign;
  run(campaign, 1, "white-helmets", "الخوذ البيضاء", 'Ask "them"\tnow', 400_000, signaturesElsewhere, 1, "Headline", "2024-03-01", null,
    "# Story\n\nA line with a \\ backslash.", 3, 1, 0, signerNumbersIssued, 7, at(0), at(10), "en");
  // Id 2 was a campaign since deleted: the next one made on PostgreSQL must not take it.
  run(campaign, 3, "second", "ثانية", "Ask", 10_000, 0, 0, "Second headline", null, null, "", manySigners, 0, 0, manySigners, 2, at(1), at(2), "ar");
  const translation = `insert into petition_translations (petition_id, locale, title, ask, story_headline, story_markdown, translation_note,
    updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`;
  run(translation, 1, "ar", "الخوذ البيضاء", "«اطلبوا»\tالآن", "العنوان", "# القصة\n\nسطر فيه \\ شرطة.", "ترجمة \"غير رسمية\"", at(3));
  run(translation, 3, "en", "Second", "Ask", "Second headline", "", null, at(4));
  // An import undone since: its signatures are gone, its record stays.
  run(`insert into signature_imports (id, petition_id, file_name, status, mapping, total_rows, valid_rows, invalid_rows, duplicate_rows,
    imported_rows, created_by, created_at, imported_at, undone_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    2, 1, 'other "platform"\tfile.csv', "undone", '{"fullName":0,"email":1,"country":2}', 4, 3, 1, 1, 2, "owner@example.org", at(5), at(6), at(7));

  const signature = `insert into signatures (id, petition_id, status, full_name, email, email_key, email_domain, country, comment,
    show_name, wants_updates, client_address, fill_ms, signed_at, confirmed_at, invalidated_at, locale, referrer_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  type Extra = {
    comment?: string | null;
    show?: number;
    address?: string | null;
    fillMs?: number | null;
    confirmedAt?: number;
    invalidatedAt?: number;
    locale?: string;
    referrerId?: number;
  };
  const sign = (id: number | null, campaignId: number, status: string, name: string, email: string, extra: Extra = {}) =>
    run(signature, id, campaignId, status, name, email, email.toLowerCase(), email.split("@")[1], "SY", extra.comment ?? null,
      extra.show ?? 1, 0, extra.address ?? null, extra.fillMs ?? null, at(20), extra.confirmedAt ?? null, extra.invalidatedAt ?? null,
      extra.locale ?? "en", extra.referrerId ?? null);
  sign(1, 1, "confirmed", "محمد الأحمد", "Mohammed@example.org", { comment: sqliteCampaign.awkwardComment, address: "192.0.2.1", fillMs: 4200, confirmedAt: at(21), locale: "ar" });
  // Brought by signature 1's link, and by a decoy's (a negative id, which no signature has).
  sign(2, 1, "confirmed", "Zoë O'Brien", "zoe@example.org", { comment: "", show: 0, confirmedAt: at(22), referrerId: 1 });
  sign(3, 1, "pending", "فاطمة", "fatima@example.org", { locale: "ar", referrerId: -1_234_567 });
  sign(4, 1, "confirmed", "Erased Signer", "erased@example.org", { confirmedAt: at(23) });
  sign(5, 1, "suspected", "Bot Like", "bot@example.net", { fillMs: 40 });
  sign(6, 1, "invalidated", "Invalid", "invalid@example.net", { invalidatedAt: at(30) });
  sign(7, 1, "confirmed", "Last Signer", "last@example.org", { confirmedAt: at(24) });
  for (let i = 0; i < manySigners; i++) {
    sign(null, 3, "confirmed", `موقّع ${i}\t"${i}"`, `signer${i}@example.com`, { comment: i % 3 ? null : `Comment ${i},\n"with" \\ شكرا`, confirmedAt: at(25) });
  }
  sign(null, 3, "confirmed", "Erased Last", "erased-last@example.com", { confirmedAt: at(26) });
  // Erased: one in the middle, and the newest of all, whose id SQLite keeps in sqlite_sequence.
  run("delete from signatures where id in (4, ?)", sqliteCampaign.highestSignatureId);

  run("insert into confirmations values (3, 'token-hash-3', 'code-hash-3', 1, 2, ?, ?)", at(20), at(60 * 24 * 7));
  const mail = `insert into outbox (id, signature_id, kind, to_address, subject, body, attempts, next_attempt_at, last_error, sent_at,
    failed_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  run(mail, 1, 3, "confirmation", "fatima@example.org", "Confirm your signature", "Open https://sign.example.org/confirm/x\n\nشكرا", 0, at(20), null, null, null, at(20));
  run(mail, 2, 1, "thank-you", "Mohammed@example.org", "Thank you", "", 1, at(21), null, at(21), null, at(21));
  run(mail, 3, null, "notice", "organiser@example.org", "Notice", "body", 5, at(40), 'SMTP 550: mailbox "unknown"', null, at(41), at(30));

  const organiser = "insert into admins (id, email, password_hash, role, created_at) values (?, ?, '$scrypt$N=16384$c2FsdA$aGFzaA', ?, ?)";
  run(organiser, 1, "organiser@example.org", "owner", at(-100));
  run(organiser, 2, "editor@example.org", "editor", at(-50));
  const invitation = `insert into admin_invitations (id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at)
    values (?, ?, ?, ?, 1, ?, ?, ?)`;
  run(invitation, 1, "editor@example.org", "editor", "invitation-hash-1", at(-60), at(60 * 24 * 7 - 60), at(-50));
  run(invitation, 2, "viewer@example.org", "viewer", "invitation-hash-2", at(-10), at(60 * 24 * 7 - 10), null);
  run("insert into admin_sessions values ('5e55104-sha256', 1, ?, ?)", at(50), at(50 + 60 * 12));
  run("insert into blocked_emails values (1, 'domain', 'spam.example', 'organiser@example.org', ?)", at(51));
  run("insert into audit_events values (1, 'organiser@example.org', 'export', 'white-helmets', 'Exported 3\tsignatures', 3, ?)", at(52));
  run(`insert into audit_events values (2, 'organiser@example.org', 'block', null, '{"kind":"domain"}', 0, ?)`, at(53));
  run("insert into job_runs values ('retention', ?)", at(54));
  run(`insert into updates (id, petition_id, subject, body_markdown, show_on_page, sent_by, created_at, queued_through, recipients, queued_at)
    values (2, 1, 'The vote is near', ?, 1, 'organiser@example.org', ?, 3, 1, ?)`, "Meet on **Friday**,\t\"all\"\nشكرا", at(55), at(55));
  run(`insert into outbox (id, signature_id, kind, to_address, subject, body, attempts, next_attempt_at, created_at, update_id)
    values (4, 1, 'update', 'Mohammed@example.org', 'The vote is near', '', 0, ?, ?, 2)`, at(55), at(55));
  run("insert into update_unsubscribes values (1, 'fatima@example.org', ?)", at(56));
  run("insert into rate_limits values ('sign:192.0.2.1', 3, ?), ('signin:organiser', 1, null)", at(60));
}
