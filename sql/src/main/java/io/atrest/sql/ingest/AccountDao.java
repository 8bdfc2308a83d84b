package io.atrest.sql.ingest;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An account's rows as ingest writes them: the account, its state intervals, its part of a run. */
interface AccountDao {

    record StateRow(long id, String name, String email, String ouPath, String tags) {}

    @SqlQuery("SELECT last_run_id FROM account WHERE id = :id")
    Optional<Long> accountLastRun(@Bind("id") String accountId);

    @SqlUpdate("""
            INSERT INTO account (id, name, email, ou_path, tags, first_run_id, last_run_id)
            VALUES (:id, :name, :email, :ouPath, :tags, :run, :run)""")
    void insertAccount(@Bind("id") String id, @Bind("name") String name, @Bind("email") String email,
                       @Bind("ouPath") String ouPath, @Bind("tags") String tags, @Bind("run") long run);

    @SqlUpdate("""
            UPDATE account SET name = :name, email = :email, ou_path = :ouPath, tags = :tags, last_run_id = :run
            WHERE id = :id""")
    void updateAccount(@Bind("id") String id, @Bind("name") String name, @Bind("email") String email,
                       @Bind("ouPath") String ouPath, @Bind("tags") String tags, @Bind("run") long run);

    @SqlQuery("SELECT id, name, email, ou_path, tags FROM account_state WHERE account_id = :id AND last_run_id IS NULL")
    @RegisterConstructorMapper(StateRow.class)
    Optional<StateRow> currentAccountState(@Bind("id") String accountId);

    @SqlUpdate("UPDATE account_state SET last_run_id = :last WHERE id = :id")
    void closeAccountState(@Bind("id") long id, @Bind("last") long lastRunId);

    @SqlUpdate("""
            INSERT INTO account_state (account_id, name, email, ou_path, tags, first_run_id)
            VALUES (:id, :name, :email, :ouPath, :tags, :run)""")
    void insertAccountState(@Bind("id") String id, @Bind("name") String name, @Bind("email") String email,
                            @Bind("ouPath") String ouPath, @Bind("tags") String tags, @Bind("run") long run);

    @SqlUpdate("""
            INSERT INTO run_account (run_id, account_id, ou_path, status, regions, collection_errors, score, coverage, message)
            VALUES (:run, :account, :ouPath, :status, :regions, :errors, :score, :coverage, :message)""")
    void insertRunAccount(@Bind("run") long run, @Bind("account") String account, @Bind("ouPath") String ouPath,
                          @Bind("status") String status, @Bind("regions") String regions, @Bind("errors") int errors,
                          @Bind("score") Double score, @Bind("coverage") Double coverage, @Bind("message") String message);
}
