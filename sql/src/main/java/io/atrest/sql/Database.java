package io.atrest.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A connection to the history database: an H2 file (embedded, the default) or PostgreSQL.
 * For H2 one connection stays open for the store's life, which keeps the database open and
 * holds H2's file lock, so a second process is refused instead of racing.
 */
final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final Connection keeper;

    private Database(DataSource dataSource, Connection keeper) {
        this.dataSource = dataSource;
        this.keeper = keeper;
    }

    static Database connect(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new HistoryException("no database URL given");
        }
        DataSource dataSource;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            createFolder(jdbcUrl);
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            dataSource = h2;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            try {
                pg.setURL(jdbcUrl);
            } catch (IllegalArgumentException e) {
                throw new HistoryException("malformed PostgreSQL URL " + redact(jdbcUrl) + ": " + e.getMessage(), e);
            }
            dataSource = pg;
        } else {
            throw new HistoryException("unsupported database URL " + redact(jdbcUrl)
                    + ": use jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB");
        }
        try {
            Connection keeper = dataSource.getConnection();
            return new Database(dataSource, keeper);
        } catch (SQLException e) {
            throw new HistoryException(explain(jdbcUrl, e), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
    }

    /** A URL fit for messages: without a password parameter. */
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void createFolder(String jdbcUrl) {
        // jdbc:h2:file:./atrest-data/atrest;OPTIONS or jdbc:h2:./path
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        Path parent = Path.of(path.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new HistoryException("cannot create the data folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private static String explain(String jdbcUrl, SQLException e) {
        String url = redact(jdbcUrl);
        String first = String.valueOf(e.getMessage()).split("\n", 2)[0];
        if (e.getErrorCode() == 90020) { // H2 DATABASE_ALREADY_OPEN
            return "database " + url + " is in use by another atrest process; wait for it to finish";
        }
        if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState())) {
            return "cannot connect to database " + url + ": " + first;
        }
        return "cannot open database " + url + ": " + first;
    }
}
