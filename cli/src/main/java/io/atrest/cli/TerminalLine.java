package io.atrest.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The last line of a terminal while a progress bar holds it. The bar redraws it in place; a log
 * line is written above it (the bar is cleared, the line printed, the bar drawn again), so the
 * two never share a line. Off a terminal nothing holds the line and logs go straight to stderr.
 */
final class TerminalLine implements AutoCloseable {
    private static final String CLEAR = "\r\u001b[K";
    private static volatile TerminalLine active;

    private final PrintStream out;
    private String bar = "";
    private boolean closed;

    private TerminalLine(PrintStream out) {
        this.out = out;
    }

    /** Holds the terminal's last line on {@code out} until {@link #close}. */
    static TerminalLine hold(PrintStream out) {
        TerminalLine line = new TerminalLine(out);
        active = line;
        return line;
    }

    /** Writes a log line above the bar when one holds the terminal; false when none does (the caller writes it). */
    static boolean above(byte[] logLine) {
        TerminalLine line = active;
        return line != null && line.log(logLine);
    }

    /** Draws the bar in place of the last one. */
    synchronized void draw(String rendered) {
        if (closed) {
            return;
        }
        bar = rendered;
        out.print(CLEAR + rendered);
        out.flush();
    }

    private synchronized boolean log(byte[] logLine) {
        if (closed) {
            return false;
        }
        out.print(CLEAR);
        out.print(new String(logLine, StandardCharsets.UTF_8));
        out.print(bar);
        out.flush();
        return true;
    }

    /** Leaves the last bar on its own line and gives the terminal back: what follows starts on a new line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (active == this) {
            active = null;
        }
        out.print(bar.isEmpty() ? CLEAR : CLEAR + bar + System.lineSeparator());
        out.flush();
    }
}
