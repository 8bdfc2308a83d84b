package io.atrest.cli;

import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.ScanListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a scan's progress: on a terminal a bar from the first second (the organization walk,
 * then accounts, moving with each region's service collected, with failed calls and elapsed
 * time), holding the last line so that log lines go above it ({@link TerminalLine}); off a
 * terminal a log line per account, so cron and CI logs stay readable.
 */
final class ScanProgress implements ScanListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanProgress.class);
    /** Progress units per account: an account's tasks move the bar in hundredths of it. */
    private static final int PER_ACCOUNT = 100;

    private final long started = System.nanoTime();
    private final Map<String, Integer> partial = new HashMap<>();
    private TerminalLine line;
    private ProgressBar bar;
    private int planned;
    private int done;
    private int errors;

    /** @param terminal where the bar goes, or null off a terminal */
    ScanProgress(PrintStream terminal) {
        if (terminal != null) {
            line = TerminalLine.hold(terminal);
            bar = new ProgressBarBuilder()
                    .setTaskName("Scanning")
                    .setInitialMax(-1) // indeterminate until the walk says how many accounts
                    .setUnit(" accounts", PER_ACCOUNT)
                    .setConsumer(new DelegatingProgressBarConsumer(line::draw, width()))
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate() // the clock moves while a long walk or a slow account moves nothing
                    .hideEta()
                    .build();
            // The bar's first frame is drawn on its own thread and may miss this message; draw it now.
            bar.setExtraMessage("walking the organization");
            bar.refresh();
        }
    }

    /** The terminal's width when the shell exports it, else a width most terminals have. */
    private static int width() {
        try {
            return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim()) - 1);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    static ScanProgress forConsole() {
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return new ScanProgress(terminal ? System.err : null);
    }

    @Override
    public synchronized void planned(io.atrest.scanner.inventory.Organization organization, int accounts) {
        planned = accounts;
        if (bar != null) {
            bar.maxHint((long) accounts * PER_ACCOUNT);
            bar.setExtraMessage(message());
        }
    }

    @Override
    public synchronized void taskDone(String accountId, int taskDone, int total) {
        if (bar != null && total > 0) {
            partial.put(accountId, taskDone * PER_ACCOUNT / total);
            redraw();
        }
    }

    @Override
    public synchronized void accountDone(AccountScan scan, int errorsSoFar) {
        done++;
        errors = errorsSoFar;
        if (bar != null) {
            partial.put(scan.accountId(), PER_ACCOUNT);
            redraw();
        } else {
            LOG.info("{}/{} accounts done ({} {}), {} failed call(s) so far, {}s elapsed", done, planned, scan.accountId(),
                    scan.status(), errorsSoFar, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    private void redraw() {
        bar.stepTo(partial.values().stream().mapToLong(Integer::longValue).sum());
        bar.setExtraMessage(message());
    }

    /** What the bar's counts do not say: the failed calls so far (the bar shows accounts done of planned). */
    private String message() {
        return errors == 0 ? "" : errors + " failed call(s)";
    }

    /** Ends the bar on its own line before anything else is printed; idempotent. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
