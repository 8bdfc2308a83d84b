package io.atrest.cli;

import io.atrest.report.ReportFormat;
import io.atrest.report.ReportDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a filled report to a file readable by its owner only. The file appears whole or not at
 * all: it is written next to its target and moved into place, so a failed export never leaves
 * half a PDF where last week's report was.
 */
final class ReportFiles {
    private ReportFiles() {}

    static Path write(ReportDocument document, ReportFormat format, Path out) {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        Path partial = folder.resolve("." + target.getFileName() + ".partial");
        try {
            OwnerOnlyFiles.createFolders(folder);
            try (OutputStream stream = Files.newOutputStream(OwnerOnlyFiles.create(partial))) {
                document.write(format, stream);
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return out;
        } catch (IOException e) {
            deletePartial(partial);
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A report that failed half-way leaves nothing behind, not even its partial file.
            deletePartial(partial);
            throw e;
        }
    }

    private static void deletePartial(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the original error is the one to report
        }
    }

    /** The format a file name asks for, or null when its extension names none. */
    static ReportFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (ReportFormat format : ReportFormat.values()) {
            if (name.endsWith("." + format.extension())) {
                return format;
            }
        }
        return null;
    }
}
