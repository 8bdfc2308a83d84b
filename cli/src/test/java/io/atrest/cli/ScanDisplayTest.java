package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16.1: {@code atrest scan} on a real (pseudo-)terminal, run under {@code script}, the screen
 * rendered from what it wrote: the bar shows from the walk on, log lines go above it and never
 * into it, and it ends on its own line before the summary, which starts whole.
 */
class ScanDisplayTest {
    @TempDir
    Path dir;

    /** The screen a terminal shows for {@code output}: carriage returns, erase-to-end-of-line and new lines. */
    static List<String> screen(String output) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int cursor = 0;
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < output.length() && !Character.isLetter(output.charAt(end))) {
                    end++;
                }
                if (end < output.length() && output.charAt(end) == 'K') {
                    line.setLength(Math.min(cursor, line.length()));
                }
                i = end;
            } else if (c == '\r') {
                cursor = 0;
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                cursor = 0;
            } else {
                if (cursor < line.length()) {
                    line.setCharAt(cursor, c);
                } else {
                    line.append(c);
                }
                cursor++;
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    @Test
    void theScreenRendersTheEmulatorsWayOfBarsAndLogs() {
        assertThat(screen("a\rbc\u001b[K\nlog\r\u001b[Kline\nbar")).containsExactly("bc", "line", "bar");
    }

    /** Runs a scan of the wire organization on a pseudo-terminal; what the terminal received. */
    private String onTerminal(String... options) throws Exception {
        try (StubAws stub = new StubAws(r -> {
            try {
                Thread.sleep(15); // a remote API's pace: the scan lasts long enough for the bar to move
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScanOverTheWireTest.answer(r);
        })) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> args = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.atrest.cli.Atrest", "scan",
                    "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1", "--role-name", "AtrestScanner",
                    "--regions", "us-east-1,eu-west-1", "--allow-partial", "--db", "jdbc:h2:file:" + dir.resolve("atrest-" + options.length)));
            args.addAll(List.of(options));
            Path typescript = dir.resolve("typescript-" + options.length + ".txt");
            ProcessBuilder builder = new ProcessBuilder("script", "-qefc", String.join(" ", args), "/dev/null")
                    .redirectOutput(typescript.toFile()).redirectErrorStream(true);
            builder.environment().remove("CI"); // CI turns the bar off; this is a person at a terminal
            builder.environment().put("TERM", "xterm");
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDMANAGEMENT");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String raw = Files.readString(typescript, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(raw).isZero();
            return raw;
        }
    }

    @Test
    void quietAndNoProgressTurnTheBarAndTheChatterOff() throws Exception {
        List<String> quiet = screen(onTerminal("--quiet"));
        assertThat(quiet).noneMatch(l -> l.startsWith("Scanning")).noneMatch(l -> l.contains(" INFO "));
        assertThat(quiet).anyMatch(l -> l.matches("Run \\d+  PARTIAL  \\(scan\\)"));
        List<String> plain = screen(onTerminal("--no-progress", "--output", "table"));
        assertThat(plain).noneMatch(l -> l.startsWith("Scanning")).anyMatch(l -> l.contains("ScanProgress - 2/2 accounts done"));
    }

    @Test
    void onATerminalTheBarStaysWholeAndLogsGoAboveIt() throws Exception {
        {
            String raw = onTerminal();
            List<String> screen = screen(raw);
            int summary = -1;
            for (int i = 0; i < screen.size(); i++) {
                if (screen.get(i).matches("Run \\d+  \\w+  \\(scan\\)")) {
                    summary = i;
                    break;
                }
            }
            assertThat(summary).as("the summary's first line, whole:%n%s", String.join("\n", screen)).isPositive();
            List<String> before = screen.subList(0, summary);
            assertThat(before).as("log lines and the bar never share a line")
                    .noneMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*") && l.contains("Scanning"))
                    .noneMatch(l -> l.contains("Scanning") && l.indexOf("Scanning") > 0);
            assertThat(before).as("logs were written while the bar ran").anyMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .* INFO .*"));
            assertThat(before.get(before.size() - 1)).as("the bar ends on its own line, complete, before the summary")
                    .startsWith("Scanning").contains("2/2 accounts").contains("1 failed call(s)");
            assertThat(screen.subList(summary, screen.size())).as("the bar is not drawn again below the summary")
                    .noneMatch(l -> l.startsWith("Scanning"));
            assertThat(raw).as("the bar shows from the walk on").contains("walking the organization");
        }
    }
}
