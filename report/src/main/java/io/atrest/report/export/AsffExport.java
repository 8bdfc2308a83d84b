package io.atrest.report.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ASFF as Security Hub imports it: one folder per account and region ({@code DIR/ACCOUNT/REGION/}),
 * files of at most 100 findings ({@code findings-0001.json}, a JSON array each: one
 * BatchImportFindings call, made from that account, in that region). The findings come sorted by
 * account, so only one account's batches are held at a time.
 */
public final class AsffExport implements FindingWriter {
    /** BatchImportFindings takes at most this many findings per call. */
    static final int BATCH = 100;
    private final ExportContext context;
    private final Path folder;
    private final FileCreator files;
    private final Map<String, List<AsffFinding>> batches = new LinkedHashMap<>();
    private final Map<String, Integer> written = new LinkedHashMap<>();
    private String account;

    /** Creates each file (the CLI makes them readable by their owner only). */
    @FunctionalInterface
    public interface FileCreator {
        Path create(Path file) throws IOException;
    }

    AsffExport(ExportContext context, Path folder, FileCreator files) {
        this.context = context;
        this.folder = folder;
        this.files = files;
    }

    @Override
    public void write(ExportedFinding f) throws IOException {
        if (f.status() == FindingStatus.NOT_APPLICABLE) {
            return; // Security Hub has no use for a check that does not apply
        }
        if (account != null && !account.equals(f.finding().accountId())) {
            flushAll();
        }
        account = f.finding().accountId();
        String key = f.finding().accountId() + "/" + context.regionOf(f.finding());
        List<AsffFinding> batch = batches.computeIfAbsent(key, k -> new ArrayList<>(BATCH));
        batch.add(AsffFinding.of(f, context));
        if (batch.size() == BATCH) {
            flush(key, batch);
        }
    }

    private void flushAll() throws IOException {
        for (Map.Entry<String, List<AsffFinding>> e : batches.entrySet()) {
            if (!e.getValue().isEmpty()) {
                flush(e.getKey(), e.getValue());
            }
        }
        batches.clear();
    }

    private void flush(String key, List<AsffFinding> batch) throws IOException {
        int n = written.merge(key, 1, Integer::sum);
        Path file = folder.resolve(key).resolve(String.format("findings-%04d.json", n));
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(files.create(file), StandardCharsets.UTF_8)) {
            out.write(JsonExport.JSON.writeValueAsString(batch));
        }
        batch.clear();
    }

    /** The files written per account and region folder. */
    Map<String, Integer> files() {
        return Map.copyOf(written);
    }

    @Override
    public void close() throws IOException {
        flushAll();
    }

    /** The ASFF resource type: the kind's own where ASFF has one, "Other" where it has none (its descriptor says which). */
    static String asffType(String resourceType) {
        if (resourceType.equals("DataStore")) {
            return "Other";
        }
        return io.atrest.scanner.stores.StoreKinds.named(resourceType).map(io.atrest.scanner.stores.StoreKind::asffType).orElse(resourceType);
    }
}
