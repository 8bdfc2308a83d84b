package io.atrest.scanner.org;

import io.atrest.scanner.inventory.CollectionError;

/** An account could not be entered; the error says which call failed and why. */
public final class AccountAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CollectionError error;

    public AccountAccessException(CollectionError error, Throwable cause) {
        super(error.qualifiedOperation() + " for account " + error.accountId() + " failed: " + error.errorCode(), cause);
        this.error = error;
    }

    public CollectionError error() {
        return error;
    }
}
