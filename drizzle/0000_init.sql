CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`email` varchar(255) NOT NULL,
	`name` varchar(255),
	`password_hash` varchar(255),
	`role` enum('user','admin') NOT NULL DEFAULT 'user',
	`disabled` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `integration_submissions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`user_email` varchar(255) NOT NULL,
	`integration_type` varchar(64) NOT NULL,
	`integration_name` varchar(255) NOT NULL,
	`status` enum('pending','in_progress','completed','failed') NOT NULL DEFAULT 'pending',
	`data` mediumtext NOT NULL,
	`callback_url` varchar(2048),
	`source` varchar(64),
	`saved_to_server` boolean NOT NULL DEFAULT true,
	`version` int unsigned NOT NULL DEFAULT 1,
	`submitted_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `integration_submissions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `integration_submissions` ADD CONSTRAINT `integration_submissions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
CREATE INDEX `is_submitted_idx` ON `integration_submissions` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `is_updated_idx` ON `integration_submissions` (`updated_at`);--> statement-breakpoint
CREATE INDEX `is_status_submitted_idx` ON `integration_submissions` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `is_status_updated_idx` ON `integration_submissions` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `is_type_submitted_idx` ON `integration_submissions` (`integration_type`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `is_type_updated_idx` ON `integration_submissions` (`integration_type`,`updated_at`);--> statement-breakpoint
CREATE INDEX `is_user_submitted_idx` ON `integration_submissions` (`user_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `is_user_updated_idx` ON `integration_submissions` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `is_name_idx` ON `integration_submissions` (`integration_name`);--> statement-breakpoint
CREATE INDEX `is_email_idx` ON `integration_submissions` (`user_email`);