-- atrest history, version 5: what ingest and the management report read, kept small.
--
-- resource_open_states: the current finding states of each resource, one row per resource, so
-- the nightly ingest of a changed resource reads one short row instead of every state the
-- resource ever had, scattered through the finding table. One entry per current finding,
-- entries separated by '|', fields by ',':
--   check_id,finding_id,state_hash,outcome,failing_since (epoch microseconds, empty when none)
-- Check ids are atrest's own ([a-z0-9-]), so they never hold a separator.
CREATE TABLE resource_open_states (
    resource_id BIGINT          NOT NULL PRIMARY KEY REFERENCES resource (id),
    states      VARCHAR(1000000) NOT NULL
);

INSERT INTO resource_open_states (resource_id, states)
SELECT resource_id,
       STRING_AGG(check_id || ',' || CAST(id AS VARCHAR(20)) || ',' || CAST(state_hash AS VARCHAR(20)) || ',' || outcome || ','
                  || COALESCE(CAST(CAST(EXTRACT(EPOCH FROM failing_since) * 1000000 AS BIGINT) AS VARCHAR(20)), ''),
                  '|' ORDER BY check_id)
FROM finding
WHERE last_run_id IS NULL
GROUP BY resource_id;

-- Why findings could not be evaluated, counted per run when the run stores each account; the
-- report's coverage appendix reads these instead of every NOT_EVALUATED finding.
CREATE TABLE run_not_evaluated (
    run_id           BIGINT      NOT NULL REFERENCES scan_run (id),
    account_id       VARCHAR(12) NOT NULL,
    check_id         VARCHAR(64) NOT NULL,
    reason           VARCHAR(20),
    failed_operation VARCHAR(128),
    findings         INTEGER     NOT NULL
);
CREATE INDEX run_not_evaluated_run ON run_not_evaluated (run_id);

INSERT INTO run_not_evaluated (run_id, account_id, check_id, reason, failed_operation, findings)
SELECT ra.run_id, f.account_id, f.check_id, f.reason, f.failed_operation, COUNT(*)
FROM finding f
JOIN run_account ra ON ra.account_id = f.account_id AND ra.status <> 'FAILED'
                   AND ra.run_id >= f.first_run_id AND (f.last_run_id IS NULL OR ra.run_id <= f.last_run_id)
WHERE f.outcome = 'NOT_EVALUATED'
GROUP BY ra.run_id, f.account_id, f.check_id, f.reason, f.failed_operation;

-- Failing streaks that began in each run (new or regressed findings), per account: the weekly
-- "new" bars. A streak begins in the run whose start is its failing_since.
CREATE TABLE run_new_failures (
    run_id     BIGINT      NOT NULL REFERENCES scan_run (id),
    account_id VARCHAR(12) NOT NULL,
    findings   INTEGER     NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

INSERT INTO run_new_failures (run_id, account_id, findings)
SELECT f.first_run_id, f.account_id, COUNT(*)
FROM finding f JOIN scan_run s ON s.id = f.first_run_id
WHERE f.failing_since = s.started_at
GROUP BY f.first_run_id, f.account_id;

-- Nothing reads finding by failing_since any more; the index only cost ingest time and space.
DROP INDEX finding_failing_since;
