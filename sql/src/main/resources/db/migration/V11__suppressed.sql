-- atrest history, version 11: accepted risks counted apart.
--
-- A failure an exemption of the policy accepts is stored as SUPPRESSED (it was NOT_APPLICABLE
-- before, which no report or export could tell from a check that does not apply). It stays out of
-- the score and coverage as before; the counts keep it in a column of its own so summaries show it.
-- Earlier runs keep what they stored: their accepted risks stay counted as not applicable.
ALTER TABLE run_aggregate ADD COLUMN suppressed INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE run_rollup ADD COLUMN suppressed INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE run_total ADD COLUMN suppressed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE run_ou_total ADD COLUMN suppressed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE run_check_total ADD COLUMN suppressed BIGINT DEFAULT 0 NOT NULL;
