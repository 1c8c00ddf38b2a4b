-- Groups for the rows that existed before submission_groups did; from here on every insert and
-- status change keeps them (lib/integrations/counts.ts).
INSERT INTO `submission_groups` (`user_id`, `user_email`, `integration_type`, `integration_name`, `status`, `n`)
SELECT `user_id`, `user_email`, `integration_type`, `integration_name`, `status`, COUNT(*) FROM `integration_submissions`
GROUP BY `user_id`, `user_email`, `integration_type`, `integration_name`, `status`;
