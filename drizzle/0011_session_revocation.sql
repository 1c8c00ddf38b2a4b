CREATE TABLE `revoked_sessions` (
	`sid` varchar(64) NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	CONSTRAINT `revoked_sessions_sid` PRIMARY KEY(`sid`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `tokens_valid_after` datetime(3);--> statement-breakpoint
CREATE INDEX `rs_expires_idx` ON `revoked_sessions` (`expires_at`);