CREATE TABLE `submission_groups` (
	`user_id` bigint unsigned NOT NULL,
	`user_email` varchar(255) NOT NULL,
	`integration_type` varchar(64) NOT NULL,
	`integration_name` varchar(255) NOT NULL,
	`status` enum('pending','in_progress','completed','failed') NOT NULL,
	`n` bigint NOT NULL,
	CONSTRAINT `submission_groups_pk` PRIMARY KEY(`user_id`,`user_email`,`integration_type`,`integration_name`,`status`)
);
