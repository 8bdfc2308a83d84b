package io.atrest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows with named columns, rendered three ways: an aligned table for people, JSON (an array of
 * objects keyed by column name) and CSV (RFC 4180) for machines.
 */
public final class Table {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How a table is written. */
    public enum Format { table, json, csv }

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(String... columns) {
        this.columns = List.of(columns);
    }

    public Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        rows.add(java.util.Arrays.asList(values));
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String render(Format format) {
        return switch (format) {
            case table -> text();
            case json -> json();
            case csv -> csv();
        };
    }

    private String text() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            for (List<Object> row : rows) {
                widths[c] = Math.max(widths[c], cell(row.get(c)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, new ArrayList<>(columns), widths);
        for (List<Object> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<?> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < values.size(); c++) {
            String text = cell(values.get(c));
            line.append(text);
            if (c < values.size() - 1) {
                line.append(" ".repeat(widths[c] - text.length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private String json() {
        ArrayNode array = JSON.createArrayNode();
        for (List<Object> row : rows) {
            ObjectNode object = array.addObject();
            for (int c = 0; c < columns.size(); c++) {
                object.set(columns.get(c), JSON.valueToTree(row.get(c) instanceof java.time.temporal.Temporal t ? t.toString() : row.get(c)));
            }
        }
        try {
            return JSON.writeValueAsString(array) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String csv() {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(new ArrayList<>(columns)));
        for (List<Object> row : rows) {
            out.append(csvLine(row));
        }
        return out.toString();
    }

    private static String csvLine(List<?> values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            String text = value == null ? "" : value.toString();
            // Account names, tags and messages come from the scanned accounts: a cell a spreadsheet
            // would run as a formula (=, +, -, @, tab, carriage return first) is made text (OWASP).
            if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
            cells.add(quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }
        return String.join(",", cells) + "\r\n";
    }

    private static String cell(Object value) {
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.1f", d);
        }
        // A terminal runs escape sequences: text from the scanned accounts is shown, not obeyed.
        return Objects.toString(value, "-").replaceAll("[\\p{Cntrl}&&[^\\t]]", "?").replace('\t', ' ');
    }
}
