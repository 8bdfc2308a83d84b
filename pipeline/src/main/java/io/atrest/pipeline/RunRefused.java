package io.atrest.pipeline;

/** A run refused for input its caller can fix (an account the organization lacks, a bad role name): nothing was scanned. */
public final class RunRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunRefused(String message) {
        super(message);
    }

    public RunRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
