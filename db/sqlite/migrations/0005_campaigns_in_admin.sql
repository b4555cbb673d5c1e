ALTER TABLE `petitions` ADD `state` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `petitions` ADD `closes_at` integer;--> statement-breakpoint
ALTER TABLE `petitions` ADD `stepping_goals` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `petitions` ADD `edited_at` integer;