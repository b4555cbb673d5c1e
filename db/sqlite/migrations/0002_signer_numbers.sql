ALTER TABLE `petitions` ADD `signer_numbers_issued` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-added: numbering goes on from the count, as signer numbers were the count until now.
UPDATE `petitions` SET `signer_numbers_issued` = `signature_count`;
