ALTER TABLE `integration_events` MODIFY COLUMN `type` enum('created','updated','status_changed','revealed','email_sent','email_queued','email_failed','connection_tested') NOT NULL;--> statement-breakpoint
ALTER TABLE `integration_submissions` ADD `connection_status` enum('ok','failed','needs_reauth');--> statement-breakpoint
ALTER TABLE `integration_submissions` ADD `connection_checked_at` datetime(3);--> statement-breakpoint
ALTER TABLE `integration_submissions` ADD `connection_message` varchar(255);