package io.atrest.sql;

import java.util.List;

/**
 * Every table of the history, declared once with how retention treats it, so that a new table
 * cannot be forgotten by {@code prune} ({@code HistoryStoreTest} compares this with the schema).
 */
final class Retention {
    private Retention() {}

    /**
     * Rows that belong to one run ({@code run_id}): deleted with their run, in this order (rows
     * that point at run_account before it), before scan_run itself.
     */
    static final List<String> PER_RUN = List.of(
            "run_aggregate", "run_rollup", "run_not_evaluated", "run_remediated", "run_total", "run_ou_total",
            "run_check_total", "run_new_failures", "run_work", "run_part", "collection_error", "run_account");

    /**
     * Tables retention treats by hand ({@code HistoryStore.prune}): intervals of state kept whole
     * while they reach past the cut (clamped to the first kept run), fixes by the run that resolved
     * them, the runs themselves.
     */
    static final List<String> BY_HAND = List.of(
            "finding", "resource_state", "account_state", "remediation", "resource", "account", "scan_run");

    /** Tables that hold no run's rows: each resource's current states (rewritten by ingest), and the tools' own. */
    static final List<String> NOT_RUN_SCOPED = List.of("resource_open_states", "flyway_schema_history");

    /** Quartz's tables (its clustered job store) all begin so; they hold jobs, not history. */
    static final String QUARTZ_PREFIX = "qrtz_";
}
