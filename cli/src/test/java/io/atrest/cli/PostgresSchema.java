package io.atrest.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on the PostgreSQL that the machine (and CI) runs on 127.0.0.1:5432, dropped
 * after the test. Set ATREST_TEST_PG_URL to use another server.
 */
public final class PostgresSchema implements AutoCloseable {
    private static final String SERVER = System.getenv().getOrDefault("ATREST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String name;
    public final String url;

    public PostgresSchema(String prefix) throws SQLException {
        name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
