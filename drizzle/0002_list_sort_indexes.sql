CREATE INDEX `is_status_idx` ON `integration_submissions` (`status`);--> statement-breakpoint
CREATE INDEX `is_type_name_idx` ON `integration_submissions` (`integration_type`,`integration_name`);--> statement-breakpoint
CREATE INDEX `is_user_email_idx` ON `integration_submissions` (`user_id`,`user_email`);