package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder that cannot be created or written: one line, exit code 2, nothing written. */
class DataFolderTest {
    @TempDir
    Path dir;

    private static String[] err(String... args) {
        StringWriter err = new StringWriter();
        int code = Atrest.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), err.toString().strip()};
    }

    @Test
    void theDatabaseFileAndItsFolderAreTheOwnersAlone() throws Exception {
        Path folder = dir.resolve("atrest-data");
        String[] result = err("history", "--db", "jdbc:h2:file:" + folder.resolve("atrest"));
        assertThat(result[0]).isEqualTo("0");
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve("atrest.mv.db")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aFolderOnAReadOnlyFileSystemIsOneLineAndExitTwo() {
        // /proc refuses new folders even to root, unlike a chmod-ed folder.
        String[] result = err("demo", "--nights", "1", "--db", "jdbc:h2:file:/proc/atrest-test/atrest");
        assertThat(result[0]).isEqualTo(Integer.toString(ExitCode.USAGE));
        assertThat(result[1]).startsWith("atrest: cannot create the data folder /proc/atrest-test: ").doesNotContain("\n");
    }

    @Test
    void aFileInTheWayOfTheFolderIsOneLineAndExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        String[] result = err("history", "--db", "jdbc:h2:file:" + file.resolve("atrest"));
        assertThat(result[0]).isEqualTo(Integer.toString(ExitCode.USAGE));
        assertThat(result[1]).isEqualTo("atrest: cannot create the data folder " + file + ": a file of that name is in the way");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
