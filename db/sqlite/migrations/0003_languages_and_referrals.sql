CREATE TABLE `petition_translations` (
	`petition_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`ask` text NOT NULL,
	`story_headline` text NOT NULL,
	`story_markdown` text NOT NULL,
	`translation_note` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`petition_id`, `locale`),
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "petition_translations_locale_shape" CHECK(length("petition_translations"."locale") between 2 and 8)
);
--> statement-breakpoint
-- Hand-written in place of the table rebuilds drizzle-kit makes for any new CHECK: SQLite adds a
-- column with its CHECK and default in place, so every row, key and index of both tables stays put.
ALTER TABLE `petitions` ADD `locale` text DEFAULT 'en' NOT NULL CONSTRAINT "petitions_locale_shape" CHECK(length(`locale`) between 2 and 8);--> statement-breakpoint
ALTER TABLE `signatures` ADD `locale` text DEFAULT 'en' NOT NULL CONSTRAINT "signatures_locale_shape" CHECK(length(`locale`) between 2 and 8);--> statement-breakpoint
ALTER TABLE `signatures` ADD `referrer_id` integer;--> statement-breakpoint
CREATE INDEX `signatures_by_referrer` ON `signatures` (`referrer_id`) WHERE "signatures"."referrer_id" is not null;
