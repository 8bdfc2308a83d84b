package io.atrest.sql.errors;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The statements of {@link RunErrors}. */
interface CollectionErrorDao {

    @SqlBatch("""
            INSERT INTO collection_error (run_id, account_id, region, service, operation, reason, error_code, message,
                                          resource, denied_by)
            VALUES (:run, :e.accountId, :e.region, :e.service, :e.operation, :e.reason, :e.errorCode, :e.message,
                    :e.resource, :e.deniedBy)""")
    void insert(@Bind("run") long runId, @BindMethods("e") List<StoredError> errors);

    @SqlQuery("""
            SELECT account_id, region, service, operation, reason, error_code, message, resource, denied_by
            FROM collection_error WHERE run_id = :run
            ORDER BY account_id NULLS FIRST, region NULLS FIRST, service, operation, resource NULLS FIRST, id""")
    @RegisterConstructorMapper(StoredError.class)
    List<StoredError> ofRun(@Bind("run") long runId);

    @SqlQuery("""
            SELECT account_id, region, service, operation, error_code, COUNT(*) AS calls
            FROM collection_error WHERE run_id = :run
            GROUP BY account_id, region, service, operation, error_code
            ORDER BY COUNT(*) DESC, account_id NULLS FIRST, region NULLS FIRST, service, operation, error_code""")
    @RegisterConstructorMapper(ErrorGroup.class)
    List<ErrorGroup> groups(@Bind("run") long runId);

}
