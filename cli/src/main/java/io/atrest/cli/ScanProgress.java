package io.atrest.cli;

import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.ScanListener;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a scan's progress: a bar on a terminal (accounts done of total, failed calls, elapsed),
 * a log line per account otherwise, so cron and CI logs stay readable.
 */
final class ScanProgress implements ScanListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanProgress.class);

    private final boolean terminal;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private int planned;
    private int done;

    ScanProgress(boolean terminal) {
        this.terminal = terminal;
    }

    static ScanProgress forConsole() {
        return new ScanProgress(System.console() != null && System.getenv("CI") == null);
    }

    @Override
    public synchronized void planned(io.atrest.scanner.inventory.Organization organization, int accounts) {
        planned = accounts;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Scanning")
                    .setInitialMax(accounts)
                    .setUnit(" accounts", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250)
                    .build();
        }
    }

    @Override
    public synchronized void accountDone(AccountScan scan, int errors) {
        done++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(errors == 0 ? "" : errors + " failed call(s)");
        } else {
            LOG.info("{}/{} accounts done ({} {}), {} failed call(s) so far, {}s elapsed", done, planned, scan.accountId(),
                    scan.status(), errors, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null; // closed before a stopped scan's last line, and again by try-with-resources
        }
    }
}
