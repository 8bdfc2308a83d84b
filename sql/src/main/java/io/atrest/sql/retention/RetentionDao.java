package io.atrest.sql.retention;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of retention: delete what ended before the first kept run, and clamp what
 * reaches past it to start there.
 */
interface RetentionDao {

    @SqlQuery("SELECT MIN(id) FROM scan_run WHERE started_at >= :cutoff")
    Optional<Long> firstRunFrom(@Bind("cutoff") Instant cutoff);

    @SqlQuery("SELECT MAX(id) FROM scan_run")
    Optional<Long> newestRun();

    /** Intervals of one of {@link Retention#INTERVALS}' tables that ended before {@code keep}. */
    @SqlUpdate("DELETE FROM <table> WHERE last_run_id IS NOT NULL AND last_run_id < :keep")
    int pruneIntervals(@Define("table") String table, @Bind("keep") long firstKept);

    /** Rows of one of {@link Retention#INTERVALS}' or {@link Retention#CLAMPED}'s tables that began before {@code keep} now begin there. */
    @SqlUpdate("UPDATE <table> SET first_run_id = :keep WHERE first_run_id < :keep")
    int clamp(@Define("table") String table, @Bind("keep") long firstKept);

    @SqlUpdate("DELETE FROM remediation WHERE resolved_run_id < :keep")
    int pruneRemediations(@Bind("keep") long firstKept);

    @SqlUpdate("""
            DELETE FROM resource WHERE last_run_id IS NOT NULL AND last_run_id < :keep
              AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.resource_id = resource.id)
              AND NOT EXISTS (SELECT 1 FROM resource_state s WHERE s.resource_id = resource.id)""")
    int pruneResources(@Bind("keep") long firstKept);

    /** Rows of one of {@link Retention#PER_RUN}'s tables that belong to runs before {@code keep}. */
    @SqlUpdate("DELETE FROM <table> WHERE run_id < :keep")
    int prunePerRun(@Define("table") String table, @Bind("keep") long firstKept);

    @SqlUpdate("DELETE FROM scan_run WHERE id < :keep")
    int pruneRuns(@Bind("keep") long firstKept);
}
