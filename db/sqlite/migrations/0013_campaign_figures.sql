CREATE TABLE `campaign_figures` (
	`petition_id` integer NOT NULL,
	`kind` text NOT NULL,
	`bucket` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`petition_id`, `kind`, `bucket`, `status`),
	FOREIGN KEY (`petition_id`) REFERENCES `petitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Each signature's figures, one row per kind (lib/domain/figures.ts), for the triggers below, the backfill and nothing else:
-- an hour or day is its start in epoch milliseconds, a time to fill its bucket's lower edge ('' when unknown).
CREATE VIEW `signature_figures` AS
  SELECT `id`, `petition_id`, `status`, 'all' AS `kind`, '' AS `bucket` FROM `signatures`
  UNION ALL SELECT `id`, `petition_id`, `status`, 'hour', CAST(`signed_at` / 3600000 * 3600000 AS TEXT) FROM `signatures`
  UNION ALL SELECT `id`, `petition_id`, `status`, 'day', CAST(`signed_at` / 86400000 * 86400000 AS TEXT) FROM `signatures`
  UNION ALL SELECT `id`, `petition_id`, `status`, 'country', `country` FROM `signatures`
  UNION ALL SELECT `id`, `petition_id`, `status`, 'fill', CASE
      WHEN `fill_ms` >= 300000 THEN '300000' WHEN `fill_ms` >= 60000 THEN '60000' WHEN `fill_ms` >= 30000 THEN '30000'
      WHEN `fill_ms` >= 10000 THEN '10000' WHEN `fill_ms` >= 5000 THEN '5000' WHEN `fill_ms` >= 2000 THEN '2000'
      WHEN `fill_ms` >= 0 THEN '0' ELSE '' END FROM `signatures`
  UNION ALL SELECT `id`, `petition_id`, `status`, 'verified-by', CASE
      WHEN `confirmed_at` IS NOT NULL AND `import_id` IS NOT NULL THEN 'email+import' WHEN `confirmed_at` IS NOT NULL THEN 'email'
      WHEN `import_id` IS NOT NULL THEN 'import' ELSE 'open' END FROM `signatures`
  UNION ALL SELECT `id`, `petition_id`, `status`, 'referrer', CAST(`referrer_id` AS TEXT) FROM `signatures` WHERE `referrer_id` IS NOT NULL;
--> statement-breakpoint
-- The figures of every signature from before them.
INSERT INTO `campaign_figures` (`petition_id`, `kind`, `bucket`, `status`, `count`)
SELECT `petition_id`, `kind`, `bucket`, `status`, count(*) FROM `signature_figures` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Moved in the statement that changes a signature, whichever code runs it (signing, confirmation, moderation, withdrawal,
-- erasure, import and its undo, the seed): a row's old figures go before it changes or goes, its new ones come after.
CREATE TRIGGER `signatures_figures_insert` AFTER INSERT ON `signatures` BEGIN
  INSERT INTO `campaign_figures` (`petition_id`, `kind`, `bucket`, `status`, `count`)
  SELECT `petition_id`, `kind`, `bucket`, `status`, 1 FROM `signature_figures` WHERE `id` = new.`id`
  ON CONFLICT (`petition_id`, `kind`, `bucket`, `status`) DO UPDATE SET `count` = `count` + excluded.`count`;
END;
--> statement-breakpoint
-- A campaign's own deletion takes its figures by cascade: its signatures then move none.
CREATE TRIGGER `signatures_figures_delete` BEFORE DELETE ON `signatures`
WHEN EXISTS (SELECT 1 FROM `petitions` WHERE `id` = old.`petition_id`) BEGIN
  INSERT INTO `campaign_figures` (`petition_id`, `kind`, `bucket`, `status`, `count`)
  SELECT `petition_id`, `kind`, `bucket`, `status`, -1 FROM `signature_figures` WHERE `id` = old.`id`
  ON CONFLICT (`petition_id`, `kind`, `bucket`, `status`) DO UPDATE SET `count` = `count` + excluded.`count`;
END;
--> statement-breakpoint
CREATE TRIGGER `signatures_figures_update_old` BEFORE UPDATE OF `petition_id`, `status`, `signed_at`, `country`, `fill_ms`, `referrer_id`, `confirmed_at`, `import_id` ON `signatures`
WHEN old.`petition_id` IS NOT new.`petition_id` OR old.`status` IS NOT new.`status` OR old.`signed_at` IS NOT new.`signed_at`
  OR old.`country` IS NOT new.`country` OR old.`fill_ms` IS NOT new.`fill_ms` OR old.`referrer_id` IS NOT new.`referrer_id`
  OR old.`confirmed_at` IS NOT new.`confirmed_at` OR old.`import_id` IS NOT new.`import_id` BEGIN
  INSERT INTO `campaign_figures` (`petition_id`, `kind`, `bucket`, `status`, `count`)
  SELECT `petition_id`, `kind`, `bucket`, `status`, -1 FROM `signature_figures` WHERE `id` = old.`id`
  ON CONFLICT (`petition_id`, `kind`, `bucket`, `status`) DO UPDATE SET `count` = `count` + excluded.`count`;
END;
--> statement-breakpoint
CREATE TRIGGER `signatures_figures_update_new` AFTER UPDATE OF `petition_id`, `status`, `signed_at`, `country`, `fill_ms`, `referrer_id`, `confirmed_at`, `import_id` ON `signatures`
WHEN old.`petition_id` IS NOT new.`petition_id` OR old.`status` IS NOT new.`status` OR old.`signed_at` IS NOT new.`signed_at`
  OR old.`country` IS NOT new.`country` OR old.`fill_ms` IS NOT new.`fill_ms` OR old.`referrer_id` IS NOT new.`referrer_id`
  OR old.`confirmed_at` IS NOT new.`confirmed_at` OR old.`import_id` IS NOT new.`import_id` BEGIN
  INSERT INTO `campaign_figures` (`petition_id`, `kind`, `bucket`, `status`, `count`)
  SELECT `petition_id`, `kind`, `bucket`, `status`, 1 FROM `signature_figures` WHERE `id` = new.`id`
  ON CONFLICT (`petition_id`, `kind`, `bucket`, `status`) DO UPDATE SET `count` = `count` + excluded.`count`;
END;
