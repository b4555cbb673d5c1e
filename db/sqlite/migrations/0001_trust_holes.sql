CREATE TABLE `job_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
DROP TABLE `app_secrets`;--> statement-breakpoint
DROP TABLE `login_throttle`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`petition_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`email_domain` text NOT NULL,
	`country` text NOT NULL,
	`comment` text,
	`show_name` integer DEFAULT false NOT NULL,
	`wants_updates` integer DEFAULT false NOT NULL,
	`client_address` text,
	`fill_ms` integer,
	`signed_at` integer NOT NULL,
	`confirmed_at` integer,
	`invalidated_at` integer,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "signatures_country_code" CHECK(length("__new_signatures"."country") = 2),
	CONSTRAINT "signatures_name_present" CHECK(length("__new_signatures"."full_name") > 0),
	CONSTRAINT "signatures_status_known" CHECK("__new_signatures"."status" in ('pending', 'confirmed', 'invalidated', 'suspected')),
	CONSTRAINT "signatures_fill_non_negative" CHECK("__new_signatures"."fill_ms" is null or "__new_signatures"."fill_ms" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_signatures`("id", "petition_id", "status", "full_name", "email", "email_key", "email_domain", "country", "comment", "show_name", "wants_updates", "client_address", "fill_ms", "signed_at", "confirmed_at", "invalidated_at") SELECT "id", "petition_id", "status", "full_name", "email", "email_key", "email_domain", "country", "comment", "show_name", "wants_updates", "client_address", NULL, "signed_at", "confirmed_at", "invalidated_at" FROM `signatures`;--> statement-breakpoint
DROP TABLE `signatures`;--> statement-breakpoint
ALTER TABLE `__new_signatures` RENAME TO `signatures`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_one_per_email` ON `signatures` (`petition_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `signatures_by_petition` ON `signatures` (`petition_id`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_public_by_petition` ON `signatures` (`petition_id`,`status`,`show_name`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_by_time` ON `signatures` (`petition_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `signatures_by_address` ON `signatures` (`petition_id`,`client_address`);--> statement-breakpoint
CREATE INDEX `signatures_by_domain` ON `signatures` (`petition_id`,`email_domain`);--> statement-breakpoint
CREATE INDEX `signatures_by_email_key` ON `signatures` (`email_key`);--> statement-breakpoint
CREATE INDEX `signatures_holding_address` ON `signatures` (`signed_at`) WHERE "signatures"."client_address" is not null;--> statement-breakpoint
ALTER TABLE `petitions` ADD `pending_published` integer DEFAULT 0 NOT NULL;