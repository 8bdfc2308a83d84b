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
        String[] result = err("db", "migrate", "--db", "jdbc:h2:file:" + folder.resolve("atrest")); // creates it
        assertThat(result[0]).isEqualTo("0");
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve("atrest.mv.db")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aTemporaryFolderThatCannotBeCreatedIsOneLineExitTwoAndNoRun() throws Exception {
        // A scan keeps each account's inventory in a temporary folder; /proc refuses one before any AWS call.
        String db = "jdbc:h2:file:" + dir.resolve("tmp-db");
        Path log = dir.resolve("scan.log");
        Process scan = AtrestProcess.start(log, java.util.List.of("-Djava.io.tmpdir=/proc/atrest-no-tmp"),
                "scan", "--db", db, "--endpoint-url", "http://127.0.0.1:9", "--home-region", "us-east-1");
        assertThat(scan.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(scan.exitValue()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readAllLines(log)).filteredOn(l -> l.startsWith("atrest: "))
                .singleElement().asString().contains("temporary folder", "/proc/atrest-no-tmp", "java.io.tmpdir");
        try (io.atrest.sql.HistoryStore store = io.atrest.sql.HistoryStore.open(db)) {
            assertThat(store.runLog().recentRuns(5)).as("nothing written").isEmpty();
        }
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
        String[] result = err("db", "migrate", "--db", "jdbc:h2:file:" + file.resolve("atrest"));
        assertThat(result[0]).isEqualTo(Integer.toString(ExitCode.USAGE));
        assertThat(result[1]).isEqualTo("atrest: cannot create the data folder " + file + ": a file of that name is in the way");
        // A read command creates nothing, so it only says there is no history there.
        assertThat(err("history", "--db", "jdbc:h2:file:" + file.resolve("atrest"))[1]).isEqualTo("atrest: no atrest history at "
                + file.resolve("atrest") + ".mv.db (no such file)");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
