-- One statement, so the new column exists before the key names it and the table is never
-- without a primary key (Galera replicates rows by it). Every existing count lands in slot 0.
ALTER TABLE `submission_counts` ADD `slot` tinyint unsigned DEFAULT 0 NOT NULL, DROP PRIMARY KEY, ADD PRIMARY KEY(`status`,`integration_type`,`slot`);
