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
 * ASFF as Security Hub imports it: batches of at most 100 findings per account and region (one
 * BatchImportFindings call each, made from that account, in that region), handed to a
 * {@link BatchSink}: files in a folder per account and region for {@code export}, Security Hub
 * itself for {@code publish}. The findings come sorted by account, so only one account's batches
 * are held at a time.
 */
public final class AsffExport implements FindingWriter {
    /** BatchImportFindings takes at most this many findings per call. */
    public static final int BATCH = 100;
    private final ExportContext context;
    private final BatchSink sink;
    private final Map<String, List<AsffFinding>> batches = new LinkedHashMap<>();
    private final Map<String, Integer> written = new LinkedHashMap<>();
    private String account;

    /** Where each batch goes. */
    @FunctionalInterface
    public interface BatchSink {
        /** @param number the batch's number in its account and region, from 1 */
        void accept(String accountId, String region, int number, List<AsffFinding> batch) throws IOException;
    }

    /** Creates each file (the CLI makes them readable by their owner only). */
    @FunctionalInterface
    public interface FileCreator {
        Path create(Path file) throws IOException;
    }

    AsffExport(ExportContext context, BatchSink sink) {
        this.context = context;
        this.sink = sink;
    }

    /** Batches written as {@code FOLDER/ACCOUNT/REGION/findings-NNNN.json}, a JSON array each. */
    static BatchSink files(Path folder, FileCreator files) {
        return (accountId, region, number, batch) -> {
            Path file = folder.resolve(accountId).resolve(region).resolve(String.format("findings-%04d.json", number));
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(files.create(file), StandardCharsets.UTF_8)) {
                out.write(JsonExport.JSON.writeValueAsString(batch));
            }
        };
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
        String key = f.finding().accountId() + "\u0000" + context.regionOf(f.finding());
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
        int cut = key.indexOf('\u0000');
        sink.accept(key.substring(0, cut), key.substring(cut + 1), n, List.copyOf(batch));
        batch.clear();
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
