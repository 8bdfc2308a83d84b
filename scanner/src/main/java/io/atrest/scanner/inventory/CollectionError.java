package io.atrest.scanner.inventory;

import java.util.Objects;

/**
 * A call that failed while collecting, kept in the inventory beside the facts it would have given.
 *
 * @param resource the ARN or name of the resource being read, or null for a list call
 * @param deniedBy for ACCESS_DENIED, what AWS says denied it explicitly ("service control policy",
 *     "resource control policy", "permissions boundary", ...), or null when it did not say
 */
public record CollectionError(
        String accountId,
        String region,
        String service,
        String operation,
        ErrorReason reason,
        String errorCode,
        String message,
        String resource,
        String deniedBy) {

    public CollectionError(String accountId, String region, String service, String operation, ErrorReason reason,
                           String errorCode, String message, String resource) {
        this(accountId, region, service, operation, reason, errorCode, message, resource, null);
    }

    public CollectionError {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
    }

    /** "s3:GetBucketEncryption", the form findings and reports name a failed operation by. */
    public String qualifiedOperation() {
        return service + ":" + operation;
    }
}
