package io.atrest.sql.query;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The accounts a stored run covered, with their names, OUs and tags as they were in that run. */
interface KnownAccountDao {

    /** One account of a run, as its state stood then. */
    record Row(String accountId, String name, String email, String ouPath, String tags) {}

    @SqlQuery("""
            SELECT ra.account_id, s.name, s.email, s.ou_path, s.tags
            FROM run_account ra
            JOIN account_state s ON s.account_id = ra.account_id
                AND s.first_run_id <= ra.run_id AND (s.last_run_id IS NULL OR s.last_run_id >= ra.run_id)
            WHERE ra.run_id = :run
            ORDER BY ra.account_id""")
    @RegisterConstructorMapper(Row.class)
    List<Row> accountsOf(@Bind("run") long runId);
}
