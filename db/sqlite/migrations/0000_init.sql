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
CREATE TABLE `petitions` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`ask` text NOT NULL,
	`goal` integer NOT NULL,
	`signatures_elsewhere` integer DEFAULT 0 NOT NULL,
	`story_headline` text NOT NULL,
	`story_published_at` text,
	`story_updated_at` text,
	`story_markdown` text NOT NULL,
	`signature_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "petitions_goal_positive" CHECK("petitions"."goal" > 0),
	CONSTRAINT "petitions_elsewhere_non_negative" CHECK("petitions"."signatures_elsewhere" >= 0),
	CONSTRAINT "petitions_count_non_negative" CHECK("petitions"."signature_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `petitions_slug_unique` ON `petitions` (`slug`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` integer PRIMARY KEY NOT NULL,
	`petition_id` integer NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`country` text NOT NULL,
	`comment` text,
	`show_name` integer DEFAULT false NOT NULL,
	`wants_updates` integer DEFAULT false NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "signatures_country_code" CHECK(length("signatures"."country") = 2),
	CONSTRAINT "signatures_name_present" CHECK(length("signatures"."full_name") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_one_per_email` ON `signatures` (`petition_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `signatures_by_petition` ON `signatures` (`petition_id`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_public_by_petition` ON `signatures` (`petition_id`,`show_name`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_by_time` ON `signatures` (`petition_id`,`signed_at`);