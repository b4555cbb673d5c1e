CREATE TABLE `campaign_logs` (
	`petition_id` integer PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`frontier` blob NOT NULL,
	`stats` text NOT NULL,
	`checkpoint` text NOT NULL,
	`sequenced_at` integer NOT NULL,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `log_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`petition_id` integer NOT NULL,
	`kind` text NOT NULL,
	`position` integer,
	`minute` integer NOT NULL,
	`signature_id` integer,
	`how` text,
	`country` text,
	`commitment` text,
	`cancels` integer,
	`reason` text,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "log_entries_shape" CHECK(("log_entries"."kind" = 'add' and "log_entries"."how" is not null and "log_entries"."country" is not null and "log_entries"."cancels" is null)
      or ("log_entries"."kind" = 'remove' and "log_entries"."reason" is not null and "log_entries"."cancels" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_entries_by_position` ON `log_entries` (`petition_id`,`position`) WHERE "log_entries"."position" is not null;--> statement-breakpoint
CREATE INDEX `log_entries_waiting` ON `log_entries` (`id`) WHERE "log_entries"."position" is null;--> statement-breakpoint
CREATE INDEX `log_entries_by_signature` ON `log_entries` (`signature_id`) WHERE "log_entries"."signature_id" is not null;--> statement-breakpoint
CREATE INDEX `log_entries_by_commitment` ON `log_entries` (`petition_id`,`commitment`) WHERE "log_entries"."commitment" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `log_entries_one_removal` ON `log_entries` (`cancels`) WHERE "log_entries"."cancels" is not null;--> statement-breakpoint
CREATE TABLE `log_tiles` (
	`petition_id` integer NOT NULL,
	`level` integer NOT NULL,
	`tile_index` integer NOT NULL,
	`width` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`petition_id`, `level`, `tile_index`),
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `signatures` ADD `receipt_salt` text;--> statement-breakpoint
-- Signatures from before the log: each gets its receipt salt, and each counted one an add waiting for the sequencer, oldest first.
UPDATE `signatures` SET `receipt_salt` = lower(hex(randomblob(32)));
--> statement-breakpoint
INSERT INTO `log_entries` (`petition_id`, `kind`, `minute`, `signature_id`, `how`, `country`)
SELECT `petition_id`, 'add', coalesce(`confirmed_at`, `signed_at`) / 60000, `id`,
  CASE WHEN `import_id` IS NOT NULL THEN 'import' WHEN `confirmed_at` IS NOT NULL THEN 'email' ELSE 'open' END, `country`
FROM `signatures` WHERE `status` = 'confirmed' ORDER BY coalesce(`confirmed_at`, `signed_at`), `id`;
