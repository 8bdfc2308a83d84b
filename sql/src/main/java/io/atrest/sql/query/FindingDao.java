package io.atrest.sql.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Finding states and resources as queries read them: a run's findings, its failures, what changed between two runs. */
interface FindingDao {

    /** A finding state with its resource, as every finding query returns it. */
    record FindingRow(String checkId, String severity, String outcome, String reason, String failedOperation,
                      String resourceArn, String resourceType, String resourceName, String accountId, String region,
                      String classification, String message, String evidence, long firstRunId, Long lastRunId,
                      Instant failingSince) {}

    /** A finding state as the diff compares it. */
    record StateRow(long resourceId, String accountId, String checkId, String severity, String outcome, String classification,
                    String message, long firstRunId, Long lastRunId) {

        boolean covers(long run) {
            return firstRunId <= run && (lastRunId == null || lastRunId >= run);
        }
    }

    record ResourceName(long id, String arn, String resourceType, String region) {}

    record ResourceAtRow(String arn, String resourceType, String accountId, String region, String name, String attributes) {}

    record AttributeRow(long id, long resourceId, String attributes, long firstRunId, Long lastRunId) {}

    String FINDING_COLUMNS = """
            f.check_id, f.severity, f.outcome, f.reason, f.failed_operation,
            r.arn AS resource_arn, r.resource_type, r.name AS resource_name, f.account_id, r.region,
            f.classification, f.message, f.evidence, f.first_run_id, f.last_run_id, f.failing_since""";

    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM finding f
            JOIN resource r ON r.id = f.resource_id
            JOIN run_account ra ON ra.run_id = :run AND ra.account_id = f.account_id
            WHERE f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY f.account_id, r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findings(@Bind("run") long runId);

    /** The same, one row at a time (fetched in pages, never all in memory): what exports stream. */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM finding f
            JOIN resource r ON r.id = f.resource_id
            JOIN run_account ra ON ra.run_id = :run AND ra.account_id = f.account_id
            WHERE f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY f.account_id, r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    @org.jdbi.v3.sqlobject.customizer.FetchSize(1000)
    java.util.stream.Stream<FindingRow> streamFindings(@Bind("run") long runId);

    /**
     * The findings of a run with one outcome, as they stood then: the failures (FAIL) open at that
     * moment, or the failures exemptions accepted (SUPPRESSED).
     */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM finding f
            JOIN resource r ON r.id = f.resource_id
            JOIN run_account ra ON ra.run_id = :run AND ra.account_id = f.account_id
            WHERE f.outcome = :outcome AND f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY f.account_id, r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findingsWithOutcome(@Bind("run") long runId, @Bind("outcome") String outcome);

    /** The findings of one account in a run with one outcome, reached through the account's resources. */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM resource r JOIN finding f ON f.resource_id = r.id
            WHERE r.account_id = :account AND f.outcome = :outcome
              AND f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)
            ORDER BY r.arn, f.check_id""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findingsOfAccountWithOutcome(@Bind("run") long runId, @Bind("account") String accountId,
                                                  @Bind("outcome") String outcome);

    /** The failing findings of one check on resources of one type in a run (KMS keys at risk, say). */
    @SqlQuery("SELECT " + FINDING_COLUMNS + """
             FROM resource r JOIN finding f ON f.resource_id = r.id
            WHERE r.resource_type = :type AND f.check_id = :check AND f.outcome = 'FAIL'
              AND f.first_run_id <= :run AND (f.last_run_id IS NULL OR f.last_run_id >= :run)""")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> failingFindingsOfCheck(@Bind("run") long runId, @Bind("type") String resourceType, @Bind("check") String checkId);

    @SqlQuery("SELECT " + FINDING_COLUMNS + " FROM finding f JOIN resource r ON r.id = f.resource_id WHERE f.id IN (<ids>)")
    @RegisterConstructorMapper(FindingRow.class)
    List<FindingRow> findingsById(@BindList("ids") List<Long> findingIds);

    /**
     * Finding states that began after run a, up to run b: one range of finding_first_run. The
     * finding table alone: joined to resource, H2 scans every resource and its findings instead.
     */
    @SqlQuery("""
            SELECT resource_id, account_id, check_id, severity, outcome, classification, message, first_run_id, last_run_id
            FROM finding WHERE first_run_id > :a AND first_run_id <= :b""")
    @RegisterConstructorMapper(StateRow.class)
    List<StateRow> statesBegunBetween(@Bind("a") long a, @Bind("b") long b);

    /** Finding states that ended from run a on, before run b: one range of finding_last_run. */
    @SqlQuery("""
            SELECT resource_id, account_id, check_id, severity, outcome, classification, message, first_run_id, last_run_id
            FROM finding WHERE last_run_id >= :a AND last_run_id < :b""")
    @RegisterConstructorMapper(StateRow.class)
    List<StateRow> statesEndedBetween(@Bind("a") long a, @Bind("b") long b);

    /** The first run in which the finding failed or was accepted failing: an exemption that expires is a regression. */
    @SqlQuery("SELECT MIN(first_run_id) FROM finding WHERE resource_id = :resource AND check_id = :check AND outcome IN ('FAIL', 'SUPPRESSED')")
    Optional<Long> firstFailureOrAcceptance(@Bind("resource") long resourceId, @Bind("check") String checkId);

    @SqlQuery("SELECT id, arn, resource_type, region FROM resource WHERE id IN (<ids>)")
    @RegisterConstructorMapper(ResourceName.class)
    List<ResourceName> resourcesById(@BindList("ids") List<Long> ids);

    @SqlQuery("SELECT id FROM resource WHERE resource_type = :type ORDER BY id")
    List<Long> resourcesOfType(@Bind("type") String resourceType);

    /** Resources of the run's accounts present in the run, with their attributes as they stood then. */
    @SqlQuery("""
            SELECT r.arn, r.resource_type, r.account_id, r.region, r.name, s.attributes
            FROM resource_state s JOIN resource r ON r.id = s.resource_id
            WHERE s.first_run_id <= :run AND (s.last_run_id IS NULL OR s.last_run_id >= :run)
              AND r.first_run_id <= :run AND (r.last_run_id IS NULL OR r.last_run_id >= :run)
              AND r.account_id IN (SELECT account_id FROM run_account WHERE run_id = :run)
            ORDER BY r.arn""")
    @RegisterConstructorMapper(ResourceAtRow.class)
    List<ResourceAtRow> resourcesAt(@Bind("run") long runId);

    @SqlQuery("""
            SELECT s.id, s.resource_id, s.attributes, s.first_run_id, s.last_run_id
            FROM resource_state s JOIN resource r ON r.id = s.resource_id
            WHERE r.arn = :arn ORDER BY s.first_run_id""")
    @RegisterConstructorMapper(AttributeRow.class)
    List<AttributeRow> attributeHistory(@Bind("arn") String arn);

    @SqlQuery("SELECT COUNT(*) FROM finding")
    long findingStates();

    @SqlQuery("SELECT account_id FROM run_account WHERE run_id = :run")
    List<String> accountsOf(@Bind("run") long runId);

    @SqlQuery("SELECT COUNT(*) FROM scan_run WHERE id > :run")
    int runsAfter(@Bind("run") long runId);
}
