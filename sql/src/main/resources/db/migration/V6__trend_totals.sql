-- atrest history, version 6: trends that read a few rows per run.
--
-- A year of run_rollup holds runs x accounts x severities x classifications rows (about 300,000
-- for 50 accounts); the organization, classification and OU trends read all of them, and the
-- report's per-check series (keys at risk, protection by classification) read run_aggregate's
-- every account too. These tables hold the same counts without the account, written once when a
-- run closes (trends only show closed COMPLETE and PARTIAL runs): a few dozen rows per run.
CREATE TABLE run_total (
    run_id         BIGINT      NOT NULL REFERENCES scan_run (id),
    severity       VARCHAR(10) NOT NULL,
    classification VARCHAR(64) NOT NULL,                 -- '' when unknown
    passed         BIGINT      NOT NULL,
    failed         BIGINT      NOT NULL,
    not_applicable BIGINT      NOT NULL,
    not_evaluated  BIGINT      NOT NULL,
    PRIMARY KEY (run_id, severity, classification)
);

CREATE TABLE run_ou_total (
    run_id         BIGINT        NOT NULL REFERENCES scan_run (id),
    ou_path        VARCHAR(2000) NOT NULL,
    severity       VARCHAR(10)   NOT NULL,
    classification VARCHAR(64)   NOT NULL,
    passed         BIGINT        NOT NULL,
    failed         BIGINT        NOT NULL,
    not_applicable BIGINT        NOT NULL,
    not_evaluated  BIGINT        NOT NULL,
    PRIMARY KEY (run_id, ou_path, severity, classification)
);

CREATE TABLE run_check_total (
    run_id         BIGINT      NOT NULL REFERENCES scan_run (id),
    check_id       VARCHAR(64) NOT NULL,
    severity       VARCHAR(10) NOT NULL,
    classification VARCHAR(64) NOT NULL,
    passed         BIGINT      NOT NULL,
    failed         BIGINT      NOT NULL,
    not_applicable BIGINT      NOT NULL,
    not_evaluated  BIGINT      NOT NULL,
    PRIMARY KEY (run_id, check_id, severity, classification)
);

INSERT INTO run_total (run_id, severity, classification, passed, failed, not_applicable, not_evaluated)
SELECT a.run_id, a.severity, a.classification, SUM(a.passed), SUM(a.failed), SUM(a.not_applicable), SUM(a.not_evaluated)
FROM run_rollup a JOIN scan_run r ON r.id = a.run_id
WHERE r.status <> 'RUNNING'
GROUP BY a.run_id, a.severity, a.classification;

INSERT INTO run_ou_total (run_id, ou_path, severity, classification, passed, failed, not_applicable, not_evaluated)
SELECT a.run_id, a.ou_path, a.severity, a.classification, SUM(a.passed), SUM(a.failed), SUM(a.not_applicable), SUM(a.not_evaluated)
FROM run_rollup a JOIN scan_run r ON r.id = a.run_id
WHERE r.status <> 'RUNNING'
GROUP BY a.run_id, a.ou_path, a.severity, a.classification;

INSERT INTO run_check_total (run_id, check_id, severity, classification, passed, failed, not_applicable, not_evaluated)
SELECT a.run_id, a.check_id, a.severity, a.classification, SUM(a.passed), SUM(a.failed), SUM(a.not_applicable), SUM(a.not_evaluated)
FROM run_aggregate a JOIN scan_run r ON r.id = a.run_id
WHERE r.status <> 'RUNNING'
GROUP BY a.run_id, a.check_id, a.severity, a.classification;
