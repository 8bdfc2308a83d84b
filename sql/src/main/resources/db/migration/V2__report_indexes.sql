-- atrest history, version 2: what the management report reads.
--
-- New failures per day count the distinct (resource, check, failing_since) triples that began in
-- the report's window; without this index that is a scan of every finding state ever stored.
CREATE INDEX finding_failing_since ON finding (failing_since);
