package io.atrest.sql.ingest;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Finding state intervals as ingest writes them, and the fixes that end a failing streak. */
interface FindingStateDao {

    /** A finding state to open: one row of {@code finding}. */
    record NewState(long resourceId, String accountId, String checkId, String severity, String outcome, String reason,
                    String failedOperation, String classification, String message, String evidence, long stateHash,
                    Instant failingSince, long runId, long quick) {}

    /** What a fix records: the failing streak that ended, and how long it lasted. */
    record Fix(String accountId, long resourceId, String checkId, String severity, String classification,
               Instant failingSince, long resolvedRunId, Instant resolvedAt, long secondsOpen) {}

    /** The labels a fix of a state no longer reported is counted with. */
    record Labels(long id, String severity, String classification) {}

    @SqlQuery("SELECT id, severity, classification FROM finding WHERE id IN (<ids>)")
    @RegisterConstructorMapper(Labels.class)
    List<Labels> labelsOf(@BindList("ids") List<Long> findingIds);

    @SqlBatch("UPDATE finding SET last_run_id = :last WHERE id = :id")
    void closeFindings(@Bind("last") long lastRunId, @Bind("id") List<Long> ids);

    @SqlBatch("""
            INSERT INTO finding (resource_id, account_id, check_id, severity, outcome, reason, failed_operation,
                                 classification, message, evidence, state_hash, failing_since, first_run_id)
            VALUES (:resourceId, :accountId, :checkId, :severity, :outcome, :reason, :failedOperation,
                    :classification, :message, :evidence, :stateHash, :failingSince, :runId)""")
    @GetGeneratedKeys("id")
    long[] insertFindings(@BindMethods List<NewState> rows);

    @SqlBatch("""
            INSERT INTO remediation (account_id, resource_id, check_id, severity, classification, failing_since,
                                     resolved_run_id, resolved_at, seconds_open)
            VALUES (:accountId, :resourceId, :checkId, :severity, :classification, :failingSince, :resolvedRunId,
                    :resolvedAt, :secondsOpen)""")
    void insertRemediations(@BindMethods List<Fix> rows);
}
