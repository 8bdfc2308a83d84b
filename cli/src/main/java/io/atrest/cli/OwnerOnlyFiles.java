package io.atrest.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files atrest writes hold findings about an organization's weak spots: readable by their owner only. */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {}

    /** Creates (or truncates) {@code file} with owner-only permissions where the file system has them. */
    static Path create(Path file) throws IOException {
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else if (Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    /** Creates {@code folder} and any missing parents, the new ones with owner-only permissions where possible. */
    static Path createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        if (absolute.getParent() != null) {
            createFolders(absolute.getParent());
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(absolute);
        }
        return folder;
    }
}
