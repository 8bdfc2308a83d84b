package io.atrest.report.export;

import io.atrest.report.Table;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One row per finding, evidence as JSON in its own column (RFC 4180). */
final class CsvExport implements FindingExport {

    @Override
    public void write(ScanRun run, List<StoredFinding> findings, Writer out) throws IOException {
        Table table = new Table("run", "check", "severity", "outcome", "reason", "failed_operation", "account", "region",
                "resource_type", "resource", "classification", "message", "failing_since", "evidence");
        for (StoredFinding f : findings) {
            table.row(run.id(), f.checkId(), f.severity(), f.outcome(), f.reason(), f.failedOperation(), f.accountId(), f.region(),
                    f.resourceType(), f.resourceArn(), f.classification(), f.message(), f.failingSince(),
                    JsonExport.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(f.evidence()));
        }
        out.write(table.render(Table.Format.csv));
    }
}
