package io.atrest.cli;

import java.io.PrintWriter;
import io.atrest.pipeline.Stop;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a scan: the first asks the scan to stop (no new call is sent, the
 * run is closed ABANDONED with the reason, the process exits 130 or 143); a second exits at once,
 * leaving the run RUNNING for the next command to mark ABANDONED, as after a kill -9.
 * A shutdown hook would not do: the JVM runs hooks only once it has decided to exit, and a
 * second Ctrl-C could not cut them short.
 */
final class Interrupts implements Stop, AutoCloseable {
    private final PrintWriter err;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private volatile String signal;

    private Interrupts(PrintWriter err) {
        this.err = err;
        this.previousInt = Signal.handle(new Signal("INT"), this::handle);
        this.previousTerm = Signal.handle(new Signal("TERM"), this::handle);
    }

    static Interrupts install(PrintWriter err) {
        return new Interrupts(err);
    }

    private void handle(Signal received) {
        String name = "SIG" + received.getName();
        if (signal != null) {
            err.println("atrest: " + name + " again: exiting now; the run stays RUNNING until the next command marks it ABANDONED");
            err.flush();
            Runtime.getRuntime().halt(exitCode(name));
        }
        signal = name;
        err.println("atrest: " + name + ": stopping; no new AWS call is sent and the run is closed ABANDONED"
                + " (press Ctrl-C again to exit at once)");
        err.flush();
    }

    @Override
    public boolean getAsBoolean() {
        return signal != null;
    }

    /** "SIGINT" or "SIGTERM" once one arrived, else null. */
    String signal() {
        return signal;
    }

    @Override
    public String cause() {
        return signal == null ? Stop.super.cause() : "interrupted by " + signal;
    }

    int exitCode() {
        return exitCode(signal);
    }

    private static int exitCode(String signal) {
        return "SIGTERM".equals(signal) ? ExitCode.TERMINATED : ExitCode.INTERRUPTED;
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
