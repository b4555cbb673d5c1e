CREATE TABLE `page_payloads` (
	`hash` text PRIMARY KEY NOT NULL,
	`body` blob NOT NULL,
	`stored_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `page_payloads_by_age` ON `page_payloads` (`stored_at`);