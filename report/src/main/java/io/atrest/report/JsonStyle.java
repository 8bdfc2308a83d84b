package io.atrest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.atrest.sql.ScanRun;

/**
 * The one style of atrest's own JSON (scan summaries, tables, the json export): snake_case keys,
 * numbers as numbers, instants as ISO-8601 text, coverage in percent (0-100) like scores. The
 * formats other tools define keep theirs (OCSF, ASFF).
 */
public final class JsonStyle {
    /** atrest's JSON mapper: snake_case, ISO-8601 instants, indented. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private JsonStyle() {}

    /** A run as every JSON output shows it: its coverage (stored as a fraction) in percent. */
    public static ObjectNode run(ScanRun run) {
        ObjectNode node = MAPPER.valueToTree(run);
        if (run.coverage() != null) {
            node.put("coverage", run.coverage() * 100);
        }
        return node;
    }
}
