CREATE TABLE `signature_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`petition_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`status` text DEFAULT 'staged' NOT NULL,
	`staged_csv` text,
	`mapping` text,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`valid_rows` integer DEFAULT 0 NOT NULL,
	`invalid_rows` integer DEFAULT 0 NOT NULL,
	`duplicate_rows` integer DEFAULT 0 NOT NULL,
	`imported_rows` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`imported_at` integer,
	`undone_at` integer,
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "signature_imports_status_known" CHECK("signature_imports"."status" in ('staged', 'importing', 'imported', 'undoing', 'undone'))
);
--> statement-breakpoint
CREATE INDEX `signature_imports_by_petition` ON `signature_imports` (`petition_id`,`id`);--> statement-breakpoint
ALTER TABLE `signatures` ADD `import_id` integer;--> statement-breakpoint
CREATE INDEX `signatures_by_import` ON `signatures` (`import_id`) WHERE "signatures"."import_id" is not null;