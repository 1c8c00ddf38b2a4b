CREATE TABLE `integration_tokens` (
	`submission_id` bigint unsigned NOT NULL,
	`sealed` text NOT NULL,
	`expires_at` datetime(3),
	`version` int unsigned NOT NULL DEFAULT 1,
	`refresh_claim` char(36),
	`refresh_claimed_until` datetime(3),
	`connected_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`refreshed_at` datetime(3),
	CONSTRAINT `integration_tokens_submission_id` PRIMARY KEY(`submission_id`)
);
--> statement-breakpoint
CREATE TABLE `oauth_states` (
	`state_hash` char(64) NOT NULL,
	`submission_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`verifier` varchar(255),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	CONSTRAINT `oauth_states_state_hash` PRIMARY KEY(`state_hash`)
);
--> statement-breakpoint
ALTER TABLE `integration_events` MODIFY COLUMN `type` enum('created','updated','status_changed','revealed','email_sent','email_queued','email_failed','connection_tested','connected','connect_failed','refresh_failed') NOT NULL;--> statement-breakpoint
ALTER TABLE `integration_submissions` ADD `connection_next_check_at` datetime(3);--> statement-breakpoint
ALTER TABLE `integration_tokens` ADD CONSTRAINT `integration_tokens_submission_id_integration_submissions_id_fk` FOREIGN KEY (`submission_id`) REFERENCES `integration_submissions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD CONSTRAINT `oauth_states_submission_id_integration_submissions_id_fk` FOREIGN KEY (`submission_id`) REFERENCES `integration_submissions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `oauth_states_expires_idx` ON `oauth_states` (`expires_at`);--> statement-breakpoint
CREATE INDEX `is_next_check_idx` ON `integration_submissions` (`connection_next_check_at`);