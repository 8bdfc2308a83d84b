package io.atrest.sql.ingest;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The counts an account adds to its run, which trends and reports read instead of the findings. */
interface RunCountDao {

    record Aggregate(long runId, String accountId, String ouPath, String checkId, String severity, String classification,
                     int passed, int failed, int notApplicable, int notEvaluated, int suppressed) {}

    record RemediatedCount(long runId, String accountId, String severity, int findings, long secondsOpen) {}

    record NotEvaluatedCount(long runId, String accountId, String checkId, String reason, String failedOperation, int findings) {}

    @SqlBatch("""
            INSERT INTO run_aggregate (run_id, account_id, ou_path, check_id, severity, classification, passed, failed,
                                       not_applicable, not_evaluated, suppressed)
            VALUES (:runId, :accountId, :ouPath, :checkId, :severity, :classification, :passed, :failed,
                    :notApplicable, :notEvaluated, :suppressed)""")
    void insertAggregates(@BindMethods List<Aggregate> rows);

    @SqlBatch("""
            INSERT INTO run_rollup (run_id, account_id, ou_path, severity, classification, passed, failed, not_applicable,
                                    not_evaluated, suppressed)
            VALUES (:runId, :accountId, :ouPath, :severity, :classification, :passed, :failed, :notApplicable, :notEvaluated,
                    :suppressed)""")
    void insertRollups(@BindMethods List<Aggregate> rows);

    @SqlBatch("""
            INSERT INTO run_not_evaluated (run_id, account_id, check_id, reason, failed_operation, findings)
            VALUES (:runId, :accountId, :checkId, :reason, :failedOperation, :findings)""")
    void insertNotEvaluated(@BindMethods List<NotEvaluatedCount> rows);

    @SqlBatch("""
            INSERT INTO run_remediated (run_id, account_id, severity, findings, seconds_open)
            VALUES (:runId, :accountId, :severity, :findings, :secondsOpen)""")
    void insertRemediated(@BindMethods List<RemediatedCount> rows);

    @SqlUpdate("INSERT INTO run_new_failures (run_id, account_id, findings) VALUES (:run, :account, :findings)")
    void insertNewFailures(@Bind("run") long runId, @Bind("account") String accountId, @Bind("findings") int findings);
}
