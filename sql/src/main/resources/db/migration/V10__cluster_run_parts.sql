-- atrest history, version 10: a clustered run's inventory, shared by its nodes until it closes.
--
-- A clustered run walks the organization once (the 'organization' part: its accounts with their
-- OU paths and tags, its SCPs, the walk's failed calls); each account job collects its account
-- against that walk and leaves the account's part here. Once every account is collected, the
-- run's keeper evaluates all of them against the whole organization, as a single node does, so
-- facts that span accounts (a store under another account's key) are seen from both sides. The
-- parts are deleted when the run closes.
CREATE TABLE run_part (
    run_id       BIGINT         NOT NULL REFERENCES scan_run (id),
    part         VARCHAR(20)    NOT NULL,                -- 'organization', or the account id
    scan_status  VARCHAR(20),                            -- an account's collection: COMPLETE, PARTIAL, FAILED
    regions      VARCHAR(4000),                          -- the regions it scanned, comma-separated
    errors       INTEGER,
    message      VARCHAR(4000),
    document     BYTEA          NOT NULL,                -- the inventory part as gzipped JSON
    PRIMARY KEY (run_id, part)
);
