CREATE TABLE `update_unsubscribes` (
	`petition_id` integer NOT NULL,
	`email_key` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`petition_id`, `email_key`),
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `updates` (
	`id` integer PRIMARY KEY NOT NULL,
	`petition_id` integer NOT NULL,
	`subject` text NOT NULL,
	`body_markdown` text NOT NULL,
	`show_on_page` integer DEFAULT false NOT NULL,
	`sent_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`queued_through` integer DEFAULT 0 NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`queued_at` integer,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `updates_by_petition` ON `updates` (`petition_id`,`id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `update_id` integer;--> statement-breakpoint
CREATE INDEX `outbox_by_signature` ON `outbox` (`signature_id`);--> statement-breakpoint
CREATE INDEX `outbox_signer_due` ON `outbox` (`next_attempt_at`) WHERE sent_at is null and failed_at is null and update_id is null;--> statement-breakpoint
CREATE INDEX `outbox_update_due` ON `outbox` (`next_attempt_at`) WHERE sent_at is null and failed_at is null and update_id is not null;--> statement-breakpoint
CREATE INDEX `outbox_by_update` ON `outbox` (`update_id`) WHERE update_id is not null;