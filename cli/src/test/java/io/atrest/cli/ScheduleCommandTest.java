package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code atrest schedule} says before it starts: its status, and bad input as one line with exit code 2. */
class ScheduleCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atrest.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("atrest");
    }

    @Test
    void statusShowsNextFireTimesInTheTimeZoneAndTheLastRun() {
        assertThat(run("demo", "--nights", "2", "--db", db(), "--reports", dir.resolve("r").toString()).code()).isZero();
        Result status = run("schedule", "--status", "--db", db(), "--cron", "0 30 1 * * ?", "--time-zone", "Asia/Tokyo",
                "--report-cron", "0 0 6 ? * MON", "--report-format", "pdf,html");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("Time zone   Asia/Tokyo")
                .contains("Scan        0 30 1 * * ?   next: ").contains("01:30:00 JST")
                .contains("Report      0 0 6 ? * MON").contains("[PDF, HTML]")
                .contains("Last scheduled run  none yet")
                .contains("Last run            #2 DEMO PARTIAL");
    }

    @Test
    void theScheduleCanComeFromAFileAndFlagsWin() throws Exception {
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, """
                cron: ["0 15 3 * * ?", "0 15 15 * * ?"]
                timeZone: UTC
                report:
                  cron: "0 0 7 1 * ?"
                  folder: /tmp/reports
                """);
        Result fromFile = run("schedule", "--status", "--db", db(), "--config", file.toString());
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("Scan        0 15 3 * * ?").contains("Scan        0 15 15 * * ?")
                .contains("Report      0 0 7 1 * ? -> /tmp/reports [PDF]");
        Result flagWins = run("schedule", "--status", "--db", db(), "--config", file.toString(), "--cron", "0 0 4 * * ?");
        assertThat(flagWins.out()).contains("Scan        0 0 4 * * ?").doesNotContain("0 15 3");
    }

    @Test
    void badScheduleInputIsOneLineAndExitTwo() throws Exception {
        Result badCron = run("schedule", "--status", "--db", db(), "--cron", "0 0 2 * *");
        assertThat(badCron.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badCron.err().strip()).startsWith("atrest: --cron: '0 0 2 * *' is not a Quartz cron expression").doesNotContain("\n");

        Result badZone = run("schedule", "--status", "--db", db(), "--time-zone", "Mars/Olympus");
        assertThat(badZone.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badZone.err().strip()).isEqualTo("atrest: --time-zone: 'Mars/Olympus' is not a time zone (e.g. UTC, Europe/Paris)");

        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, "cron: [\"0 0 2 * * ?\"]\nnightly: true\n");
        Result unknownKey = run("schedule", "--status", "--db", db(), "--config", file.toString());
        assertThat(unknownKey.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownKey.err().strip())
                .isEqualTo("atrest: " + file + ": unknown key 'nightly' (known: cron, timeZone, report)");
        Files.writeString(file, "cron: [\"0 0 2 * * ?\"\n  timeZone: UTC\n");
        Result broken = run("schedule", "--status", "--db", db(), "--config", file.toString());
        assertThat(broken.code()).isEqualTo(ExitCode.USAGE);
        assertThat(broken.err().strip()).startsWith("atrest: " + file + ": line ").doesNotContain("\n").doesNotContain("io.atrest");

        Result orphanReportOption = run("schedule", "--status", "--db", db(), "--report-dir", "x");
        assertThat(orphanReportOption.code()).isEqualTo(ExitCode.USAGE);
        assertThat(orphanReportOption.err()).contains("need --report-cron");

        Result badReportCron = run("schedule", "--status", "--db", db(), "--report-cron", "every monday");
        assertThat(badReportCron.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badReportCron.err()).contains("--report-cron: 'every monday' is not a Quartz cron expression");
        // Bad input writes nothing: no database was created.
        assertThat(Files.exists(dir.resolve("atrest.mv.db"))).isFalse();
    }
}
