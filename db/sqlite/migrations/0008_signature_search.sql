ALTER TABLE `signatures` ADD `name_key` text;--> statement-breakpoint
CREATE INDEX `signatures_by_name` ON `signatures` (`petition_id`,`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `signatures_by_country` ON `signatures` (`petition_id`,`country`,`id`);