-- atrest history, version 8: a quick digest of each resource's findings.
--
-- Every night each resource's findings are checked for a change before anything is read or
-- written. That check hashed every finding with SHA-256 (the state hash the stored states are
-- compared by): about a million hashes a night in a large organization, most of a cold
-- process's ingest. The quick digest is a 64-bit non-cryptographic digest of the same fields:
-- when it has not moved, the resource is skipped without any SHA-256; when it has, the state
-- hashes are computed and compared as before. Left empty here: the first night after this
-- migration compares every resource by its state digest, as before, and fills it in.
ALTER TABLE resource ADD COLUMN quick_digest BIGINT;
