package io.atrest.scanner.aws;

/** Thrown before a request is sent when it is not a read operation on the allowlist. */
public final class ReadOnlyViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyViolation(String sdkService, String operation) {
        super("atrest is read-only: refused to send " + sdkService + ":" + operation + ", which is not on the read-only allowlist");
    }

    /** Refused by a guard whose rule {@code why} says. */
    public ReadOnlyViolation(String sdkService, String operation, String why) {
        super("refused to send " + sdkService + ":" + operation + ": " + why);
    }
}
