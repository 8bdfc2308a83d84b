package io.atrest.cli;

/** The scan could not run at all (exit 3); its message is the one line the user sees. */
public final class ScanFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
