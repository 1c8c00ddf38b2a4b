-- Counts for the rows that existed before submission_counts did; from here on every insert and
-- status change keeps them (lib/integrations/counts.ts).
INSERT INTO `submission_counts` (`status`, `integration_type`, `n`)
SELECT `status`, `integration_type`, COUNT(*) FROM `integration_submissions` GROUP BY `status`, `integration_type`;
