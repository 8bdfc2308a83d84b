package io.atrest.report.export;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes a run's findings in one machine-readable format. */
public interface FindingExport {

    void write(ScanRun run, List<StoredFinding> findings, Writer out) throws IOException;

    /** The exporter for a format name: json, csv, ocsf, asff. */
    static FindingExport forFormat(String format, String toolVersion) {
        Map<String, CheckInfo> checks = CheckCatalog.standard().checks().stream().map(Check::info)
                .collect(Collectors.toMap(CheckInfo::id, Function.identity()));
        return switch (format) {
            case "json" -> new JsonExport();
            case "csv" -> new CsvExport();
            case "ocsf" -> new OcsfExport(checks, toolVersion);
            case "asff" -> new AsffExport(checks);
            default -> throw new IllegalArgumentException("unknown export format '" + format + "' (json, csv, ocsf, asff)");
        };
    }
}
