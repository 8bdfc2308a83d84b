package io.atrest.report.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One row per finding (RFC 4180, through jackson-dataformat-csv), evidence as JSON in its own
 * column, streamed. Account names, tags and messages come from the scanned accounts, so a cell a
 * spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return) is
 * written as text, behind a single quote (OWASP's CSV injection advice).
 */
final class CsvExport implements FindingWriter {
    static final List<String> COLUMNS = List.of("run", "status", "check", "severity", "outcome", "reason", "failed_operation", "account",
            "region", "resource_type", "resource", "classification", "message", "failing_since", "evidence");
    private final SequenceWriter rows;
    private final long runId;

    CsvExport(ExportContext context, Writer writer) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        this.rows = new CsvMapper().writer(schema.build()).writeValues(writer);
        this.runId = context.run().id();
    }

    @Override
    public void write(ExportedFinding e) throws IOException {
        var f = e.finding();
        rows.write(List.of(Long.toString(runId), e.status().name(), f.checkId(), f.severity(), f.outcome(), text(f.reason()),
                text(f.failedOperation()), f.accountId(), text(f.region()), f.resourceType(), safe(f.resourceArn()), safe(text(f.classification())),
                safe(text(f.message())), f.failingSince() == null ? "" : f.failingSince().toString(),
                safe(JsonExport.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(f.evidence()))));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A cell a spreadsheet would evaluate, made text. */
    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    @Override
    public void close() throws IOException {
        rows.flush(); // the caller owns the writer
    }
}
