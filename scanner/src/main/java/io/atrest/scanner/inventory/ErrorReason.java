package io.atrest.scanner.inventory;

/** Why a fact could not be collected. A check that needs the fact answers NOT_EVALUATED with this reason. */
public enum ErrorReason {
    ACCESS_DENIED,
    THROTTLED,
    REGION_DISABLED,
    NOT_FOUND,
    TIMEOUT,
    API_ERROR
}
