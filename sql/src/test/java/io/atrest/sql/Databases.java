package io.atrest.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases tests run against: a fresh H2 file, and a fresh schema on the PostgreSQL that
 * the machine (and CI) runs on 127.0.0.1:5432. Set ATREST_TEST_PG_URL to use another server.
 */
final class Databases {
    static final String PG_URL = System.getenv().getOrDefault("ATREST_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Databases() {}

    static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("atrest").toAbsolutePath();
    }

    /** Creates an empty schema and returns a URL whose connections use it. */
    static String freshPostgresSchema() {
        String schema = "atrest_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for this test at " + PG_URL
                    + " (start it, or set ATREST_TEST_PG_URL): " + e.getMessage(), e);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropPostgresSchema(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
