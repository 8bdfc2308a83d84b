package io.atrest.scanner.sink;

import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Slices that wait on disk, in a folder only the owner can read, removed on {@link #close}, from
 * the moment an account's collection ends until it is evaluated: a scan's memory then grows with
 * the few cross-account facts per resource, not with every policy and setting it read.
 */
public final class DiskSink extends InventorySink {
    private static final String PREFIX = "atrest-scan-";
    /** The file naming the process that owns a slice folder. */
    private static final String OWNER = "owner.pid";

    private final Path folder;
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    private DiskSink(Path folder) {
        this.folder = folder;
    }

    /** Slices kept in a new private folder under the system's temporary directory. */
    public static DiskSink inTemporaryFolder() {
        return inFolderUnder(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Slices kept in a new private folder under {@code parent}. Folders that scans killed
     * before their end left there (their process is gone) are removed first: they hold an
     * inventory, which should not outlive its scan.
     */
    public static DiskSink inFolderUnder(Path parent) {
        removeAbandoned(parent);
        try {
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(parent, PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, PREFIX);
            Files.writeString(folder.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            return new DiskSink(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the scan under " + parent + ": " + why(e), e);
        }
    }

    /** NIO names only the path in most of its exceptions: say what went wrong instead. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** Removes slice folders whose owning process is gone; returns how many. Folders it cannot read are left alone. */
    static int removeAbandoned(Path parent) {
        int removed = 0;
        try (Stream<Path> folders = Files.list(parent)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(folder.resolve(OWNER)).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue; // a scan running now (or a process that took the id over: left alone)
                    }
                    delete(folder);
                    removed++;
                } catch (IOException | NumberFormatException | UncheckedIOException e) {
                    // not ours to judge: no owner file yet, another user's folder, or unreadable
                }
            }
        } catch (IOException e) {
            return removed; // the temporary directory cannot be listed: nothing to clean
        }
        return removed;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }

    @Override
    protected void keep(String accountId, Inventory slice) {
        Path file = folder.resolve(accountId + ".json");
        InventoryDocument.write(slice, file);
        files.put(accountId, file);
    }

    @Override
    protected Inventory read(String accountId) {
        Path file = files.get(accountId);
        return file == null ? null : InventoryDocument.read(file);
    }

    /** The folder the slices wait in (for tests: it must be private, and gone after close). */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scan's temporary folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
