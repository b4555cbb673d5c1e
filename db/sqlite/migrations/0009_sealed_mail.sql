-- Queued bodies are sealed from here on (lib/mail/sealed-mail.ts); one given up before kept its working links in the clear.
UPDATE `outbox` SET `body` = '' WHERE `failed_at` IS NOT NULL OR `sent_at` IS NOT NULL;
