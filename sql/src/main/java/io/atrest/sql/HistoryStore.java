package io.atrest.sql;

import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.errors.RunErrors;
import io.atrest.sql.ingest.Ingest;
import io.atrest.sql.query.HistoryQueries;
import io.atrest.sql.retention.Retention;
import io.atrest.sql.run.RunLog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The history of scans, in an H2 file or a PostgreSQL database. The store opens and migrates
 * the database, holds its writer lock, and hands out its rooms, one per job: the {@link RunLog}
 * (start, plan, finish, discard runs), {@link Ingest} (store an account's part of a run),
 * {@link HistoryQueries} (everything the history answers), {@link Retention} (prune), and the
 * runs several scheduler nodes share ({@link ClusterRuns}) with the calls each run could not make
 * ({@link RunErrors}).
 */
public final class HistoryStore implements AutoCloseable {
    private final Database database;
    private final Migration migration;
    private final RunLog runLog;
    private final Ingest ingest;
    private final HistoryQueries queries;
    private final Retention retention;
    private final ClusterRuns clusterRuns;
    private final RunErrors runErrors;

    private HistoryStore(Database database, Migration migration) {
        this.database = database;
        this.migration = migration;
        Jdbi jdbi = Jdbi.create(database.dataSource()).installPlugin(new SqlObjectPlugin());
        this.runLog = new RunLog(jdbi, database);
        this.ingest = new Ingest(jdbi);
        this.queries = new HistoryQueries(jdbi);
        this.retention = new Retention(jdbi, database);
        this.clusterRuns = new ClusterRuns(jdbi, database);
        this.runErrors = new RunErrors(jdbi, database);
    }

    /**
     * Opens (creating where needed) and migrates the database at {@code jdbcUrl}. Runs left
     * RUNNING by a process that died are marked ABANDONED here, when no scan holds the writer lock.
     */
    public static HistoryStore open(String jdbcUrl) {
        return migrated(Database.connect(jdbcUrl), jdbcUrl, database -> { });
    }

    /**
     * Opens a database that already holds atrest's history, for commands that only read it: a
     * missing H2 file, an in-memory URL or a PostgreSQL database without atrest's tables is a
     * {@link HistoryException} naming it (and {@code hint}, the likely fix), and nothing is
     * created. An older schema is migrated, as {@link #open} does.
     */
    public static HistoryStore openExisting(String jdbcUrl, String hint) {
        Database.requireExisting(jdbcUrl, hint);
        return migrated(Database.connect(jdbcUrl), jdbcUrl, database -> {
            if (!hasHistory(database)) {
                throw new HistoryException("no atrest history in " + Database.redact(jdbcUrl) + " (its tables do not exist)"
                        + (hint == null ? "" : "; " + hint));
            }
        });
    }

    /**
     * Refuses a database that fails {@code check}, migrates it and marks dead runs ABANDONED.
     * Closes the database when anything fails.
     */
    private static HistoryStore migrated(Database database, String jdbcUrl, Consumer<Database> check) {
        try {
            check.accept(database);
            HistoryStore store = new HistoryStore(database, migrate(database.dataSource(), jdbcUrl));
            store.runLog.abandonDeadRuns();
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Whether atrest's migrations ever ran here (Flyway's table), in the connection's schema. */
    private static boolean hasHistory(Database database) {
        try (Connection c = database.dataSource().getConnection();
             ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
                    return true;
                }
            }
            return false;
        } catch (java.sql.SQLException e) {
            throw new HistoryException("cannot read database " + Database.redact(database.url()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * What opening did to the schema: {@code from} null for a database created now, {@code applied}
     * 0 when it was up to date.
     */
    public record Migration(String from, String to, int applied) {}

    private static Migration migrate(DataSource dataSource, String jdbcUrl) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Migration(result.initialSchemaVersion, result.targetSchemaVersion == null ? result.initialSchemaVersion
                    : result.targetSchemaVersion, result.migrationsExecuted);
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("not resolved locally") || message.contains("newer than")) {
                throw new HistoryException("database " + Database.redact(jdbcUrl)
                        + " has a newer schema than this atrest knows: upgrade atrest", e);
            }
            throw new HistoryException("cannot migrate database " + Database.redact(jdbcUrl) + ": " + Sql.firstLine(message), e);
        }
    }

    /** What opening did to the schema (for {@code atrest db migrate}). */
    public Migration migration() {
        return migration;
    }

    /** Starting, planning, finishing and reading runs. */
    public RunLog runLog() {
        return runLog;
    }

    /** Storing an account's part of a run. */
    public Ingest ingest() {
        return ingest;
    }

    /** Everything the history answers. */
    public HistoryQueries queries() {
        return queries;
    }

    /** Deleting old runs. */
    public Retention retention() {
        return retention;
    }

    /** The runs that several scheduler nodes share, account by account ({@code atrest schedule --cluster}). */
    public ClusterRuns clusterRuns() {
        return clusterRuns;
    }

    /** The calls each run could not make. */
    public RunErrors runErrors() {
        return runErrors;
    }

    /**
     * Lets go of an H2 file while a scan collects and has nothing to write, keeping the writer
     * lock: other processes can read the history meanwhile, and no other scan can start.
     * {@link #resumeWriting} before writing again (every writing method needs it). Nothing for
     * PostgreSQL, which any number of processes read at once.
     */
    public void pauseWriting() {
        database.letGo();
    }

    /** Takes the H2 file back after {@link #pauseWriting}, waiting up to a minute for a reader to finish with it. */
    public void resumeWriting() {
        database.takeBack(Duration.ofMinutes(1));
    }

    /** The JDBC URL this store was opened with. */
    public String url() {
        return database.url();
    }

    @Override
    public void close() {
        database.release();
        database.close();
    }
}
