CREATE TABLE `api_key_secrets` (
	`prefix` varchar(16) NOT NULL,
	`key_id` bigint unsigned NOT NULL,
	`hash` char(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`expires_at` datetime(3),
	CONSTRAINT `api_key_secrets_prefix` PRIMARY KEY(`prefix`)
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`scopes` varchar(255) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`expires_at` datetime(3),
	`last_used_at` datetime(3),
	`last_used_ip` varchar(45),
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `aks_key_idx` ON `api_key_secrets` (`key_id`);--> statement-breakpoint
CREATE INDEX `aks_expires_idx` ON `api_key_secrets` (`expires_at`);--> statement-breakpoint
CREATE INDEX `api_keys_user_idx` ON `api_keys` (`user_id`);