CREATE TABLE `submission_counts` (
	`status` enum('pending','in_progress','completed','failed') NOT NULL,
	`integration_type` varchar(64) NOT NULL,
	`n` bigint NOT NULL,
	CONSTRAINT `submission_counts_status_integration_type_pk` PRIMARY KEY(`status`,`integration_type`)
);
