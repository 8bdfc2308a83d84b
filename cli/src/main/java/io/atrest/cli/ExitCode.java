package io.atrest.cli;

/** atrest's exit codes, stable for CI gates and schedulers. */
public final class ExitCode {
    /** Done; no finding at or above --fail-on. */
    public static final int OK = 0;
    /** Done; findings at or above --fail-on. */
    public static final int FINDINGS = 1;
    /** Bad usage or configuration: nothing was scanned or written. */
    public static final int USAGE = 2;
    /** The scan could not run (no credentials, AWS unreachable, no account could be read). */
    public static final int SCAN_FAILED = 3;
    /** Done, but PARTIAL: some calls failed past every retry, their findings are NOT_EVALUATED (unless --allow-partial). */
    public static final int PARTIAL = 4;
    /** Stopped by SIGINT (Ctrl-C): the run is closed ABANDONED. 128 + the signal's number, as shells report it. */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM: the run is closed ABANDONED. */
    public static final int TERMINATED = 143;

    private ExitCode() {}
}
