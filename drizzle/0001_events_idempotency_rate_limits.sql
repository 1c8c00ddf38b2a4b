CREATE TABLE `integration_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`submission_id` bigint unsigned NOT NULL,
	`type` enum('created','updated','status_changed','revealed','email_sent','email_queued','email_failed') NOT NULL,
	`actor_id` bigint unsigned,
	`actor_email` varchar(255),
	`details` json,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `integration_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`user_id` bigint unsigned NOT NULL,
	`idem_key` varchar(255) NOT NULL,
	`request_hash` char(64) NOT NULL,
	`status_code` smallint unsigned NOT NULL,
	`response_body` text NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `idempotency_keys_user_id_idem_key_pk` PRIMARY KEY(`user_id`,`idem_key`)
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`bucket` varchar(191) NOT NULL,
	`hits` int unsigned NOT NULL,
	`reset_at` datetime(3) NOT NULL,
	CONSTRAINT `rate_limits_bucket` PRIMARY KEY(`bucket`)
);
--> statement-breakpoint
ALTER TABLE `integration_events` ADD CONSTRAINT `integration_events_submission_id_integration_submissions_id_fk` FOREIGN KEY (`submission_id`) REFERENCES `integration_submissions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `integration_events` ADD CONSTRAINT `integration_events_actor_id_users_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD CONSTRAINT `idempotency_keys_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `ie_submission_idx` ON `integration_events` (`submission_id`,`id`);--> statement-breakpoint
CREATE INDEX `ik_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE INDEX `rl_reset_idx` ON `rate_limits` (`reset_at`);