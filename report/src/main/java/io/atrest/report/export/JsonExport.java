package io.atrest.report.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The run and its findings, every field and each finding's status, as one JSON document
 * ({@code {"run": ..., "previous_run_id": ..., "findings": [...]}}), written as the findings stream.
 */
final class JsonExport implements FindingWriter {
    static final ObjectMapper JSON = io.atrest.report.JsonStyle.MAPPER;
    private final JsonGenerator out;

    JsonExport(ExportContext context, Writer writer) throws IOException {
        this.out = JSON.getFactory().createGenerator(writer);
        out.writeStartObject();
        out.writeFieldName("run");
        JSON.writeValue(out, io.atrest.report.JsonStyle.run(context.run()));
        if (context.previous() != null) {
            out.writeNumberField("previous_run_id", context.previous().id());
        }
        out.writeArrayFieldStart("findings");
    }

    @Override
    public void write(ExportedFinding f) throws IOException {
        ObjectNode node = JSON.valueToTree(f.finding());
        node.put("status", f.status().name());
        if (f.resourceGone()) {
            node.put("resource_gone", true);
        }
        JSON.writeValue(out, node);
    }

    @Override
    public void close() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.flush(); // the caller owns the writer
    }
}
