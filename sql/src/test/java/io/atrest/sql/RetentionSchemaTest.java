package io.atrest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.sql.retention.Retention;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention declares every table of the migrated schema exactly once: a new table cannot be forgotten by prune. */
class RetentionSchemaTest {
    @TempDir
    Path dir;

    @Test
    void everyTableOfTheSchemaIsDeclaredOnceOnH2AndPostgres() throws Exception {
        List<String> declared = new ArrayList<>();
        declared.addAll(Retention.PER_RUN);
        declared.addAll(Retention.INTERVALS);
        declared.addAll(Retention.CLAMPED);
        declared.addAll(Retention.BY_HAND);
        declared.addAll(Retention.NOT_RUN_SCOPED);
        assertThat(declared).as("each table in one list only").doesNotHaveDuplicates();

        String pg = Databases.freshPostgresSchema();
        try {
            for (String url : List.of(Databases.h2(dir), pg)) {
                try (HistoryStore store = HistoryStore.open(url)) {
                    assertThat(url).isNotNull();
                }
                TreeSet<String> tables = tables(url);
                assertThat(tables).as("history tables of " + url).containsExactlyInAnyOrderElementsOf(declared);
            }
        } finally {
            Databases.dropPostgresSchema(pg);
        }
    }

    /** The schema's tables, Quartz's own left out (they hold jobs, not history). */
    private static TreeSet<String> tables(String url) throws Exception {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith(Retention.QUARTZ_PREFIX)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }
}
