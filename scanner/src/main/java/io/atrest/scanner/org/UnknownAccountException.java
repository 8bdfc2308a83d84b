package io.atrest.scanner.org;

import java.util.Set;

/** The user named accounts that are not active members of the organization. */
public final class UnknownAccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownAccountException(Set<String> unknown) {
        super("unknown account(s), not active in the organization: " + String.join(", ", new java.util.TreeSet<>(unknown)));
    }
}
