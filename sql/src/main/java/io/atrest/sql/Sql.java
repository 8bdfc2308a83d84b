package io.atrest.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jdbi.v3.core.JdbiException;

/**
 * What every room of the history store shares: one way to run database work and name its
 * failure, IN lists bound a hundred ids at a time, and the JSON text of map columns.
 */
public final class Sql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    /**
     * Ids bound per IN list. H2 rechecks every row it fetches against a bound IN list one value
     * at a time, so each row costs the list's length: short lists, more statements.
     */
    private static final int IN_BATCH = 100;

    private Sql() {}

    /** Runs database work; a failure becomes a {@link HistoryException} whose message is its first line. */
    public static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (JdbiException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            throw new HistoryException("database error: " + firstLine(String.valueOf(cause.getMessage())), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HistoryException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} that returns nothing. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code query} over {@code ids} a hundred at a time and returns every row it answered. */
    public static <T> List<T> inBatches(List<Long> ids, Function<List<Long>, List<T>> query) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            rows.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + IN_BATCH))));
        }
        return rows;
    }

    /** A map column's text: JSON, keys in the map's order. */
    public static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A map column read back; text that is not a JSON object reads as {"unreadable": text}. */
    public static Map<String, String> parse(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    /** Text cut to a column's width, ending with an ellipsis when it was cut. */
    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
