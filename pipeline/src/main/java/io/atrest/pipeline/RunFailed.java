package io.atrest.pipeline;

/** A run that could not scan at all (no credentials, the organization unreadable with nothing to fall back to). */
public final class RunFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
