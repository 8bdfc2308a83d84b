package io.atrest.scanner.iam;

/** A policy document that is not valid JSON or not an IAM policy; the message says where. */
public final class PolicyParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyParseException(String message) {
        super(message);
    }

    public PolicyParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
