CREATE TABLE `email_outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`template` varchar(64) NOT NULL,
	`recipient` varchar(255) NOT NULL,
	`subject` varchar(200) NOT NULL,
	`props` json NOT NULL,
	`submission_id` bigint unsigned,
	`status` enum('pending','sending','sent','mailbox','failed') NOT NULL DEFAULT 'pending',
	`attempts` smallint unsigned NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`locked_until` datetime(3),
	`last_error` varchar(500),
	`message_id` varchar(255),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`sent_at` datetime(3),
	CONSTRAINT `email_outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `email_outbox` ADD CONSTRAINT `email_outbox_submission_id_integration_submissions_id_fk` FOREIGN KEY (`submission_id`) REFERENCES `integration_submissions`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `eo_due_idx` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `eo_submission_idx` ON `email_outbox` (`submission_id`);--> statement-breakpoint
CREATE INDEX `eo_created_idx` ON `email_outbox` (`created_at`);