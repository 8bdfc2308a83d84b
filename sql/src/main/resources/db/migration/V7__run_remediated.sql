-- atrest history, version 7: fixes counted per run.
--
-- The management report's weekly "resolved" bars and mean time to remediate read every fix of
-- their window from remediation (thousands a night in a large organization). Each run now also
-- counts its fixes per account and severity, with the seconds they had been failing, when it
-- stores the account: the report adds up a few rows per run. remediation keeps the fixes one
-- by one for listings (atrest findings --resolved).
CREATE TABLE run_remediated (
    run_id       BIGINT      NOT NULL REFERENCES scan_run (id),
    account_id   VARCHAR(12) NOT NULL,
    severity     VARCHAR(10) NOT NULL,
    findings     INTEGER     NOT NULL,
    seconds_open BIGINT      NOT NULL,                   -- their seconds_open added up
    PRIMARY KEY (run_id, account_id, severity)
);

INSERT INTO run_remediated (run_id, account_id, severity, findings, seconds_open)
SELECT resolved_run_id, account_id, severity, COUNT(*), SUM(seconds_open)
FROM remediation
GROUP BY resolved_run_id, account_id, severity;
