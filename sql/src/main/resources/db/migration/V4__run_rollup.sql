-- atrest history, version 4: the trends' own table.
--
-- run_rollup holds run_aggregate's counts without the check dimension: one row per run, account,
-- severity and classification (about a fifth of run_aggregate's rows with twenty checks). Score
-- and coverage trends over a year read it instead of run_aggregate; reports that need the
-- check (top failing checks, protection by classification) keep reading run_aggregate.
CREATE TABLE run_rollup (
    run_id         BIGINT        NOT NULL REFERENCES scan_run (id),
    account_id     VARCHAR(12)   NOT NULL,
    ou_path        VARCHAR(2000) NOT NULL,
    severity       VARCHAR(10)   NOT NULL,
    classification VARCHAR(64)   NOT NULL,               -- '' when unknown
    passed         INTEGER       NOT NULL,
    failed         INTEGER       NOT NULL,
    not_applicable INTEGER       NOT NULL,
    not_evaluated  INTEGER       NOT NULL,
    PRIMARY KEY (run_id, account_id, severity, classification)
);
-- One account's trend reads its own rows, not every account's.
CREATE INDEX run_rollup_account ON run_rollup (account_id, run_id);

INSERT INTO run_rollup (run_id, account_id, ou_path, severity, classification, passed, failed, not_applicable, not_evaluated)
SELECT run_id, account_id, MAX(ou_path), severity, classification, SUM(passed), SUM(failed), SUM(not_applicable), SUM(not_evaluated)
FROM run_aggregate
GROUP BY run_id, account_id, severity, classification;
