package io.atrest.report.export;

import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Exports a stored run's findings in one format, streamed from the history through a filter: the
 * run's findings in account, resource and check order, then the failures fixed by deleting their
 * resource. Memory holds one finding at a time (ASFF and JUnit: one account's batches).
 */
public final class FindingExport {
    /** The formats: atrest's own JSON, CSV, OCSF 1.3 JSON Lines, ASFF batches in folders, JUnit XML. */
    public enum Format { json, csv, ocsf, asff, junit }

    private FindingExport() {}

    /** A writer of {@code format} to {@code out}; ASFF writes folders ({@link #asff}). */
    public static FindingWriter to(Format format, ExportContext context, Writer out, Severity failOn) throws IOException {
        return switch (format) {
            case json -> new JsonExport(context, out);
            case csv -> new CsvExport(context, out);
            case ocsf -> new OcsfExport(context, out);
            case junit -> new JunitExport(context, out, failOn);
            case asff -> throw new IllegalArgumentException("asff is written as folders of batches: give a folder");
        };
    }

    /** ASFF batches under {@code folder}, each file made by {@code files} (readable by its owner only, from the CLI). */
    public static FindingWriter asff(ExportContext context, Path folder, AsffExport.FileCreator files) {
        return new AsffExport(context, AsffExport.files(folder, files));
    }

    /** ASFF batches of at most 100 per account and region, each handed to {@code sink} (publish sends them). */
    public static FindingWriter asffBatches(ExportContext context, AsffExport.BatchSink sink) {
        return new AsffExport(context, sink);
    }

    /** Streams the run's findings that {@code filter} takes into {@code writer}; returns how many of each status it wrote. */
    public static Map<FindingStatus, Long> export(HistoryStore store, ExportContext context, ExportFilter filter, FindingWriter writer)
            throws IOException {
        Map<FindingStatus, Long> written = new EnumMap<>(FindingStatus.class);
        try (writer) {
            try {
                store.queries().forEachFinding(context.run().id(), f -> write(writer, filter, context.classify(f), written));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (ExportedFinding gone : context.gone()) {
                write(writer, filter, gone, written);
            }
        }
        return written;
    }

    private static void write(FindingWriter writer, ExportFilter filter, ExportedFinding f, Map<FindingStatus, Long> written) {
        if (!filter.test(f)) {
            return;
        }
        try {
            writer.write(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.merge(f.status(), 1L, Long::sum);
    }
}
