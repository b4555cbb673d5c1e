CREATE TABLE `reason_marks` (
	`reason_id` integer NOT NULL,
	`kind` text NOT NULL,
	`mark` text NOT NULL,
	PRIMARY KEY(`reason_id`, `kind`, `mark`),
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature_id` integer NOT NULL,
	`petition_id` integer NOT NULL,
	`text` text NOT NULL,
	`shown_as` text DEFAULT 'country' NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	`agrees` integer DEFAULT 0 NOT NULL,
	`approved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `signatures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reasons_state_known" CHECK("reasons"."state" in ('waiting', 'shown', 'hidden')),
	CONSTRAINT "reasons_shown_as_known" CHECK("reasons"."shown_as" in ('name', 'country')),
	CONSTRAINT "reasons_text_length" CHECK(length("reasons"."text") between 1 and 500),
	CONSTRAINT "reasons_marks_non_negative" CHECK("reasons"."reports" >= 0 and "reasons"."agrees" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reasons_signature_id_unique` ON `reasons` (`signature_id`);--> statement-breakpoint
CREATE INDEX `reasons_by_state` ON `reasons` (`petition_id`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `reasons_by_support` ON `reasons` (`petition_id`,`state`,`agrees`,`id`);--> statement-breakpoint
CREATE TABLE `reasons_gone` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`petition_id` integer NOT NULL,
	`reason_id` integer NOT NULL,
	`gone_at` integer NOT NULL,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reasons_gone_by_petition` ON `reasons_gone` (`petition_id`,`id`);--> statement-breakpoint
CREATE INDEX `reasons_gone_by_time` ON `reasons_gone` (`gone_at`);--> statement-breakpoint
ALTER TABLE `petitions` ADD `reason_moderation` text DEFAULT 'approve' NOT NULL;--> statement-breakpoint
ALTER TABLE `petitions` ADD `reason_report_limit` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `petitions` ADD `reason_blocked_words` text DEFAULT '' NOT NULL;