package io.atrest.sql.errors;

import io.atrest.scanner.inventory.CollectionError;

/** A call a run could not make, as stored: who, where, what, and why. */
public record StoredError(
        String accountId,
        String region,
        String service,
        String operation,
        String reason,
        String errorCode,
        String message,
        String resource,
        String deniedBy) {

    static StoredError of(CollectionError e) {
        return new StoredError(e.accountId(), e.region(), e.service(), e.operation(), e.reason().name(), e.errorCode(),
                clip(e.message(), 4000), clip(e.resource(), 2048), clip(e.deniedBy(), 128));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
