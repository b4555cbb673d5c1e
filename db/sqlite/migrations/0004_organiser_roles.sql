CREATE TABLE `admin_invitations` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	FOREIGN KEY (`invited_by`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "admin_invitations_role_known" CHECK("admin_invitations"."role" in ('owner', 'editor', 'viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_invitations_token_hash_unique` ON `admin_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `admin_invitations_by_email` ON `admin_invitations` (`email`);--> statement-breakpoint
-- Hand-written in place of the table rebuild drizzle-kit makes for a new CHECK: SQLite adds the
-- column with its CHECK and default in place, and no organiser's sessions go with a dropped table.
ALTER TABLE `admins` ADD `role` text DEFAULT 'viewer' NOT NULL CONSTRAINT "admins_role_known" CHECK(`role` in ('owner', 'editor', 'viewer'));--> statement-breakpoint
-- Every organiser before roles could do everything, and stays an owner. The default, the least
-- role, is for accounts made later without naming one.
UPDATE `admins` SET `role` = 'owner';
