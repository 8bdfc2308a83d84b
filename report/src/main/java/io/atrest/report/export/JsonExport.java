package io.atrest.report.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run and its findings, every field, as one JSON document. */
final class JsonExport implements FindingExport {
    static final ObjectMapper JSON = io.atrest.report.JsonStyle.MAPPER;

    @Override
    public void write(ScanRun run, List<StoredFinding> findings, Writer out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", io.atrest.report.JsonStyle.run(run));
        doc.put("findings", findings);
        out.write(JSON.writeValueAsString(doc));
    }
}
