package io.atrest.scanner.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSinkTest {

    @TempDir
    Path tmp;

    @Test
    void theFolderIsPrivateAndGoneAfterClose() throws Exception {
        Path folder;
        try (DiskSink slices = DiskSink.inFolderUnder(tmp)) {
            folder = slices.folder();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(Files.readString(folder.resolve("owner.pid"))).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeCreatedSaysWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiskSink.inFolderUnder(tmp.resolve("missing")))
                .hasMessage("cannot create a temporary folder for the scan under " + tmp.resolve("missing") + ": no such folder");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiskSink.inFolderUnder(file))
                .hasMessageStartingWith("cannot create a temporary folder for the scan under " + file + ": ");
    }

    @Test
    void aFolderLeftByAScanWhoseProcessIsGoneIsRemovedByTheNextScan() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectory(tmp.resolve("atrest-scan-killed"));
        Files.writeString(abandoned.resolve("owner.pid"), Long.toString(gone.pid()));
        Files.writeString(abandoned.resolve("111111111111.json"), "{\"schemaVersion\":1}");
        Path running = Files.createDirectory(tmp.resolve("atrest-scan-running"));
        Files.writeString(running.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        Path starting = Files.createDirectory(tmp.resolve("atrest-scan-starting")); // no owner file yet
        Path unrelated = Files.createDirectory(tmp.resolve("something-else"));

        try (DiskSink slices = DiskSink.inFolderUnder(tmp)) {
            assertThat(abandoned).doesNotExist();
            assertThat(running).exists();
            assertThat(starting).exists();
            assertThat(unrelated).exists();
            assertThat(slices.folder()).exists();
        }
    }
}
