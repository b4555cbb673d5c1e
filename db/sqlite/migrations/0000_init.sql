CREATE TABLE `admin_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`admin_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`admin_id`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_expiry` ON `admin_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `admins` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admins_email_unique` ON `admins` (`email`);--> statement-breakpoint
CREATE TABLE `app_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`petition_slug` text,
	`detail` text NOT NULL,
	`row_count` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_by_time` ON `audit_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `blocked_emails` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blocked_emails_unique` ON `blocked_emails` (`kind`,`value`);--> statement-breakpoint
CREATE TABLE `confirmations` (
	`signature_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`code_hash` text NOT NULL,
	`code_attempts` integer DEFAULT 0 NOT NULL,
	`sends` integer DEFAULT 1 NOT NULL,
	`last_sent_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `signatures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmations_token_hash_unique` ON `confirmations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature_id` integer,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`failed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `signatures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`sent_at`,`failed_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_by_address` ON `outbox` (`to_address`);--> statement-breakpoint
CREATE TABLE `petitions` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`ask` text NOT NULL,
	`goal` integer NOT NULL,
	`signatures_elsewhere` integer DEFAULT 0 NOT NULL,
	`require_confirmation` integer DEFAULT true NOT NULL,
	`story_headline` text NOT NULL,
	`story_published_at` text,
	`story_updated_at` text,
	`story_markdown` text NOT NULL,
	`signature_count` integer DEFAULT 0 NOT NULL,
	`pending_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "petitions_goal_positive" CHECK("petitions"."goal" > 0),
	CONSTRAINT "petitions_elsewhere_non_negative" CHECK("petitions"."signatures_elsewhere" >= 0),
	CONSTRAINT "petitions_count_non_negative" CHECK("petitions"."signature_count" >= 0),
	CONSTRAINT "petitions_pending_non_negative" CHECK("petitions"."pending_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `petitions_slug_unique` ON `petitions` (`slug`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`petition_id` integer NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`email_domain` text NOT NULL,
	`country` text NOT NULL,
	`comment` text,
	`show_name` integer DEFAULT false NOT NULL,
	`wants_updates` integer DEFAULT false NOT NULL,
	`client_address` text,
	`signed_at` integer NOT NULL,
	`confirmed_at` integer,
	`invalidated_at` integer,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "signatures_country_code" CHECK(length("signatures"."country") = 2),
	CONSTRAINT "signatures_name_present" CHECK(length("signatures"."full_name") > 0),
	CONSTRAINT "signatures_status_known" CHECK("signatures"."status" in ('pending', 'confirmed', 'invalidated'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_one_per_email` ON `signatures` (`petition_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `signatures_by_petition` ON `signatures` (`petition_id`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_public_by_petition` ON `signatures` (`petition_id`,`status`,`show_name`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_by_time` ON `signatures` (`petition_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `signatures_by_address` ON `signatures` (`petition_id`,`client_address`);--> statement-breakpoint
CREATE INDEX `signatures_by_domain` ON `signatures` (`petition_id`,`email_domain`);--> statement-breakpoint
CREATE INDEX `signatures_by_email_key` ON `signatures` (`email_key`);